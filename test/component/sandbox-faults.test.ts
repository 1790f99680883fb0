import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { type RunningSandbox, startSandbox } from '../../src/sandbox/index.ts';
import { SandboxStore } from '../../src/sandbox/store.ts';
import { admin, child, childText, envelope, errorNos, errorTexts, post, result } from './sandbox-xml.ts';

// Faults on the gateway (never on /_sandbox): throttling, latency, seeded transient failures of every
// kind, session expiry, maintenance windows; and the admin API that sets and reports them.
function smallStore(): SandboxStore {
  const store = new SandboxStore({
    companyId: 'FAULTY',
    companyName: 'Faulty Co',
    timezone: 'Europe/London',
    entities: [{ id: 'E1', name: 'Entity One', recordNo: 1, baseCurrency: 'GBP', country: 'United Kingdom' }],
  });
  for (let i = 0; i < 30; i++)
    store.insert('GLACCOUNT', { ACCOUNTNO: String(1000 + i), TITLE: `Account ${i}` });
  return store;
}

let sb: RunningSandbox;
let n = 0;
const readFn = () =>
  [
    [
      `r-${++n}`,
      '<readByQuery><object>GLACCOUNT</object><fields>ACCOUNTNO</fields><query></query></readByQuery>',
    ],
  ] as const;
const read = (extra: Partial<Parameters<typeof envelope>[0]> = {}) =>
  post(sb.url, envelope({ creds: sb.credentials, functions: readFn(), ...extra }));

/** One outcome label per request, for comparing fault sequences. */
async function outcome(): Promise<string> {
  try {
    const a = await read();
    if (a.status !== 200) return `http${a.status}`;
    if (!a.response) return 'truncate';
    return childText(result(a), 'status') === 'success' ? 'ok' : 'unavailable';
  } catch {
    return 'reset';
  }
}

beforeAll(async () => {
  sb = await startSandbox({ store: smallStore() });
});
afterEach(() => {
  sb.setFaults({
    latencyMs: 0,
    jitterMs: 0,
    concurrency: 0,
    transientRate: 0,
    transientMix: {},
    maintenance: null,
    sessionIdleMs: null,
    sessionMaxAgeMs: null,
    throttleStyle: 'http429',
  });
});
afterAll(async () => {
  await sb.close();
});

describe('throttling and latency', () => {
  it('answers requests beyond the concurrency limit with HTTP 429 and GW-0010', async () => {
    sb.resetStats();
    // Long enough that all six are in flight together even when a loaded machine spreads their sends.
    sb.setFaults({ concurrency: 2, latencyMs: 1500 });
    const answers = await Promise.all(Array.from({ length: 6 }, () => read()));
    const throttled = answers.filter((a) => a.status === 429);
    const served = answers.filter((a) => a.status === 200);
    expect(served).toHaveLength(2);
    expect(throttled).toHaveLength(4);
    for (const a of throttled) {
      const control = child(a.response, 'control');
      expect(childText(control, 'status')).toBe('failure');
      expect(childText(control, 'senderid')).toBeUndefined();
      expect(errorNos(a.response)).toEqual(['GW-0010']);
    }
    const stats = sb.stats();
    expect(stats.throttled).toBe(4);
    expect(stats.maxInFlight).toBe(2);
    // Once the load is gone, requests pass again.
    expect((await read()).status).toBe(200);
  });

  it('can throttle in an HTTP 200 body instead', async () => {
    sb.setFaults({ concurrency: 1, latencyMs: 1500, throttleStyle: 'body200' });
    const answers = await Promise.all([read(), read(), read()]);
    const inBody = answers.filter((a) => a.status === 200 && errorNos(a.response).includes('GW-0010'));
    expect(inBody).toHaveLength(2);
    expect(inBody[0]?.text).toContain('API rate limit exceeded');
  });

  it('adds fixed latency plus jitter', async () => {
    sb.setFaults({ latencyMs: 120, jitterMs: 40, seed: 3 });
    const t0 = performance.now();
    await read();
    const elapsed = performance.now() - t0;
    expect(elapsed).toBeGreaterThanOrEqual(115);
  });
});

