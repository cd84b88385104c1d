#!/bin/bash
# Runs once when the primary's data directory is created: let the replica stream with the netra role.
set -e
echo "host replication netra all scram-sha-256" >> "$PGDATA/pg_hba.conf"
