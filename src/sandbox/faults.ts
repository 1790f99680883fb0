/**
 * Fault injection for the sandbox gateway: latency, a per-company concurrency limit, seeded random
 * transient failures, session expiry and a maintenance window. Faults apply to the Intacct gateway
 * only, never to the /_sandbox admin API. Random draws come from one seeded generator so a test that
 * sends the same requests in the same order sees the same faults.
 */

/**
 * `http502` / `http503`: an HTML error page from the edge, before the request is processed.
 * `unavailable`: HTTP 200 with Intacct's in-body "temporarily off-line" result failure (not applied).
 * `reset`: the socket is destroyed after the request was processed (a write may have happened).
 * `truncate`: the response body is cut off mid-XML after the request was processed.
 */
export const TRANSIENT_KINDS = ['http502', 'http503', 'reset', 'truncate', 'unavailable'] as const;
export type TransientKind = (typeof TRANSIENT_KINDS)[number];

/** Kinds that fire after the functions ran, so the client cannot know whether a write was applied. */
export const AFTER_PROCESSING: ReadonlySet<TransientKind> = new Set(['reset', 'truncate']);

/** How excess concurrent requests are refused: HTTP 429 + GW-0010 (documented) or an in-body text. */
export const THROTTLE_STYLES = ['http429', 'body200'] as const;
export type ThrottleStyle = (typeof THROTTLE_STYLES)[number];

/** How the maintenance window answers: HTML 503 pages, or Intacct's in-body off-line failure. */
export const MAINTENANCE_STYLES = ['http503', 'offline'] as const;
export type MaintenanceStyle = (typeof MAINTENANCE_STYLES)[number];

export interface MaintenanceWindow {
  readonly style: MaintenanceStyle;
  /** Epoch ms (real time) when the window starts; omitted: now. */
  readonly fromMs?: number;
  /** Epoch ms (real time) when the window ends by itself; omitted: until switched off. */
  readonly untilMs?: number;
}

export interface FaultSettings {
  /** Fixed latency added to every gateway request. */
  readonly latencyMs: number;
  /** Extra uniform random latency in [0, jitterMs). */
  readonly jitterMs: number;
  /** Concurrent gateway requests per company; 0 = unlimited. */
  readonly concurrency: number;
  readonly throttleStyle: ThrottleStyle;
  /** Probability in [0, 1] that a gateway request meets a transient fault. */
  readonly transientRate: number;
  /** Relative weights of the transient kinds; missing kinds weigh 0; empty = all equal. */
  readonly transientMix: Readonly<Partial<Record<TransientKind, number>>>;
  /** Sessions expire after this idle time (overrides the start option when set). */
  readonly sessionIdleMs: number | null;
  /** Sessions expire this long after they were opened, however busy (for mid-paging expiry tests). */
  readonly sessionMaxAgeMs: number | null;
  readonly maintenance: MaintenanceWindow | null;
  /** Seed of the random draws (jitter, transient faults); setting it restarts the sequence. */
  readonly seed: number;
}

export const DEFAULT_FAULTS: FaultSettings = {
  latencyMs: 0,
  jitterMs: 0,
  concurrency: 0,
  throttleStyle: 'http429',
  transientRate: 0,
  transientMix: {},
  sessionIdleMs: null,
  sessionMaxAgeMs: null,
  maintenance: null,
  seed: 1,
};

export type FaultPatch = Partial<FaultSettings>;

