import { afterEach, describe, expect, it } from 'vitest';
import { ClassifiedError } from '../../src/core/errors.ts';
import { createLogger } from '../../src/core/logger.ts';
import { create } from '../../src/intacct/envelope.ts';
import { IntacctClient, type IntacctClientOptions } from '../../src/intacct/client.ts';
import { el } from '../../src/intacct/xml.ts';
import { Capture } from '../support/capture.ts';
import {
  SERVICE_UNAVAILABLE,
  type Script,
  type ScriptedGateway,
  answerSession,
  createdResult,
  failedResult,
  lookupResult,
  operation,
  sessionRefused,
  startScriptedGateway,
} from '../support/scripted-gateway.ts';

/**
 * The client against a scripted loopback gateway: the answers the sandbox never gives, and the
 * exact sequences (expiry, outage, expiry again) that are only intermittent under random faults.
 */
let gateway: ScriptedGateway | undefined;
const clients: IntacctClient[] = [];

afterEach(async () => {
  // The gateway first: a client closes only after its requests ended.
  await gateway?.close();
  gateway = undefined;
  for (const c of clients.splice(0)) await c.close();
});

async function start(script: Script): Promise<ScriptedGateway> {
  gateway = await startScriptedGateway(script);
  return gateway;
}

function client(url: string, extra: Partial<IntacctClientOptions> = {}): IntacctClient {
  const c = IntacctClient.create({
    endpointUrl: url,
    senderId: 'sender',
    senderPassword: 'sender-password-1',
    companyId: 'C',
    userId: 'u',
    userPassword: 'user-password-1',
    timezone: 'America/Los_Angeles',
    maxAttempts: 5,
    retry: { baseDelayMs: 1, maxDelayMs: 5 },
    throttlePauseMs: 1,
    ...extra,
  });
  clients.push(c);
  return c;
}

const isLogin = (r: { sessionId: string | undefined }) => r.sessionId === undefined;

