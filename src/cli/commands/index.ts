import type { Command } from '../command.ts';
import { configCheckCommand } from './config-check.ts';
import { configReferenceCommand } from './config-reference.ts';

/** Every CLI command, in the order `--help` lists them. */
export const COMMANDS: readonly Command[] = [configCheckCommand, configReferenceCommand];
