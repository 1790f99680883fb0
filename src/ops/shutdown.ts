import { EXIT } from '../core/errors.ts';
import { DEFAULT_SHUTDOWN_GRACE_SECONDS } from '../config/schema.ts';

/**
 * Graceful shutdown. The first SIGTERM/SIGINT aborts `stop`: runs finish the pages in hand, merge
 * what they staged, write state and the load record, release the lease and exit with
 * EXIT.interrupted. When the grace period runs out, `abort` cancels the requests still open and,
 * shortly after, the process exits. A second signal exits at once with EXIT.forced: the warehouse
 * writes state only after the data commits (DESIGN principle 5), so an exit at any point repeats
 * work on the next run and never loses or duplicates rows.
 */
export interface Shutdown {
  /** Aborted by the first signal: take no new work. */
  readonly stop: AbortSignal;
  /** Aborted when the grace period ends: cancel what is in flight. */
  readonly abort: AbortSignal;
  /** The grace period, once the command has read its config. */
  setGraceSeconds(seconds: number): void;
  dispose(): void;
}

export interface ShutdownOptions {
  readonly graceSeconds?: number;
  /** Where the shutdown events are written (JSON lines, as the logger writes them). */
  readonly log: (event: Record<string, unknown>) => void;
  readonly exit: (code: number) => void;
  readonly target?: Pick<NodeJS.Process, 'on' | 'off'>;
  /** Seconds between aborting requests and exiting, for the run to record what happened. */
  readonly abortMarginSeconds?: number;
}

const SIGNALS = ['SIGTERM', 'SIGINT'] as const;

export function installShutdown(options: ShutdownOptions): Shutdown {
  const target = options.target ?? process;
  const stop = new AbortController();
  const abort = new AbortController();
  let graceMs = (options.graceSeconds ?? DEFAULT_SHUTDOWN_GRACE_SECONDS) * 1000;
  const timers: NodeJS.Timeout[] = [];
  const forcedCode = (signal: string) => (signal === 'SIGTERM' ? 143 : EXIT.forced);

  const armGrace = () => {
    const marginMs = (options.abortMarginSeconds ?? 5) * 1000;
    timers.push(
      setTimeout(() => {
        options.log({ level: 'warn', msg: 'grace period over; cancelling requests', graceMs });
        abort.abort(new Error('shutdown grace period over'));
        timers.push(setTimeout(() => options.exit(EXIT.forced), marginMs).unref());
      }, graceMs).unref(),
    );
  };

  const onSignal = (signal: (typeof SIGNALS)[number]) => {
    if (!stop.signal.aborted) {
      options.log({
        level: 'warn',
        msg: `received ${signal}: finishing the pages in hand, merging what was staged, writing state; send it again to exit at once`,
        graceMs,
      });
      stop.abort(new Error(`received ${signal}`));
      armGrace();
      return;
    }
    options.log({
      level: 'error',
      msg: `received ${signal} again: exiting now; the next run repeats the unfinished work`,
    });
    options.exit(forcedCode(signal));
  };
  const handlers = SIGNALS.map((s) => [s, () => onSignal(s)] as const);
  for (const [s, h] of handlers) target.on(s, h);

  return {
    stop: stop.signal,
    abort: abort.signal,
    setGraceSeconds(seconds: number) {
      graceMs = seconds * 1000;
      if (stop.signal.aborted && !abort.signal.aborted) {
        for (const t of timers.splice(0)) clearTimeout(t);
        armGrace();
      }
    },
    dispose() {
      for (const [s, h] of handlers) target.off(s, h);
      for (const t of timers.splice(0)) clearTimeout(t);
    },
  };
}