describe('transient faults', () => {
  it('injects each kind as configured', async () => {
    sb.resetStats();
    sb.setFaults({ transientRate: 1, transientMix: { http502: 1 } });
    const a = await read();
    expect(a.status).toBe(502);
    expect(a.contentType).toContain('text/html');
    sb.setFaults({ transientMix: { http503: 1 } });
    expect((await read()).status).toBe(503);
    sb.setFaults({ transientMix: { unavailable: 1 } });
    const u = await read();
    expect(u.status).toBe(200);
    expect(childText(result(u), 'status')).toBe('failure');
    expect(errorTexts(result(u))).toContain('The Service is Temporarily Off-line');
    sb.setFaults({ transientMix: { reset: 1 } });
    await expect(read()).rejects.toThrow();
    sb.setFaults({ transientMix: { truncate: 1 } });
    let truncated = false;
    try {
      const t = await read();
      truncated = t.response === undefined;
    } catch {
      truncated = true; // the connection drops before Content-Length bytes arrive
    }
    expect(truncated).toBe(true);
    const injected = sb.stats().faultsInjected;
    expect(injected).toMatchObject({ http502: 1, http503: 1, unavailable: 1, reset: 1, truncate: 1 });
  });

  it('is reproducible for a seed, and a rate of 0.3 faults about 30% of requests', async () => {
    const run = async (seed: number) => {
      sb.setFaults({ transientRate: 0.3, transientMix: {}, seed });
      const out: string[] = [];
      for (let i = 0; i < 40; i++) out.push(await outcome());
      return out;
    };
    const a = await run(42);
    const b = await run(42);
    const c = await run(43);
    expect(b).toEqual(a);
    expect(c).not.toEqual(a);
    const faulted = a.filter((x) => x !== 'ok').length;
    expect(faulted).toBeGreaterThan(3);
    expect(faulted).toBeLessThan(25);
    expect(new Set(a.filter((x) => x !== 'ok')).size).toBeGreaterThan(1);
  });

  it('never applies faults to the admin API', async () => {
    sb.setFaults({ transientRate: 1, transientMix: { reset: 1 }, maintenance: { style: 'http503' } });
    const s = await admin(sb.adminUrl, 'GET', '/stats');
    expect(s.status).toBe(200);
    expect(s.json.requests).toBeGreaterThan(0);
  });
});

describe('sessions and maintenance', () => {
  async function session(): Promise<string> {
    const a = await post(
      sb.url,
      envelope({ creds: sb.credentials, functions: [[`s-${++n}`, '<getAPISession/>']] }),
    );
    return childText(child(child(result(a), 'data'), 'api'), 'sessionid') as string;
  }
  const authStatus = async (sessionId: string) =>
    childText(child(child((await read({ sessionId })).response, 'operation'), 'authentication'), 'status');

  it('expires sessions after the idle time; use slides the timeout', async () => {
    sb.setFaults({ sessionIdleMs: 300 });
    const s = await session();
    await new Promise((r) => setTimeout(r, 150));
    expect(await authStatus(s)).toBe('success');
    await new Promise((r) => setTimeout(r, 150));
    expect(await authStatus(s)).toBe('success');
    await new Promise((r) => setTimeout(r, 350));
    expect(await authStatus(s)).toBe('failure');
  });

  it('expires busy sessions at their maximum age (mid-paging expiry)', async () => {
    sb.setFaults({ sessionMaxAgeMs: 250 });
    const s = await session();
    expect(await authStatus(s)).toBe('success');
    await new Promise((r) => setTimeout(r, 300));
    expect(await authStatus(s)).toBe('failure');
  });

  it('expires every session through the admin API', async () => {
    const s = await session();
    const res = await admin(sb.adminUrl, 'POST', '/sessions/expire');
    expect(res.json.expired).toBeGreaterThan(0);
    expect(await authStatus(s)).toBe('failure');
  });

  it('fails everything during a maintenance window, in either style, until it ends', async () => {
    sb.setFaults({ maintenance: { style: 'http503' } });
    const a = await read();
    expect(a.status).toBe(503);
    expect(a.contentType).toContain('text/html');
    sb.setFaults({ maintenance: { style: 'offline', untilMs: Date.now() + 200 } });
    const b = await read();
    expect(b.status).toBe(200);
    expect(childText(result(b), 'status')).toBe('failure');
    expect(errorTexts(result(b))).toContain('Temporarily Off-line');
    await new Promise((r) => setTimeout(r, 250));
    expect(childText(result(await read()), 'status')).toBe('success');
  });
});

