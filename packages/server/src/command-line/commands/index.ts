/**
 * Every `netra` command. Adding a command means writing its file in this folder and listing it
 * here; help and dispatch follow from the list, in this order.
 */
import type { Command } from '../command.ts';
import { auditCheckpointCommand, auditVerifyCommand } from './audit-verify.ts';
import { backupCommand, restoreCommand } from './backup.ts';
import { candidatesCheckCommand } from './candidates-check.ts';
import { demoGenerateCommand } from './demo-generate.ts';
import { importAsnCommand } from './import-asn.ts';
import { keysCheckCommand, keysRotateCommand } from './keys.ts';
import { deadlinesSweepCommand } from './deadlines-sweep.ts';
import { dashboardsRefreshCommand } from './dashboards-refresh.ts';
import { electionRegionsImportCommand } from './election-regions-import.ts';
import { migrateCommand } from './migrate.ts';
import { retentionPurgeCommand } from './retention.ts';
import { screenCommand } from './screen.ts';
import { seedCommand } from './seed.ts';
import { usersAccessCommand, usersDeactivateCommand, usersInviteCommand, usersListCommand, usersWhoCommand } from './users.ts';

export const COMMANDS: readonly Command[] = [migrateCommand, seedCommand, electionRegionsImportCommand, auditVerifyCommand, auditCheckpointCommand, deadlinesSweepCommand, importAsnCommand, demoGenerateCommand, candidatesCheckCommand, dashboardsRefreshCommand, screenCommand, keysCheckCommand, keysRotateCommand, backupCommand, restoreCommand, retentionPurgeCommand, usersInviteCommand, usersListCommand, usersAccessCommand, usersDeactivateCommand, usersWhoCommand];
