import { hostname } from 'node:os';
import { randomUUID } from 'node:crypto';
import { ClassifiedError, isClassified } from '../core/errors.ts';
import type { Logger } from '../core/logger.ts';
import type { Warehouse } from '../warehouse/warehouse.ts';

/** Owner ids name the host and process, so a run can tell a dead holder on its own host. */
export function newOwner(): string {
  return `${hostname()}/${process.pid}/${randomUUID().slice(0, 8)}`;
}

function isDeadLocalOwner(owner: string): boolean {
  const [host, pid] = owner.split('/');
  if (host !== hostname() || pid === undefined || !/^\d+$/.test(pid) || Number(pid) === process.pid)
    return false;
  try {
    process.kill(Number(pid), 0);
    return false;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ESRCH';
  }
}

export interface HeldLease {
  readonly owner: string;
  /** Aborted when the lease is lost, so the run stops instead of overlapping another. */
  readonly lost: AbortSignal;
  release(): Promise<void>;
}

/**
 * Takes the job's lease so two runs cannot overlap, and keeps renewing it. A lease left by a
 * process that died on this host is taken over at once; any other expires after its TTL.
 */
export async function holdLease(
  warehouse: Warehouse,
  job: string,
  ttlMs: number,
  logger: Logger,
): Promise<HeldLease> {
  const owner = newOwner();
  const request = { job, owner, ttlMs };
  try {
    await warehouse.acquireLease(request);
  } catch (error) {
    const holder = (await warehouse.currentLease(job))?.owner;
    if (!holder || !isDeadLocalOwner(holder)) throw error;
    logger.warn('taking over the lease of a run that died on this host', { previousOwner: holder });
    await warehouse.releaseLease({ job, owner: holder });
    await warehouse.acquireLease(request);
  }
  const controller = new AbortController();
  const timer = setInterval(
    () => {
      warehouse.renewLease(request).catch((error: unknown) => {
        logger.error('lost the job lease; stopping', { error });
        controller.abort(
          isClassified(error)
            ? error
            : new ClassifiedError('lost the job lease', { kind: 'terminal', cause: error }),
        );
      });
    },
    Math.max(1000, Math.floor(ttlMs / 3)),
  );
  timer.unref();
  return {
    owner,
    lost: controller.signal,
    async release() {
      clearInterval(timer);
      await warehouse.releaseLease({ job, owner });
    },
  };
}
