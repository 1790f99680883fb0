import type { Logger } from '../core/logger.ts';
import type { Shutdown } from '../ops/shutdown.ts';

/** One option of a command, as `node:util` parseArgs takes it, plus the help text. */
export interface OptionSpec {
  readonly type: 'string' | 'boolean';
  readonly short?: string;
  readonly multiple?: boolean;
  readonly description: string;
  /** Shown in help as the value placeholder (`--port N`). */
  readonly placeholder?: string;
}

export interface CommandIo {
  readonly stdout: NodeJS.WritableStream & { isTTY?: boolean };
  readonly stderr: NodeJS.WritableStream & { isTTY?: boolean };
  readonly env: NodeJS.ProcessEnv;
  readonly cwd: string;
}

export interface CommandContext extends CommandIo {
  /** Parsed option values by long name. */
  readonly values: Readonly<Record<string, string | boolean | string[] | undefined>>;
  readonly positionals: readonly string[];
  readonly logger: Logger;
  /** Aborted on SIGINT/SIGTERM so long commands can stop cleanly. */
  readonly signal: AbortSignal;
  /**
   * Graceful shutdown when the CLI runs as a process. `stop` is aborted with `signal` (take no new
   * work, save what was done); `abort` when the grace period ends (cancel requests in flight). Job
   * commands set the grace period from their config.
   */
  readonly shutdown?: Pick<Shutdown, 'stop' | 'abort' | 'setGraceSeconds'> | undefined;
}

/**
 * One CLI command; each lives in its own file under `commands/` and is listed in the registry in
 * `commands/index.ts`. `run` returns the process exit code (see EXIT in core/errors.ts).
 */
export interface Command {
  readonly name: string;
  readonly summary: string;
  /** Longer help text shown by `intacct-elt <command> --help`. */
  readonly description?: string;
  readonly usage?: string;
  readonly options: Readonly<Record<string, OptionSpec>>;
  /** Whether positional arguments are accepted. */
  readonly positionals?: boolean;
  run(ctx: CommandContext): Promise<number>;
}

export function defineCommand(command: Command): Command {
  return command;
}

/** Options shared by commands that read the job's configuration. */
export const CONFIG_OPTIONS = {
  config: {
    type: 'string',
    short: 'c',
    placeholder: 'PATH',
    description: 'Config file (default: ./intacct-elt.config.yaml or ./intacct-elt.config.json)',
  },
  json: { type: 'boolean', description: 'Print machine-readable JSON on stdout' },
} as const satisfies Record<string, OptionSpec>;
