/**
 * End-to-end backfill throughput: the sandbox (in its own process, as Intacct would be) serves a
 * company; a separate process runs `backfill` of every object into a fresh DuckDB file and reports
 * rows/s and its own peak RSS. Measured at 0 and 200 ms latency per request, concurrency 2 and 4,
 * next to the baseline every other tool uses: one sequential readByQuery + readMore loop over
 * GLDETAIL with a whole-document XML parse. Default scale 2 (~100k GL lines, every object); BENCH_FULL=1:
 * scale 20 (~935k GL lines), backfilling GLDETAIL.
 *
 * Run: `npm run bench -- --only sync-backfill` (add `--full` for scale 20).
 */
import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { XMLParser } from 'fast-xml-parser';
import { configSchema } from '../src/config/schema.ts';
import { silentLogger } from '../src/core/logger.ts';
import { runJob } from '../src/extract/sync.ts';
import { IntacctClient } from '../src/intacct/client.ts';
import { glDetail } from '../src/intacct/objects/gl-detail.ts';
import { openWarehouse } from '../src/warehouse/open-warehouse.ts';

const TIMEZONE = 'America/Los_Angeles';
const ROOT = fileURLToPath(new URL('..', import.meta.url));

interface SandboxInfo {
  url: string;
  adminUrl: string;
  credentials: {
    senderId: string;
    senderPassword: string;
    companyId: string;
    userId: string;
    userPassword: string;
  };
}

interface Measure {
  kind: 'backfill' | 'client-read' | 'baseline-read';
  latencyMs: number;
  concurrency: number;
}

interface Result extends Measure {
  rows: number;
  seconds: number;
  maxRssMb: number;
  apiCalls: number;
}

async function startSandboxProcess(scale: number): Promise<{ info: SandboxInfo; child: ChildProcess }> {
  const child = spawn(
    process.execPath,
    [
      join(ROOT, 'bin/intacct-elt.js'),
      'sandbox',
      '--json',
      '--port',
      '0',
      '--scale',
      String(scale),
      '--timezone',
      TIMEZONE,
    ],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  const lines = createInterface({ input: child.stdout! });
  for await (const line of lines) {
    if (line.trim().startsWith('{')) return { info: JSON.parse(line) as SandboxInfo, child };
  }
  throw new Error('the sandbox exited before printing its address');
}

async function setLatency(info: SandboxInfo, latencyMs: number): Promise<void> {
  const r = await fetch(`${info.adminUrl}/faults`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ latencyMs, jitterMs: 0, concurrency: 0, transientRate: 0 }),
  });
  if (!r.ok) throw new Error(`sandbox faults: HTTP ${r.status} ${await r.text()}`);
}

function client(info: SandboxInfo, concurrency: number): IntacctClient {
  return IntacctClient.create({
    endpointUrl: info.url,
    ...info.credentials,
    timezone: TIMEZONE,
    concurrency,
    pageSize: 1000,
    logger: silentLogger,
  });
}

/** One measurement, in this (child) process. */
async function measure(info: SandboxInfo, m: Measure): Promise<Result> {
  const started = performance.now();
  let rows = 0;
  let apiCalls = 0;
  if (m.kind === 'backfill') {
    const dir = mkdtempSync(join(tmpdir(), 'intacct-elt-bench-'));
    const config = configSchema.parse({
      intacct: { ...info.credentials, endpointUrl: info.url, timezone: TIMEZONE, concurrency: m.concurrency },
      warehouse: { type: 'duckdb', path: join(dir, 'bench.duckdb') },
      sync: { safetyLagSeconds: 0 },
      // The scale-20 run backfills the GL lines (most of the volume) to keep the bench under half an hour.
      ...(process.env.BENCH_FULL ? { objects: { include: ['GLDETAIL'] } } : {}),
    });
    const warehouse = await openWarehouse(config.warehouse, config.schemas, silentLogger);
    const c = client(info, m.concurrency);
    await warehouse.migrate();
    const report = await runJob({
      command: 'backfill',
      config,
      client: c,
      warehouse,
      logger: silentLogger,
      backfill: { from: Date.parse('2000-01-01T00:00:00Z'), to: Date.parse('2100-01-01T00:00:00Z') },
    });
    rows = report.objects.reduce((n, o) => n + o.rowsRead, 0);
    apiCalls = report.apiCalls;
    await c.close();
    await warehouse.close();
    rmSync(dir, { recursive: true, force: true });
  } else if (m.kind === 'client-read') {
    const c = client(info, m.concurrency);
    for await (const page of c.readRecords({
      object: 'GLDETAIL',
      fields: glDetail.fields.map((f) => f.name),
      orderBy: ['RECORDNO'],
      entity: 'US1',
    })) {
      rows += page.length;
    }
    apiCalls = c.stats().apiCalls;
    await c.close();
  } else {
    ({ rows, apiCalls } = await baselineRead(info));
  }
  const seconds = (performance.now() - started) / 1000;
  return { ...m, rows, seconds, apiCalls, maxRssMb: Math.round(process.resourceUsage().maxRSS / 1024) };
}

