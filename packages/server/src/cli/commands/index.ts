/**
 * Every `netra` command. Adding a command means writing its file in this folder and listing it
 * here; help and dispatch follow from the list, in this order.
 */
import type { Command } from '../command.ts';
import { auditVerifyCommand } from './audit-verify.ts';
import { electionRegionsImportCommand } from './election-regions-import.ts';
import { migrateCommand } from './migrate.ts';
import { seedCommand } from './seed.ts';

export const COMMANDS: readonly Command[] = [migrateCommand, seedCommand, electionRegionsImportCommand, auditVerifyCommand];
