/**
 * `events serve` as a library: the receivers and the worker in one process (a DuckDB file is
 * opened by one process at a time, so the queue's writer and reader share it), the worker holding
 * the warehouse lease so two workers never post from one queue.
 */
import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import type { JobConfig } from '../config/schema.ts';
import { errorMessage } from '../core/errors.ts';
import type { Logger } from '../core/logger.ts';
import { sleep } from '../core/retry.ts';
import type { IntacctClient } from '../intacct/client.ts';
import type { RelationOf } from '../reverse/model-relations.ts';
import type { ReverseSettings } from '../reverse/push.ts';
import type { Warehouse } from '../warehouse/warehouse.ts';
import { Lander, type TableRelation } from './landing.ts';
import { EventQueue } from './queue.ts';
import { type RunningEventServer, startEventServer } from './server.ts';
import type { EventSecrets } from './source.ts';
import { type BatchReport, ReferenceCache, type WorkerSettings } from './worker.ts';
import { startWorker } from './worker-loop.ts';

export const WORKER_LEASE_JOB = 'events-worker';

export function eventSecrets(config: JobConfig): EventSecrets {
  const e = config.events;
  return {
    stripeSecret: e.stripeSecret,
    chargebeeUsername: e.chargebeeUsername,
    chargebeePassword: e.chargebeePassword,
    salesforceSecret: e.salesforceSecret,
    payrollSecret: e.payrollSecret,
  };
}

export function workerSettings(config: JobConfig): WorkerSettings {
  const e = config.events;
  return {
    debounceMs: e.debounceMs,
    maxBatch: e.maxBatch,
    maxAttempts: e.maxAttempts,
    maxWaitMs: e.maxWaitMinutes * 60_000,
    retryBaseMs: e.retryBaseSeconds * 1000,
  };
}

export interface EventServiceOptions {
  readonly config: JobConfig;
  readonly warehouse: Warehouse;
  readonly client: IntacctClient;
  readonly relationOf: RelationOf;
  readonly tables: TableRelation;
  readonly reverse: ReverseSettings;
  readonly logger: Logger;
  readonly stop: AbortSignal;
  readonly host?: string;
  readonly port?: number;
  readonly onBatch?: (r: BatchReport) => void;
}

export interface RunningEventService {
  readonly url: string;
  readonly queue: EventQueue;
  /** Stops receiving, finishes the batch in hand, releases the lease. */
  close(): Promise<void>;
}

export async function startEventService(opts: EventServiceOptions): Promise<RunningEventService> {
  const { config, warehouse } = opts;
  const log = opts.logger.child({ component: 'events' });
  const queue = new EventQueue(warehouse, config.schemas.raw);
  const lander = new Lander(warehouse, config.schemas.raw, opts.tables);
  const stopWorker = new AbortController();
  const onStop = () => stopWorker.abort();
  opts.stop.addEventListener('abort', onStop, { once: true });

  const owner = `${hostname()}:${process.pid}:${randomBytes(3).toString('hex')}`;
  const ttlMs = config.events.leaseSeconds * 1000;
  let worker: ReturnType<typeof startWorker> | null = null;
  let renew: NodeJS.Timeout | null = null;
  // Receivers first: events are stored (and answered) even while another worker holds the lease.
  const server: RunningEventServer = await startEventServer({
    queue,
    secrets: eventSecrets(config),
    logger: opts.logger,
    host: opts.host ?? config.events.host,
    port: opts.port ?? config.events.port,
    toleranceSeconds: config.events.toleranceSeconds,
    onStored: () => worker?.notify(),
  });
  const workerDone = (async () => {
    for (let announced = false; !stopWorker.signal.aborted; ) {
      try {
        await warehouse.acquireLease({ job: WORKER_LEASE_JOB, owner, ttlMs });
        break;
      } catch (error) {
        if (!announced)
          log.warn('another events worker holds the lease; waiting for it', { error: errorMessage(error) });
        announced = true;
        await sleep(Math.min(1000, ttlMs / 2), stopWorker.signal).catch(() => {});
      }
    }
    if (stopWorker.signal.aborted) return;
    renew = setInterval(
      () => {
        warehouse.renewLease({ job: WORKER_LEASE_JOB, owner, ttlMs }).catch((error: unknown) => {
          log.error('lost the events worker lease; stopping the worker', { error: errorMessage(error) });
          stopWorker.abort();
        });
      },
      Math.max(500, ttlMs / 3),
    );
    worker = startWorker({
      warehouse,
      queue,
      lander,
      client: opts.client,
      schemas: config.schemas,
      relationOf: opts.relationOf,
      reverse: opts.reverse,
      settings: workerSettings(config),
      logger: opts.logger,
      referenceCache: new ReferenceCache(),
      stop: stopWorker.signal,
      ...(opts.onBatch ? { onBatch: opts.onBatch } : {}),
    });
    worker.notify();
    await worker.stopped;
  })();
  return {
    url: server.url,
    queue,
    async close() {
      await server.close();
      stopWorker.abort();
      await workerDone;
      if (renew) clearInterval(renew);
      opts.stop.removeEventListener('abort', onStop);
      await warehouse.releaseLease({ job: WORKER_LEASE_JOB, owner }).catch(() => {});
    },
  };
}