describe('admin API', () => {
  it('reads and patches faults, refusing bad settings', async () => {
    const set = await admin(sb.adminUrl, 'POST', '/faults', { latencyMs: 5, transientRate: 0 });
    expect(set.status).toBe(200);
    expect(set.json.latencyMs).toBe(5);
    expect((await admin(sb.adminUrl, 'GET', '/faults')).json.latencyMs).toBe(5);
    const bad = await admin(sb.adminUrl, 'POST', '/faults', { transientRate: 2, bogus: true });
    expect(bad.status).toBe(400);
    expect(bad.json.problems).toHaveLength(2);
  });

  it('counts requests per function, object and entity, and resets', async () => {
    await admin(sb.adminUrl, 'POST', '/stats/reset');
    await read();
    await read({ locationId: 'E1' });
    await post(
      sb.url,
      envelope({
        creds: sb.credentials,
        functions: [
          [`q-${++n}`, '<query><select><field>RECORDNO</field></select><object>GLACCOUNT</object></query>'],
        ],
      }),
    );
    const s = (await admin(sb.adminUrl, 'GET', '/stats')).json;
    expect(s.gatewayRequests).toBe(3);
    expect(s.byFunction).toEqual({ query: 1, readByQuery: 2 });
    expect(s.byObject).toEqual({ GLACCOUNT: 3 });
    expect(s.byEntity).toEqual({ '(top level)': 2, E1: 1 });
  });

  it('reads and moves the clock', async () => {
    const before = (await admin(sb.adminUrl, 'GET', '/clock')).json;
    expect(before.timezone).toBe('Europe/London');
    const after = (await admin(sb.adminUrl, 'POST', '/clock', { advanceMinutes: 90 })).json;
    expect(after.nowMs - before.nowMs).toBe(90 * 60_000);
    expect((await admin(sb.adminUrl, 'POST', '/clock', { advanceMinutes: -1 })).status).toBe(400);
    expect((await admin(sb.adminUrl, 'GET', '/nope')).status).toBe(404);
  });
});

describe('configurable protocol details', () => {
  it('answers bad user credentials with HTTP 401 and XMLGW_JPP0002 when set to the newer gateway style', async () => {
    const other = await startSandbox({ store: sb.store, protocol: { badUserStyle: 'http401' } });
    try {
      const a = await post(
        other.url,
        envelope({ creds: other.credentials, functions: readFn(), userPassword: 'wrong' }),
      );
      expect(a.status).toBe(401);
      expect(childText(child(a.response, 'control'), 'status')).toBe('failure');
      expect(errorNos(a.response)).toEqual(['XMLGW_JPP0002']);
      const ok = await post(other.url, envelope({ creds: other.credentials, functions: readFn() }));
      expect(ok.status).toBe(200);
    } finally {
      await other.close();
    }
  });

  it('starts a maintenance window at fromMs', async () => {
    sb.setFaults({ maintenance: { style: 'http503', fromMs: Date.now() + 150 } });
    expect((await read()).status).toBe(200);
    await new Promise((r) => setTimeout(r, 200));
    expect((await read()).status).toBe(503);
  });
});