/** What the Singer taps and most scripts do: one request at a time, whole-document parse. */
async function baselineRead(info: SandboxInfo): Promise<{ rows: number; apiCalls: number }> {
  const parser = new XMLParser({
    parseTagValue: false,
    ignoreAttributes: false,
    attributeNamePrefix: '',
    isArray: (name) => name === 'gldetail',
  });
  const c = info.credentials;
  const envelope = (fn: string) =>
    `<?xml version="1.0" encoding="UTF-8"?><request><control><senderid>${c.senderId}</senderid><password>${c.senderPassword}</password><controlid>bench</controlid><uniqueid>false</uniqueid><dtdversion>3.0</dtdversion></control><operation><authentication><login><userid>${c.userId}</userid><companyid>${c.companyId}</companyid><password>${c.userPassword}</password><locationid>US1</locationid></login></authentication><content><function controlid="f1">${fn}</function></content></operation></request>`;
  let fn =
    '<readByQuery><object>GLDETAIL</object><fields>*</fields><query></query><pagesize>1000</pagesize></readByQuery>';
  let rows = 0;
  let apiCalls = 0;
  for (;;) {
    const response = await fetch(info.url, {
      method: 'POST',
      headers: { 'content-type': 'application/xml' },
      body: envelope(fn),
    });
    apiCalls++;
    const doc = parser.parse(await response.text()) as {
      response?: {
        operation?: {
          result?: { data?: { gldetail?: unknown[]; numremaining?: string; resultId?: string } };
        };
      };
    };
    const data = doc.response?.operation?.result?.data;
    rows += data?.gldetail?.length ?? 0;
    if (!data?.resultId || data.numremaining === '0') break;
    fn = `<readMore><resultId>${data.resultId}</resultId></readMore>`;
  }
  return { rows, apiCalls };
}

const exec = promisify(execFile);

async function inChild(info: SandboxInfo, m: Measure): Promise<Result> {
  const { stdout } = await exec(
    process.execPath,
    ['--import', 'tsx', fileURLToPath(import.meta.url), '--child', JSON.stringify({ info, m })],
    { cwd: ROOT, maxBuffer: 1 << 20, env: { ...process.env } },
  );
  return JSON.parse(stdout.trim().split('\n').pop() ?? '{}') as Result;
}

export async function run(): Promise<string> {
  const scale = process.env.BENCH_FULL ? 20 : 2;
  const { info, child } = await startSandboxProcess(scale);
  const lines = [
    `Sandbox scale ${scale} in its own process; each measurement in a fresh process (peak RSS is that process's).`,
    '',
    '| what | latency/request | concurrency | rows | seconds | rows/s | API calls | peak RSS |',
    '| --- | --- | --- | --- | --- | --- | --- | --- |',
  ];
  try {
    for (const latencyMs of [0, 200]) {
      await setLatency(info, latencyMs);
      const plan: Measure[] = [
        { kind: 'backfill', latencyMs, concurrency: 2 },
        { kind: 'backfill', latencyMs, concurrency: 4 },
        { kind: 'client-read', latencyMs, concurrency: 4 },
        { kind: 'baseline-read', latencyMs, concurrency: 1 },
      ];
      for (const m of plan) {
        const r = await inChild(info, m);
        const what =
          r.kind === 'backfill'
            ? `backfill, ${process.env.BENCH_FULL ? 'GLDETAIL, all entities' : 'all objects'}, into DuckDB`
            : r.kind === 'client-read'
              ? 'client read, GLDETAIL of US1 (no warehouse)'
              : 'baseline: sequential readByQuery+readMore, GLDETAIL of US1';
        lines.push(
          `| ${what} | ${r.latencyMs} ms | ${r.concurrency} | ${r.rows.toLocaleString('en-US')} | ${r.seconds.toFixed(1)} | ${Math.round(r.rows / r.seconds).toLocaleString('en-US')} | ${r.apiCalls} | ${r.maxRssMb} MB |`,
        );
      }
    }
  } finally {
    child.kill('SIGTERM');
  }
  return lines.join('\n');
}

const childIndex = process.argv.indexOf('--child');
if (childIndex >= 0) {
  const { info, m } = JSON.parse(process.argv[childIndex + 1] ?? '{}') as { info: SandboxInfo; m: Measure };
  console.log(JSON.stringify(await measure(info, m)));
} else if (process.argv[1] === fileURLToPath(import.meta.url)) {
  console.log(await run());
}
