import { formatIntacctTimestamp } from '../core/time.ts';
import { generateActivity } from './activity.ts';
import { type FaultInjector, validateFaultPatch } from './faults.ts';
import type { CursorStore } from './protocol/cursors.ts';
import type { SandboxStats } from './protocol/stats.ts';
import type { AdminRequest, AdminResponse } from './server.ts';
import type { SessionStore } from './sessions.ts';
import type { SandboxStore } from './store.ts';
import { recordCounts, subledgerBalances, trialBalances } from './truth.ts';

/**
 * The admin API outside the Intacct protocol, JSON over /_sandbox/...:
 *   GET  /truth                 record counts per object and entity, trial balances, subledgers
 *   POST /advance               {minutes, creates, edits, deletes, seed?}: move time, generate activity
 *   GET  /faults, POST /faults  read or patch the fault settings (POST /faults/reset restores defaults)
 *   GET  /stats, POST /stats/reset
 *   GET  /clock, POST /clock    {advanceMinutes | advanceMs | setMs | set (ISO)}
 *   POST /sessions/expire       end every API session now
 *   POST /cursors/expire        drop every readByQuery result set now
 *   GET  /health
 */
export interface AdminDeps {
  readonly store: SandboxStore;
  readonly faults: FaultInjector;
  readonly stats: SandboxStats;
  readonly sessions: SessionStore;
  readonly cursors: CursorStore;
}

const ok = (json: unknown): AdminResponse => ({ status: 200, json });
const bad = (problems: string[]): AdminResponse => ({
  status: 400,
  json: { error: 'invalid request', problems },
});

function num(body: unknown, key: string): number | undefined | 'invalid' {
  if (typeof body !== 'object' || body === null) return undefined;
  const v = (body as Record<string, unknown>)[key];
  if (v === undefined) return undefined;
  return typeof v === 'number' && Number.isFinite(v) && v >= 0 ? v : 'invalid';
}

export function clockJson(store: SandboxStore): Record<string, unknown> {
  const now = store.clock.now();
  return {
    nowMs: now,
    iso: new Date(now).toISOString(),
    local: formatIntacctTimestamp(now, store.timezone),
    timezone: store.timezone,
  };
}

export function statsJson(deps: AdminDeps): ReturnType<SandboxStats['snapshot']> {
  return deps.stats.snapshot({
    faultsInjected: deps.faults.injected(),
    sessions: deps.sessions.size,
    cursors: deps.cursors.size,
  });
}

export function truthJson(store: SandboxStore): Record<string, unknown> {
  return {
    companyId: store.companyId,
    clock: clockJson(store),
    counts: recordCounts(store),
    trialBalances: trialBalances(store),
    subledgers: Object.fromEntries(store.entities.map((e) => [e.id, subledgerBalances(store, e.id)])),
  };
}

export function createAdminHandler(deps: AdminDeps): (req: AdminRequest) => Promise<AdminResponse> {
  return async (req) => {
    const route = `${req.method.toUpperCase()} ${req.path.replace(/\/+$/, '') || '/'}`;
    switch (route) {
      case 'GET /health':
        return ok({ ok: true });
      case 'GET /truth':
        return ok(truthJson(deps.store));
      case 'POST /advance': {
        const problems: string[] = [];
        const values: Record<string, number> = {};
        for (const k of ['minutes', 'creates', 'edits', 'deletes', 'seed']) {
          const v = num(req.body, k);
          if (v === 'invalid') problems.push(`${k} must be a number >= 0`);
          else if (v !== undefined) values[k] = v;
        }
        if (problems.length > 0) return bad(problems);
        const summary = generateActivity(deps.store, {
          ms: Math.round((values.minutes ?? 60) * 60_000),
          creates: values.creates ?? 10,
          edits: values.edits ?? 5,
          deletes: values.deletes ?? 1,
          seed: values.seed ?? deps.store.clock.now() % 2_147_483_647,
        });
        return ok({ summary, clock: clockJson(deps.store) });
      }
      case 'GET /faults':
        return ok(deps.faults.current);
      case 'POST /faults': {
        const v = validateFaultPatch(req.body);
        if (!v.ok) return bad(v.problems);
        return ok(deps.faults.update(v.patch));
      }
      case 'POST /faults/reset':
        return ok(deps.faults.reset());
      case 'GET /stats':
        return ok(statsJson(deps));
      case 'POST /stats/reset':
        deps.stats.reset();
        deps.faults.resetCounts();
        return ok(statsJson(deps));
      case 'GET /clock':
        return ok(clockJson(deps.store));
      case 'POST /clock': {
        const b = (typeof req.body === 'object' && req.body !== null ? req.body : {}) as Record<
          string,
          unknown
        >;
        const clock = deps.store.clock;
        if (typeof b.set === 'string') {
          const ms = Date.parse(b.set);
          if (Number.isNaN(ms)) return bad(['set must be an ISO timestamp']);
          clock.set(ms);
        } else if (typeof b.setMs === 'number') clock.set(b.setMs);
        else if (typeof b.advanceMs === 'number' && b.advanceMs >= 0) clock.advance(b.advanceMs);
        else if (typeof b.advanceMinutes === 'number' && b.advanceMinutes >= 0)
          clock.advance(b.advanceMinutes * 60_000);
        else return bad(['give one of set (ISO), setMs, advanceMs or advanceMinutes (>= 0)']);
        return ok(clockJson(deps.store));
      }
      case 'POST /sessions/expire':
        return ok({ expired: deps.sessions.expireAll() });
      case 'POST /cursors/expire':
        return ok({ expired: deps.cursors.clear() });
      default:
        return { status: 404, json: { error: `no admin route ${route}` } };
    }
  };
}
