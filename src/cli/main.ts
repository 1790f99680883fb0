import { parseArgs } from 'node:util';
import { ConfigError, EXIT, UsageError, errorMessage, isClassified } from '../core/errors.ts';
import { type LogLevel, createLogger } from '../core/logger.ts';
import { redactString } from '../core/redact.ts';
import { VERSION } from '../core/version.ts';
import { type Shutdown, installShutdown } from '../ops/shutdown.ts';
import type { Command, CommandContext, CommandIo, OptionSpec } from './command.ts';
import { COMMANDS } from './commands/index.ts';

const HELP_OPTION: OptionSpec = { type: 'boolean', short: 'h', description: 'Show help for this command' };

export function topLevelHelp(): string {
  const width = Math.max(...COMMANDS.map((c) => c.name.length));
  return [
    `intacct-elt ${VERSION}: ELT and reverse ETL for Sage Intacct`,
    '',
    'Usage: intacct-elt <command> [options]',
    '',
    'Commands:',
    ...COMMANDS.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    '',
    'Run `intacct-elt <command> --help` for the options of a command.',
    '',
    'Exit codes: 0 success, 1 failure, 2 invalid usage or config, 3 finished with some records rejected',
    'or some objects failed, or a data test of the models failed,',
    `${EXIT.stale} (status) some object is stale, ${EXIT.interrupted} stopped by SIGTERM/SIGINT after saving its work (rerun`,
    `to finish), ${EXIT.forced} or 143 exited at once on a second signal or after the grace period.`,
  ].join('\n');
}

export function commandHelp(command: Command): string {
  const options = { ...command.options, help: HELP_OPTION };
  const flags = Object.entries(options).map(([name, o]) => {
    const short = o.short ? `-${o.short}, ` : '    ';
    const value = o.type === 'string' ? ` ${o.placeholder ?? 'VALUE'}` : '';
    return [`  ${short}--${name}${value}`, o.description] as const;
  });
  const width = Math.max(...flags.map(([f]) => f.length));
  return [
    `Usage: intacct-elt ${command.usage ?? `${command.name} [options]`}`,
    '',
    command.description ?? command.summary,
    '',
    'Options:',
    ...flags.map(([f, d]) => `${f.padEnd(width)}  ${d}`),
  ].join('\n');
}

function findCommand(argv: readonly string[]): { command: Command; rest: string[] } | undefined {
  // Two-word commands (`config check`) win over one-word ones.
  const two = `${argv[0]} ${argv[1]}`;
  const byTwo = COMMANDS.find((c) => c.name === two);
  if (byTwo) return { command: byTwo, rest: argv.slice(2) };
  const byOne = COMMANDS.find((c) => c.name === argv[0]);
  return byOne ? { command: byOne, rest: argv.slice(1) } : undefined;
}

/** Runs the CLI and returns the exit code; never throws. */
export async function main(
  argv: readonly string[],
  io: CommandIo,
  signal = new AbortController().signal,
  shutdown?: Pick<Shutdown, 'stop' | 'abort' | 'setGraceSeconds'>,
): Promise<number> {
  // In a container (INTACCT_ELT_JSON=1) stderr carries JSON events only: errors become events too.
  const json = io.env.INTACCT_ELT_JSON === '1';
  const say = (stream: NodeJS.WritableStream, text: string) =>
    stream.write(
      json && stream === io.stderr
        ? `${JSON.stringify({ time: new Date().toISOString(), level: 'error', msg: text })}\n`
        : `${text}\n`,
    );
  if (argv.length === 0 || argv[0] === '--help' || argv[0] === '-h' || argv[0] === 'help') {
    say(io.stdout, topLevelHelp());
    return argv.length === 0 ? EXIT.usage : EXIT.ok;
  }
  if (argv[0] === '--version' || argv[0] === '-v') {
    say(io.stdout, VERSION);
    return EXIT.ok;
  }
  const found = findCommand(argv);
  if (!found) {
    const prefix = COMMANDS.filter((c) => c.name.startsWith(`${argv[0]} `));
    const hint = prefix.length > 0 ? ` Did you mean: ${prefix.map((c) => c.name).join(', ')}?` : '';
    say(
      io.stderr,
      `intacct-elt: unknown command "${argv.slice(0, 2).join(' ')}".${hint} Run intacct-elt --help.`,
    );
    return EXIT.usage;
  }
  const { command, rest } = found;
  let parsed: ReturnType<typeof parseArgs>;
  try {
    parsed = parseArgs({
      args: rest,
      options: { ...command.options, help: HELP_OPTION },
      allowPositionals: command.positionals ?? false,
      strict: true,
    });
  } catch (error) {
    say(io.stderr, `intacct-elt ${command.name}: ${errorMessage(error)}\n\n${commandHelp(command)}`);
    return EXIT.usage;
  }
  if (parsed.values.help) {
    say(io.stdout, commandHelp(command));
    return EXIT.ok;
  }
  const level = (io.env.INTACCT_ELT_LOG_LEVEL as LogLevel | undefined) ?? 'info';
  const logger = createLogger({ stream: io.stderr, level });
  try {
    return await command.run({
      ...io,
      values: parsed.values as CommandContext['values'],
      positionals: parsed.positionals,
      logger,
      signal,
      shutdown,
    });
  } catch (error) {
    if (error instanceof ConfigError) {
      say(io.stderr, error.message);
      return EXIT.usage;
    }
    if (error instanceof UsageError) {
      say(io.stderr, `intacct-elt ${command.name}: ${error.message}`);
      return EXIT.usage;
    }
    if (isClassified(error)) {
      const codes = error.codes.length > 0 ? ` [${error.codes.join(', ')}]` : '';
      say(
        io.stderr,
        redactString(`intacct-elt ${command.name} failed (${error.kind})${codes}: ${error.message}`),
      );
      if (error.fix) say(io.stderr, redactString(`How to fix: ${error.fix}`));
      return EXIT.failure;
    }
    say(io.stderr, redactString(`intacct-elt ${command.name} failed: ${errorMessage(error)}`));
    if (io.env.INTACCT_ELT_DEBUG === '1' && error instanceof Error && error.stack)
      say(io.stderr, redactString(error.stack));
    return EXIT.failure;
  }
}

/** Runs the CLI as this process: its arguments, streams and signals (bin/intacct-elt.js). */
export async function runProcess(): Promise<void> {
  const grace = Number(process.env.INTACCT_ELT_SHUTDOWN_GRACE_SECONDS);
  const shutdown = installShutdown({
    ...(Number.isFinite(grace) && grace > 0 ? { graceSeconds: grace } : {}),
    log: (event) => process.stderr.write(`${JSON.stringify({ time: new Date().toISOString(), ...event })}\n`),
    exit: (code) => process.exit(code),
  });
  try {
    process.exitCode = await main(
      process.argv.slice(2),
      { stdout: process.stdout, stderr: process.stderr, env: process.env, cwd: process.cwd() },
      shutdown.stop,
      shutdown,
    );
  } finally {
    shutdown.dispose();
  }
}

const isEntry =
  process.argv[1] !== undefined && import.meta.url === new URL(`file://${process.argv[1]}`).href;
if (isEntry) await runProcess();