/** Validates a patch from the admin API or the start options; returns problems as text. */
export function validateFaultPatch(
  patch: unknown,
): { ok: true; patch: FaultPatch } | { ok: false; problems: string[] } {
  const problems: string[] = [];
  if (typeof patch !== 'object' || patch === null || Array.isArray(patch)) {
    return { ok: false, problems: ['faults must be a JSON object'] };
  }
  const p = patch as Record<string, unknown>;
  const known = new Set(Object.keys(DEFAULT_FAULTS));
  for (const k of Object.keys(p)) if (!known.has(k)) problems.push(`unknown fault setting '${k}'`);
  const nonNegative = (k: string) => {
    if (k in p && (typeof p[k] !== 'number' || !Number.isFinite(p[k]) || (p[k] as number) < 0)) {
      problems.push(`${k} must be a number >= 0`);
    }
  };
  for (const k of ['latencyMs', 'jitterMs', 'concurrency', 'seed']) nonNegative(k);
  for (const k of ['sessionIdleMs', 'sessionMaxAgeMs']) if (p[k] !== null) nonNegative(k);
  if ('transientRate' in p) {
    const r = p.transientRate;
    if (typeof r !== 'number' || !(r >= 0 && r <= 1)) problems.push('transientRate must be between 0 and 1');
  }
  if ('throttleStyle' in p && !(THROTTLE_STYLES as readonly unknown[]).includes(p.throttleStyle)) {
    problems.push(`throttleStyle must be one of ${THROTTLE_STYLES.join(', ')}`);
  }
  if ('transientMix' in p) {
    const mix = p.transientMix;
    if (typeof mix !== 'object' || mix === null) problems.push('transientMix must be an object');
    else {
      for (const [k, v] of Object.entries(mix)) {
        if (!(TRANSIENT_KINDS as readonly string[]).includes(k))
          problems.push(`unknown transient kind '${k}'`);
        if (typeof v !== 'number' || v < 0) problems.push(`transientMix.${k} must be a number >= 0`);
      }
    }
  }
  if ('maintenance' in p && p.maintenance !== null) {
    const m = p.maintenance as Record<string, unknown>;
    if (typeof m !== 'object' || !(MAINTENANCE_STYLES as readonly unknown[]).includes(m.style)) {
      problems.push(
        `maintenance must be null or { style: ${MAINTENANCE_STYLES.join('|')}, fromMs?, untilMs? }`,
      );
    }
  }
  return problems.length > 0 ? { ok: false, problems } : { ok: true, patch: p as FaultPatch };
}

/** mulberry32: small, fast and good enough for fault draws. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export class FaultInjector {
  private settings: FaultSettings;
  private random: () => number;
  private readonly injectedCounts = new Map<string, number>();

  constructor(initial: FaultPatch = {}) {
    this.settings = { ...DEFAULT_FAULTS, ...initial };
    this.random = seededRandom(this.settings.seed);
  }

  get current(): FaultSettings {
    return this.settings;
  }

  /** Merges a patch; a patch that names `seed` restarts the random sequence. */
  update(patch: FaultPatch): FaultSettings {
    this.settings = { ...this.settings, ...patch };
    if (patch.seed !== undefined) this.random = seededRandom(patch.seed);
    return this.settings;
  }

  reset(): FaultSettings {
    this.settings = { ...DEFAULT_FAULTS };
    this.random = seededRandom(this.settings.seed);
    return this.settings;
  }

  delayMs(): number {
    const { latencyMs, jitterMs } = this.settings;
    return latencyMs + (jitterMs > 0 ? Math.floor(this.random() * jitterMs) : 0);
  }

  /** Draws the transient fault (if any) for one gateway request. */
  drawTransient(): TransientKind | null {
    const { transientRate, transientMix } = this.settings;
    if (transientRate <= 0) return null;
    if (this.random() >= transientRate) return null;
    const weights = TRANSIENT_KINDS.map((k) =>
      Object.keys(transientMix).length === 0 ? 1 : Math.max(0, transientMix[k] ?? 0),
    );
    const total = weights.reduce((a, b) => a + b, 0);
    if (total <= 0) return null;
    let x = this.random() * total;
    for (let i = 0; i < TRANSIENT_KINDS.length; i++) {
      x -= weights[i] ?? 0;
      if (x < 0) return TRANSIENT_KINDS[i] ?? null;
    }
    return TRANSIENT_KINDS[TRANSIENT_KINDS.length - 1] ?? null;
  }

  /** The active maintenance window at real time `nowMs`, clearing one that has ended. */
  maintenance(nowMs: number): MaintenanceWindow | null {
    const m = this.settings.maintenance;
    if (m && m.untilMs !== undefined && nowMs >= m.untilMs) {
      this.settings = { ...this.settings, maintenance: null };
      return null;
    }
    if (m && m.fromMs !== undefined && nowMs < m.fromMs) return null;
    return m;
  }

  recordInjected(kind: string): void {
    this.injectedCounts.set(kind, (this.injectedCounts.get(kind) ?? 0) + 1);
  }

  injected(): Record<string, number> {
    return Object.fromEntries([...this.injectedCounts].sort(([a], [b]) => a.localeCompare(b)));
  }

  resetCounts(): void {
    this.injectedCounts.clear();
  }
}
