/**
 * The sandbox's CPU per GL line served, without HTTP or a client in the way: the GL backfill's reads
 * (per entity: a count, then keyset `query` pages of 1,000 with the job's select list and window; or
 * readByQuery and readMore) replayed through the gateway in this process, once the general way and
 * once the fast way (`pageServing`, src/sandbox/protocol/context.ts), on one scale-2 company. CPU is
 * `process.cpuUsage()` around the gateway call and the response's encoding; the digest is SHA-256
 * over every page's `<data>` element (readByQuery's random resultId left out), so equal digests mean
 * the two ways served the same bytes.
 *
 * Run: `npm run bench -- --only sandbox-pages` (`BENCH_SCALES=0.5` for a smaller company).
 */
import { createHash } from 'node:crypto';
import { loadavg } from 'node:os';
import { requireObjectDef } from '../src/sandbox/catalog.ts';
import { generateCompany } from '../src/sandbox/generator.ts';
import { DEFAULT_CREDENTIALS } from '../src/sandbox/index.ts';
import type { PageServing } from '../src/sandbox/protocol/context.ts';
import { CursorStore } from '../src/sandbox/protocol/cursors.ts';
import { registerWriteFunctions } from '../src/sandbox/protocol/functions-write.ts';
import { type GatewayState, handleGateway } from '../src/sandbox/protocol/gateway.ts';
import { giveBack } from '../src/sandbox/protocol/response-buffers.ts';
import { SessionStore } from '../src/sandbox/sessions.ts';
import type { SandboxStore } from '../src/sandbox/store.ts';

const TIMEZONE = 'America/Los_Angeles';
const PAGE = 1000;
const WINDOW =
  '<or><and><greaterthanorequalto><field>WHENMODIFIED</field><value>12/31/1999 16:00:00</value></greaterthanorequalto><lessthanorequalto><field>WHENMODIFIED</field><value>12/31/2099 16:00:00</value></lessthanorequalto></and><and><isnull><field>WHENMODIFIED</field></isnull><greaterthanorequalto><field>WHENCREATED</field><value>12/31/1999</value></greaterthanorequalto><lessthanorequalto><field>WHENCREATED</field><value>01/02/2100</value></lessthanorequalto></and></or>';

interface Pass {
  readonly lines: number;
  readonly megabytes: number;
  readonly cpuSeconds: number;
  readonly digest: string;
}

function gateway(store: SandboxStore, pageServing: PageServing): GatewayState {
  return {
    store,
    settings: {
      timezone: store.timezone,
      endpointUrl: 'http://127.0.0.1:1/ia/xml/xmlgw.phtml',
      duplicateStyle: 'failure',
      maxReadKeys: 100,
      genericArInvoiceCreate: false,
      badUserStyle: 'authentication',
      poDocumentNumbering: 'given',
    },
    credentials: { ...DEFAULT_CREDENTIALS, companyId: store.companyId || DEFAULT_CREDENTIALS.companyId },
    sessions: new SessionStore(() => ({ idleMs: 7_200_000, maxAgeMs: null })),
    cursors: new CursorStore(600_000),
    executed: new Set(),
    stats: { onFunction() {}, onObject() {}, onEntity() {} },
    sessionIdleMs: () => 7_200_000,
    now: () => Date.now(),
    pageServing,
  };
}

