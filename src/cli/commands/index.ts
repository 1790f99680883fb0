import type { Command } from '../command.ts';
import { approvalsCommand } from './approvals.ts';
import { backfillCommand } from './backfill.ts';
import { checkCommand } from './check.ts';
import { configCheckCommand } from './config-check.ts';
import { configReferenceCommand } from './config-reference.ts';
import { demoCommand } from './demo.ts';
import { eventsCommand } from './events.ts';
import { mcpCommand } from './mcp.ts';
import { migrateCommand } from './migrate.ts';
import { modelsBuildCommand, modelsDocsCommand, modelsTestCommand } from './models.ts';
import { pushCommand } from './push.ts';
import { reconcileCommand } from './reconcile.ts';
import { runCommand } from './run.ts';
import { sandboxCommand } from './sandbox.ts';
import { schedulesExecCommand } from './schedules-exec.ts';
import { schedulesListCommand } from './schedules-list.ts';
import { schedulesNextCommand } from './schedules-next.ts';
import { schedulesRenderCommand } from './schedules-render.ts';
import { schedulesServeCommand } from './schedules-serve.ts';
import { schedulesValidateCommand } from './schedules-validate.ts';
import { statusCommand } from './status.ts';
import { syncCommand } from './sync.ts';

/** Every CLI command, in the order `--help` lists them. */
export const COMMANDS: readonly Command[] = [
  syncCommand,
  runCommand,
  backfillCommand,
  reconcileCommand,
  pushCommand,
  approvalsCommand,
  eventsCommand,
  statusCommand,
  checkCommand,
  migrateCommand,
  modelsBuildCommand,
  modelsTestCommand,
  modelsDocsCommand,
  mcpCommand,
  demoCommand,
  sandboxCommand,
  schedulesListCommand,
  schedulesNextCommand,
  schedulesValidateCommand,
  schedulesRenderCommand,
  schedulesServeCommand,
  schedulesExecCommand,
  configCheckCommand,
  configReferenceCommand,
];