describe('the client against a scripted gateway', () => {
  it('refreshes the session once per attempt: expiry, refresh, outage, expiry again still succeeds', async () => {
    let sessions = 0;
    let reads = 0;
    const g = await start((r) => {
      if (isLogin(r)) return answerSession(r, g.url, `session-${++sessions}-0123456789abcdef`);
      const fn = r.functions[0]!;
      reads++;
      if (reads === 1 || reads === 3) return sessionRefused();
      if (reads === 2) return SERVICE_UNAVAILABLE;
      return operation(lookupResult(fn.controlId, 'GLDETAIL'));
    });
    const definition = await client(g.url).lookup('GLDETAIL');
    expect(definition.fields.map((f) => f.name)).toEqual(['RECORDNO']);
    expect(reads).toBe(4);
    // A new session after each refusal: the first, then one per refusal.
    expect(sessions).toBe(3);
  });

  it('gives each function of a multi-function write its own outcome, matched by control id', async () => {
    const g = await start((r) => {
      if (isLogin(r)) return answerSession(r, g.url, 'session-multi-0123456789');
      const [a, b] = r.functions;
      // Results in the opposite order from the functions.
      return operation(
        failedResult(
          b!.controlId,
          'create',
          'BL34000061',
          'Another Customer with the given value(s) C2 already exists',
        ),
        createdResult(a!.controlId, 'customer', '11'),
      );
    });
    const results = await client(g.url).write(null, [
      create('fn-first', el('CUSTOMER', [el('CUSTOMERID', 'C1')])),
      create('fn-second', el('CUSTOMER', [el('CUSTOMERID', 'C2')])),
    ]);
    expect(results.map((r) => [r.controlId, r.status, r.records[0]?.recordNo])).toEqual([
      ['fn-first', 'success', '11'],
      ['fn-second', 'failure', undefined],
    ]);
    expect(results[1]?.error?.kind).toBe('record');
  });

  it('refuses results that do not answer the functions sent, for writes and reads', async () => {
    const g = await start((r) => {
      if (isLogin(r)) return answerSession(r, g.url, 'session-mismatch-0123456789');
      const fn = r.functions[0]!;
      if (fn.name === 'lookup') return operation(lookupResult('someone-else', 'GLDETAIL'));
      // Two functions sent; two results, but for other control ids.
      return operation(createdResult('x-1', 'customer', '11'), createdResult('x-2', 'customer', '12'));
    });
    const c = client(g.url);
    const write = c.write(null, [
      create('fn-a', el('CUSTOMER', [el('CUSTOMERID', 'C1')])),
      create('fn-b', el('CUSTOMER', [el('CUSTOMERID', 'C2')])),
    ]);
    await expect(write).rejects.toSatisfy(
      (e: unknown) =>
        e instanceof ClassifiedError &&
        e.kind === 'terminal' &&
        /does not answer the functions sent/.test(e.message) &&
        e.message.includes('"fn-a"') &&
        e.message.includes('"x-1"'),
    );
    await expect(c.lookup('GLDETAIL')).rejects.toSatisfy(
      (e: unknown) => e instanceof ClassifiedError && e.kind === 'terminal' && /someone-else/.test(e.message),
    );
    // Terminal: nothing was retried.
    expect(g.requests.filter((r) => !isLogin(r))).toHaveLength(2);
  });

  it('never shows a session id, even when Intacct echoes it in an error', async () => {
    const ids: string[] = [];
    const g = await start((r) => {
      if (isLogin(r)) {
        ids.push(`sid-${ids.length}-9f8e7d6c5b4a39281706`);
        return answerSession(r, g.url, ids.at(-1)!);
      }
      return sessionRefused(`Invalid session ${r.sessionId}. The session may have expired; sign in again.`);
    });
    const log = new Capture();
    const logger = createLogger({ stream: log, format: 'json', level: 'debug' });
    const error = await client(g.url, { logger })
      .lookup('GLDETAIL')
      .then(
        () => undefined,
        (e: unknown) => e,
      );
    expect(error).toBeInstanceOf(ClassifiedError);
    const e = error as ClassifiedError;
    expect(e.kind).toBe('auth');
    expect(e.message).toContain('Invalid session');
    expect(ids.length).toBeGreaterThanOrEqual(2);
    const shown = [e.message, JSON.stringify(e), JSON.stringify(e.vendor), log.text].join('\n');
    for (const id of ids) expect(shown).not.toContain(id);
    expect(shown).toContain('[redacted]');
  });

  it('bounds the requests of one call when login keeps failing: no retries inside retries', async () => {
    const g = await start(() => SERVICE_UNAVAILABLE);
    const c = client(g.url, { maxAttempts: 4 });
    await expect(c.lookup('GLDETAIL')).rejects.toSatisfy(
      (e: unknown) => e instanceof ClassifiedError && e.kind === 'transient',
    );
    expect(g.requests).toHaveLength(4);
    await expect(c.connect()).rejects.toSatisfy((e: unknown) => e instanceof ClassifiedError);
    expect(g.requests).toHaveLength(8);
  });

  it('bounds a hostile answer (an HTML page with status 200) the same way', async () => {
    const g = await start(() => ({ body: '<html><body>Welcome</body></html>' }));
    const c = client(g.url, { maxAttempts: 3 });
    await expect(c.lookup('GLDETAIL')).rejects.toSatisfy(
      (e: unknown) => e instanceof ClassifiedError && e.kind === 'transient',
    );
    expect(g.requests).toHaveLength(3);
  });

  it('stops at once when aborted while the session is being opened', async () => {
    let arrived: () => void = () => undefined;
    const loginArrived = new Promise<void>((r) => {
      arrived = r;
    });
    let closed: () => void = () => undefined;
    const loginClosed = new Promise<void>((r) => {
      closed = r;
    });
    // The gateway never answers the login; only the client's abort can end the call.
    const g = await start((r) => {
      r.res.on('close', () => closed());
      arrived();
      return undefined;
    });
    const c = client(g.url, { requestTimeoutMs: 600_000 });
    const controller = new AbortController();
    const reading = (async () => {
      for await (const _ of c.readRecords({
        object: 'GLDETAIL',
        fields: ['RECORDNO'],
        entity: null,
        signal: controller.signal,
      })) {
        // no pages expected
      }
    })();
    const settled = reading.then(
      () => 'resolved',
      (e: unknown) => e,
    );
    await loginArrived;
    controller.abort(new Error('SIGTERM'));
    const outcome = await Promise.race([
      settled,
      new Promise((r) => setTimeout(() => r('still waiting after 10 s'), 10_000)),
    ]);
    expect(outcome).toBeInstanceOf(Error);
    expect((outcome as Error).message).toBe('SIGTERM');
    await loginClosed;
    expect(g.requests).toHaveLength(1);
  });
});