function replay(store: SandboxStore, pageServing: PageServing, reads: 'query' | 'readByQuery'): Pass {
  const state = gateway(store, pageServing);
  const c = state.credentials;
  const fields = requireObjectDef('GLDETAIL').fields.map((f) => f.name);
  const select = `<select>${fields.map((f) => `<field>${f}</field>`).join('')}</select>`;
  let id = 0;
  const envelope = (location: string, fn: string) =>
    `<?xml version="1.0" encoding="UTF-8"?><request><control><senderid>${c.senderId}</senderid><password>${c.senderPassword}</password><controlid>b${++id}</controlid><uniqueid>false</uniqueid><dtdversion>3.0</dtdversion></control><operation transaction="false"><authentication><login><userid>${c.userId}</userid><companyid>${c.companyId}</companyid><password>${c.userPassword}</password><locationid>${location}</locationid></login></authentication><content><function controlid="f">${fn}</function></content></operation></request>`;
  const hash = createHash('sha256');
  let cpu = 0;
  let bytes = 0;
  let lines = 0;
  const call = (location: string, fn: string): string => {
    const request = envelope(location, fn);
    const before = process.cpuUsage();
    const answer = handleGateway(request, state);
    const used = process.cpuUsage(before);
    cpu += used.user + used.system;
    bytes += answer.body.length;
    const text = answer.body.toString('utf8');
    giveBack(answer.body);
    const data = text.slice(text.indexOf('<data'), text.lastIndexOf('</result>'));
    hash.update(data.replace(/resultId="[^"]*"/, ''));
    return data;
  };
  for (const entity of store.entityList.map((e) => e.id)) {
    if (reads === 'query') {
      call(
        entity,
        `<query><select><field>RECORDNO</field></select><object>GLDETAIL</object><filter>${WINDOW}</filter><pagesize>1</pagesize></query>`,
      );
      let after: string | undefined;
      for (;;) {
        const filter = after
          ? `<and>${WINDOW}<greaterthan><field>RECORDNO</field><value>${after}</value></greaterthan></and>`
          : WINDOW;
        const data = call(
          entity,
          `<query>${select}<object>GLDETAIL</object><filter>${filter}</filter><orderby><order><field>RECORDNO</field><ascending/></order></orderby><pagesize>${PAGE}</pagesize></query>`,
        );
        const keys = [...data.matchAll(/<GLDETAIL><RECORDNO>(\d+)</g)].map((m) => m[1]);
        lines += keys.length;
        if (keys.length < PAGE) break;
        after = keys[keys.length - 1];
      }
    } else {
      let data = call(
        entity,
        `<readByQuery><object>GLDETAIL</object><fields>${fields.join(',')}</fields><query></query><pagesize>${PAGE}</pagesize></readByQuery>`,
      );
      for (;;) {
        lines += (data.match(/<gldetail>/g) ?? []).length;
        const resultId = /resultId="([^"]+)"/.exec(data)?.[1];
        if (!resultId) break;
        data = call(entity, `<readMore><resultId>${resultId}</resultId></readMore>`);
      }
    }
  }
  return { lines, megabytes: bytes / 1e6, cpuSeconds: cpu / 1e6, digest: hash.digest('hex') };
}

export async function run(): Promise<string> {
  registerWriteFunctions();
  const scales = (process.env.BENCH_SCALES ?? '2').split(',').map(Number);
  const out = [
    `GLDETAIL of every entity through the gateway in-process (no HTTP), pages of ${PAGE}. Load average when started: ${loadavg()
      .map((l) => l.toFixed(1))
      .join(', ')} (2 cores).`,
    '',
    '| scale | reads | pages served | GL lines | MB | CPU s | µs per line | digest |',
    '| ---: | --- | --- | ---: | ---: | ---: | ---: | --- |',
  ];
  for (const scale of scales) {
    const store = generateCompany({ seed: 1, scale, timezone: TIMEZONE });
    for (const reads of ['query', 'readByQuery'] as const) {
      for (const mode of ['general', 'fast'] as const) {
        const p = replay(store, mode, reads);
        out.push(
          `| ${scale} | ${reads} | ${mode} | ${p.lines.toLocaleString('en-US')} | ${p.megabytes.toFixed(0)} | ${p.cpuSeconds.toFixed(2)} | ${((p.cpuSeconds * 1e6) / p.lines).toFixed(1)} | ${p.digest.slice(0, 12)} |`,
        );
        console.error(out[out.length - 1]);
      }
    }
  }
  return out.join('\n');
}
