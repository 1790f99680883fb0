import { isValidTimeZone } from '../core/time.ts';
import { createAdminHandler, statsJson } from './admin.ts';
import { FaultInjector, type FaultPatch, type FaultSettings, validateFaultPatch } from './faults.ts';
import type { PageServing, ProtocolSettings } from './protocol/context.ts';
import { CursorStore } from './protocol/cursors.ts';
import { type GatewayState, type SandboxCredentials, UNAUTHORIZED_SENDER_ID } from './protocol/gateway.ts';
import { registerWriteFunctions } from './protocol/functions-write.ts';
import { SandboxStats, type StatsSnapshot } from './protocol/stats.ts';
import { ADMIN_PREFIX, GATEWAY_PATH, closeServer, createSandboxServer, listenLoopback } from './server.ts';
import { SessionStore } from './sessions.ts';
import type { SandboxStore } from './store.ts';

/**
 * The public API of the Intacct sandbox: `startSandbox` generates (or takes) a company and serves
 * it on 127.0.0.1 through Intacct's XML gateway and the /_sandbox admin API.
 */
export type { SandboxCredentials } from './protocol/gateway.ts';
export type { FaultPatch, FaultSettings, TransientKind } from './faults.ts';
export type { StatsSnapshot } from './protocol/stats.ts';
export { UNAUTHORIZED_SENDER_ID } from './protocol/gateway.ts';
export { DEFAULT_FAULTS, TRANSIENT_KINDS } from './faults.ts';
export { ADMIN_PREFIX, GATEWAY_PATH } from './server.ts';

export const DEFAULT_TIMEZONE = 'America/Los_Angeles';
export const DEFAULT_CREDENTIALS: SandboxCredentials = {
  senderId: 'sandbox-sender',
  senderPassword: 'sandbox-sender-password',
  companyId: 'SANDBOX',
  userId: 'ws_user',
  userPassword: 'ws-user-password',
};

export interface SandboxOptions {
  /** 0 (default) picks a free port. */
  readonly port?: number;
  readonly seed?: number;
  /** 1 ≈ 50,000 GL lines; fractional scales make small companies for tests. */
  readonly scale?: number;
  /** Company profile: which dimensions and custom fields exist (default `standard`). Ignored with `store`. */
  readonly company?: string;
  /** Company / API user time zone (default America/Los_Angeles). Ignored when `store` is given. */
  readonly timezone?: string;
  readonly latencyMs?: number;
  readonly jitterMs?: number;
  /** Concurrent gateway requests per company; 0 or omitted = unlimited. */
  readonly concurrency?: number;
  readonly faults?: FaultPatch;
  /** Idle time after which an API session expires (default 120). */
  readonly sessionTimeoutMinutes?: number;
  /** Idle time after which a readByQuery resultId expires (default 600). */
  readonly cursorTtlSeconds?: number;
  /** Override any of the credentials; the company id defaults to the store's. */
  readonly credentials?: Partial<SandboxCredentials>;
  /** How record pages are served (protocol/context.ts): `fast` (default) or the `general` reference path. */
  readonly pageServing?: PageServing;
  /** A pre-built company (tests share one generated store across sandboxes). */
  readonly store?: SandboxStore;
  /** UNCONFIRMED protocol details (see protocol/context.ts). */
  readonly protocol?: Partial<
    Pick<
      ProtocolSettings,
      'duplicateStyle' | 'maxReadKeys' | 'genericArInvoiceCreate' | 'badUserStyle' | 'poDocumentNumbering'
    >
  >;
}

export interface RunningSandbox {
  /** The gateway URL: http://127.0.0.1:PORT/ia/xml/xmlgw.phtml */
  readonly url: string;
  /** The admin API base: http://127.0.0.1:PORT/_sandbox */
  readonly adminUrl: string;
  readonly port: number;
  readonly credentials: SandboxCredentials;
  readonly store: SandboxStore;
  /** Patches the fault settings (same as POST /_sandbox/faults); returns the result. */
  setFaults(patch: FaultPatch): FaultSettings;
  faults(): FaultSettings;
  stats(): StatsSnapshot;
  resetStats(): void;
  /** Ends every API session now; returns how many there were. */
  expireSessions(): number;
  /** Drops every readByQuery result set now. */
  expireCursors(): number;
  close(): Promise<void>;
}

