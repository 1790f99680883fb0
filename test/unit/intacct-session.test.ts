import { describe, expect, it } from 'vitest';
import { ClassifiedError } from '../../src/core/errors.ts';
import type { Authentication } from '../../src/intacct/envelope.ts';
import { SessionManager } from '../../src/intacct/session.ts';

function setup(lifeMs = 60 * 60_000) {
  let now = 1_000_000;
  let n = 0;
  const calls: { auth: Authentication; location: string | null }[] = [];
  const dead = new Set<string>();
  const mgr = new SessionManager({
    userId: 'u',
    companyId: 'C',
    password: 'p',
    endpoint: 'https://api.example/xml',
    now: () => now,
    refreshMarginMs: 60_000,
    open: async (auth, location) => {
      calls.push({ auth, location });
      if ('sessionId' in auth && dead.has(auth.sessionId))
        throw new ClassifiedError('Invalid session', { kind: 'auth', level: 'authentication' });
      await new Promise((r) => setTimeout(r, 1));
      const stamp = new Date(now).toISOString();
      return {
        api: { sessionId: `s${++n}`, endpoint: 'https://dc2.example/xml', locationId: location ?? '' },
        auth: {
          status: 'success',
          userId: 'u',
          companyId: 'C',
          locationId: '',
          sessionTimestamp: stamp,
          sessionTimeout: new Date(now + lifeMs).toISOString(),
        },
      };
    },
  });
  return {
    mgr,
    calls,
    dead,
    advance: (ms: number) => {
      now += ms;
    },
  };
}

describe('sessions', () => {
  it('logs in once, then opens entity sessions from the top-level session, shared by concurrent callers', async () => {
    const { mgr, calls } = setup();
    const [a, b, c] = await Promise.all([mgr.get('US1'), mgr.get('US1'), mgr.get(null)]);
    expect(a).toBe(b);
    expect(a.entity).toBe('US1');
    expect(a.endpoint).toBe('https://dc2.example/xml');
    expect(c.entity).toBe('');
    expect(calls.filter((x) => 'login' in x.auth)).toHaveLength(1);
    expect(calls.filter((x) => x.location === 'US1')).toEqual([
      { auth: { sessionId: c.sessionId }, location: 'US1' },
    ]);
  });

  it('refreshes before the reported timeout, not after', async () => {
    const { mgr, advance } = setup(10 * 60_000);
    const first = await mgr.get('');
    advance(7 * 60_000);
    expect(await mgr.get('')).toBe(first);
    advance(2 * 60_000 + 1); // within the margin (a fifth of the life, at most a minute)
    const second = await mgr.get('');
    expect(second.sessionId).not.toBe(first.sessionId);
    expect(mgr.refreshes).toBe(1);
  });

  it('a sliding timeout from later responses keeps the session', async () => {
    const { mgr, advance } = setup(10 * 60_000);
    const s = await mgr.get('');
    advance(8 * 60_000);
    const stamp = new Date(1_000_000 + 8 * 60_000);
    mgr.touch(s, {
      status: 'success',
      userId: 'u',
      companyId: 'C',
      locationId: '',
      sessionTimestamp: stamp.toISOString(),
      sessionTimeout: new Date(stamp.getTime() + 10 * 60_000).toISOString(),
    });
    advance(5 * 60_000);
    expect(await mgr.get('')).toBe(s);
  });

  it('invalidate drops only the refused session; a dead base session is replaced once', async () => {
    const { mgr, dead } = setup();
    const top = await mgr.get('');
    dead.add(top.sessionId);
    const ent = await mgr.get('DE1');
    expect(ent.entity).toBe('DE1');
    const newTop = await mgr.get('');
    expect(newTop.sessionId).not.toBe(top.sessionId);
    mgr.invalidate(top); // stale handle: must not drop the new one
    expect(await mgr.get('')).toBe(newTop);
  });
});
