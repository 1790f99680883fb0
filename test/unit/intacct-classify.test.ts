import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ClassifiedError } from '../../src/core/errors.ts';
import {
  classifyNetwork,
  classifyResponse,
  FIXES,
  isCursorExpired,
  isDuplicateControlId,
} from '../../src/intacct/classify.ts';

const fixture = (name: string) =>
  readFileSync(join(import.meta.dirname, '../fixtures/intacct', name), 'utf8');

describe('classifyResponse on recorded bodies', () => {
  const cases: [file: string, status: number, write: boolean, kind: string, level: string][] = [
    ['control-bad-sender.xml', 200, false, 'auth', 'control'],
    ['control-malformed.xml', 200, false, 'terminal', 'control'],
    ['control-demo-expired.xml', 200, false, 'terminal', 'control'],
    ['auth-bad-user.xml', 200, false, 'auth', 'authentication'],
    ['auth-sender-not-authorized.xml', 200, false, 'auth', 'authentication'],
    ['auth-session-expired.xml', 200, false, 'auth', 'authentication'],
    ['http401-bad-user.xml', 401, false, 'auth', 'http'],
    ['http429-gw0010.xml', 429, false, 'throttled', 'http'],
    ['http400-gw0011.xml', 400, false, 'terminal', 'http'],
    ['http502-cloudflare.html', 502, false, 'transient', 'http'],
    ['http502-cloudflare.html', 200, false, 'transient', 'http'],
    ['body200-rate-limit.xml', 200, false, 'throttled', 'result'],
    ['result-offline.xml', 200, false, 'transient', 'result'],
    ['result-offline.xml', 200, true, 'transient', 'result'],
    ['result-query-failed.xml', 200, false, 'terminal', 'result'],
    ['result-permission.xml', 200, false, 'terminal', 'result'],
    ['result-duplicate-record.xml', 200, true, 'record', 'result'],
    ['result-transaction-aborted.xml', 200, true, 'record', 'result'],
    ['result-cursor-expired.xml', 200, false, 'terminal', 'result'],
  ];
  for (const [file, status, write, kind, level] of cases) {
    it(`${file} (HTTP ${status}${write ? ', write' : ''}) is ${kind} at ${level}`, () => {
      const error = classifyResponse(status, fixture(file), write);
      expect(error).toBeInstanceOf(ClassifiedError);
      expect(error?.kind).toBe(kind);
      expect(error?.level).toBe(level);
    });
  }

  it('keeps the vendor codes and gives guidance', () => {
    const sender = classifyResponse(200, fixture('auth-sender-not-authorized.xml'));
    expect(sender?.codes).toEqual(['XL03000006']);
    expect(sender?.fix).toBe(FIXES.senderNotAuthorized);
    expect(classifyResponse(200, fixture('control-bad-sender.xml'))?.fix).toBe(FIXES.senderCredentials);
    expect(classifyResponse(200, fixture('auth-bad-user.xml'))?.fix).toBe(FIXES.userCredentials);
    expect(classifyResponse(200, fixture('result-permission.xml'))?.fix).toBe(FIXES.permission);
    const dup = classifyResponse(200, fixture('result-duplicate-record.xml'), true);
    expect(dup?.codes).toEqual(['BL34000061', 'BL01001973']);
    expect(dup?.message).toContain('already exists');
  });

  it('GW-0011 points at the endpoint and credentials, not at a bug; a parse error at the request XML', () => {
    const invalid = classifyResponse(400, fixture('http400-gw0011.xml'));
    expect(invalid?.fix).toMatch(/intacct\.endpointUrl/);
    expect(invalid?.fix).toMatch(/intacct\.companyId/);
    expect(invalid?.fix).not.toMatch(/bug in intacct-elt/);
    const malformed = classifyResponse(200, fixture('control-malformed.xml'));
    expect(malformed?.fix).toBe(FIXES.malformedRequest);
    expect(malformed?.fix).not.toMatch(/bug in intacct-elt/);
  });

  it('a successful page is not an error', () => {
    expect(classifyResponse(200, fixture('result-readbyquery-page.xml'))).toBeNull();
  });

  it('a cut-off body is transient, never a success', () => {
    const full = fixture('result-readbyquery-page.xml');
    for (const cut of [50, 400, full.indexOf('</data>'), full.length - 3]) {
      const error = classifyResponse(200, full.slice(0, cut));
      expect(error?.kind, `cut at ${cut}`).toBe('transient');
    }
  });

  it('recognizes a refused duplicate controlid and an expired cursor', () => {
    const dup = classifyResponse(200, fixture('result-duplicate-controlid.xml'), true);
    expect(dup && isDuplicateControlId(dup.vendor)).toBe(true);
    // The one public trace (intacct-sdk-js#70) suggests the duplicate answer may lack <status>.
    const noStatus = classifyResponse(200, fixture('result-duplicate-controlid-no-status.xml'), true);
    expect(noStatus?.kind).toBe('record');
    expect(noStatus && isDuplicateControlId(noStatus.vendor)).toBe(true);
    const rec = classifyResponse(200, fixture('result-duplicate-record.xml'), true);
    expect(rec && isDuplicateControlId(rec.vendor)).toBe(false);
    expect(isCursorExpired(classifyResponse(200, fixture('result-cursor-expired.xml')))).toBe(true);
    expect(isCursorExpired(classifyResponse(200, fixture('result-query-failed.xml')))).toBe(false);
  });

  it('network errors are transient', () => {
    const reset = Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' });
    expect(classifyNetwork(reset).kind).toBe('transient');
    expect(classifyNetwork(reset).level).toBe('network');
    const timeout = Object.assign(new Error('Headers Timeout Error'), { code: 'UND_ERR_HEADERS_TIMEOUT' });
    expect(classifyNetwork(timeout).kind).toBe('transient');
  });
});