export async function startSandbox(options: SandboxOptions = {}): Promise<RunningSandbox> {
  const timezone = options.timezone ?? DEFAULT_TIMEZONE;
  if (!options.store && !isValidTimeZone(timezone)) throw new RangeError(`unknown time zone '${timezone}'`);
  const initialFaults: FaultPatch = {
    ...(options.latencyMs === undefined ? {} : { latencyMs: options.latencyMs }),
    ...(options.jitterMs === undefined ? {} : { jitterMs: options.jitterMs }),
    ...(options.concurrency === undefined ? {} : { concurrency: options.concurrency }),
    ...options.faults,
  };
  const checked = validateFaultPatch(initialFaults);
  if (!checked.ok) throw new RangeError(`invalid sandbox faults: ${checked.problems.join('; ')}`);

  // Loaded lazily: tests that bring their own store never pay for the generator.
  const store =
    options.store ??
    (await import('./generator.ts')).generateCompany({
      seed: options.seed ?? 1,
      scale: options.scale ?? 0.05,
      timezone,
      ...(options.company === undefined ? {} : { company: options.company }),
    });
  const faults = new FaultInjector(checked.patch);
  const stats = new SandboxStats();
  const idleDefaultMs = (options.sessionTimeoutMinutes ?? 120) * 60_000;
  const idleMs = () => faults.current.sessionIdleMs ?? idleDefaultMs;
  const sessions = new SessionStore(() => ({ idleMs: idleMs(), maxAgeMs: faults.current.sessionMaxAgeMs }));
  const cursors = new CursorStore((options.cursorTtlSeconds ?? 600) * 1000);
  const credentials: SandboxCredentials = {
    ...DEFAULT_CREDENTIALS,
    companyId: store.companyId || DEFAULT_CREDENTIALS.companyId,
    ...options.credentials,
  };
  if (credentials.senderId === UNAUTHORIZED_SENDER_ID)
    throw new RangeError(`sender id ${UNAUTHORIZED_SENDER_ID} is reserved`);
  registerWriteFunctions();

  // The endpoint getAPISession returns is only known once the port is bound.
  const settings: { -readonly [K in keyof ProtocolSettings]: ProtocolSettings[K] } = {
    timezone: store.timezone,
    endpointUrl: '',
    duplicateStyle: options.protocol?.duplicateStyle ?? 'failure',
    maxReadKeys: options.protocol?.maxReadKeys ?? 100,
    genericArInvoiceCreate: options.protocol?.genericArInvoiceCreate ?? false,
    badUserStyle: options.protocol?.badUserStyle ?? 'authentication',
    poDocumentNumbering: options.protocol?.poDocumentNumbering ?? 'given',
  };
  const gateway: GatewayState = {
    store,
    settings,
    credentials,
    sessions,
    cursors,
    executed: new Set(),
    stats,
    sessionIdleMs: idleMs,
    now: () => Date.now(),
    pageServing: options.pageServing ?? 'fast',
  };
  const adminDeps = { store, faults, stats, sessions, cursors };
  const server = createSandboxServer({ gateway, faults, stats, admin: createAdminHandler(adminDeps) });
  const port = await listenLoopback(server, options.port ?? 0);
  const base = `http://127.0.0.1:${port}`;
  settings.endpointUrl = `${base}${GATEWAY_PATH}`;

  return {
    url: `${base}${GATEWAY_PATH}`,
    adminUrl: `${base}${ADMIN_PREFIX}`,
    port,
    credentials,
    store,
    setFaults: (patch) => {
      const v = validateFaultPatch(patch);
      if (!v.ok) throw new RangeError(`invalid sandbox faults: ${v.problems.join('; ')}`);
      return faults.update(v.patch);
    },
    faults: () => faults.current,
    stats: () => statsJson(adminDeps),
    resetStats: () => {
      stats.reset();
      faults.resetCounts();
    },
    expireSessions: () => sessions.expireAll(),
    expireCursors: () => cursors.clear(),
    close: () => closeServer(server),
  };
}
