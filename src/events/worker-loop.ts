/**
 * The events worker's loop: sleeps until an event is due or one arrives, waits out the debounce so
 * a burst becomes one batch, processes batches (worker.ts) while they come back full, and stops
 * after the batch in hand when asked.
 */
import { errorMessage } from '../core/errors.ts';
import { sleep } from '../core/retry.ts';
import { type BatchReport, processDueEvents, type WorkerDeps } from './worker.ts';

export interface RunningWorker {
  /** A new event was stored: take it after the debounce. */
  notify(): void;
  /** Resolves when the loop has stopped (after the batch in hand). */
  readonly stopped: Promise<void>;
}

/**
 * The worker loop: sleeps until an event is due (or one arrives), waits out the debounce, takes a
 * batch, and repeats while batches come back full. `stop` ends it after the batch in hand.
 */
export function startWorker(
  deps: WorkerDeps & {
    readonly stop: AbortSignal;
    readonly idlePollMs?: number;
    readonly onBatch?: (r: BatchReport) => void;
  },
): RunningWorker {
  let wake: (() => void) | null = null;
  let pending = false;
  const now = deps.now ?? (() => new Date());
  const log = deps.logger.child({ component: 'events-worker' });
  const nap = (ms: number) =>
    new Promise<void>((resolve) => {
      const t = setTimeout(done, ms);
      function done() {
        clearTimeout(t);
        wake = null;
        deps.stop.removeEventListener('abort', done);
        resolve();
      }
      wake = done;
      deps.stop.addEventListener('abort', done, { once: true });
    });
  const loop = async () => {
    while (!deps.stop.aborted) {
      let next: Date | null;
      try {
        next = await deps.queue.nextDue();
      } catch (error) {
        log.error('cannot read the event queue; trying again', { error: errorMessage(error) });
        await nap(deps.idlePollMs ?? 1000);
        continue;
      }
      const wait = next === null ? (deps.idlePollMs ?? 1000) : next.getTime() - now().getTime();
      if (wait > 0 && !pending) {
        await nap(Math.min(wait, deps.idlePollMs ?? 1000));
        continue;
      }
      pending = false;
      // The debounce: events of the same burst arrive meanwhile and join this batch.
      if (deps.settings.debounceMs > 0) await sleep(deps.settings.debounceMs, deps.stop).catch(() => {});
      if (deps.stop.aborted) break;
      try {
        let report: BatchReport;
        do {
          report = await processDueEvents(deps);
          deps.onBatch?.(report);
        } while (report.events >= deps.settings.maxBatch && !deps.stop.aborted);
      } catch (error) {
        if (deps.stop.aborted) break;
        log.error('event batch failed; its events stay queued', { error: errorMessage(error) });
        await nap(deps.idlePollMs ?? 1000);
      }
    }
  };
  const stopped = loop();
  return {
    notify() {
      pending = true;
      wake?.();
    },
    stopped,
  };
}
