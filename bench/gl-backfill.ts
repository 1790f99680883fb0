/**
 * The GL backfill's three budgets (issue: performance), measured the way the issue states them:
 * - memory: peak RSS of the job process for a ~100k-line and (with --full) a ~1M-line GL backfill,
 *   concurrency 4, DuckDB with its defaults;
 * - CPU: GL lines per CPU-second of the job process alone (`process.cpuUsage()` around `runJob`:
 *   parse, normalize, stage, merge), the sandbox's CPU read separately from /proc;
 * - extraction: lines/s at 200 ms per request and concurrency 4 against the API-bound limit
 *   (concurrency × page size ÷ latency).
 * The sandbox runs in its own process (as Intacct would), each measurement in a fresh process.
 *
 * Run: `npm run bench -- --only gl-backfill` (scale 2, ~95k lines) or `-- --full` (adds scale 20,
 * ~936k lines). `BENCH_SCALES=2,20` picks scales; `BENCH_CPU_PROF=dir` writes a V8 CPU profile of
 * each job process there.
 */
import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { configSchema } from '../src/config/schema.ts';
import { silentLogger } from '../src/core/logger.ts';
import { runJob } from '../src/extract/sync.ts';
import { IntacctClient } from '../src/intacct/client.ts';
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
  readonly latencyMs: number;
  readonly concurrency: number;
}

interface Result extends Measure {
  rows: number;
  seconds: number;
  cpuSeconds: number;
  maxRssMb: number;
  apiCalls: number;
  pageSize: number;
}

async function startSandbox(scale: number): Promise<{ info: SandboxInfo; child: ChildProcess }> {
  const child = spawn(
    process.execPath,
    [join(ROOT, 'bin/intacct-elt.js'), 'sandbox', '--json', '--port', '0', '--scale', String(scale)].concat([
      '--timezone',
      TIMEZONE,
    ]),
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

/** CPU seconds (user + system) a process has used so far, from /proc (Linux). */
function processCpuSeconds(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  // utime and stime are fields 14 and 15 of the whole line, in clock ticks (100 a second on Linux).
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

/** One backfill of GLDETAIL, in this (child) process. */
async function measure(info: SandboxInfo, m: Measure): Promise<Result> {
  const dir = mkdtempSync(join(tmpdir(), 'intacct-elt-bench-'));
  const config = configSchema.parse({
    intacct: { ...info.credentials, endpointUrl: info.url, timezone: TIMEZONE, concurrency: m.concurrency },
    // BENCH_DUCKDB='{"memoryLimit":"128MB","serialMerges":true}' measures other DuckDB settings.
    warehouse: {
      type: 'duckdb',
      path: join(dir, 'bench.duckdb'),
      ...JSON.parse(process.env.BENCH_DUCKDB ?? '{}'),
    },
    sync: { safetyLagSeconds: 0 },
    objects: { include: ['GLDETAIL'] },
  });
  const warehouse = await openWarehouse(config.warehouse, config.schemas, silentLogger);
  const client = IntacctClient.create({
    endpointUrl: info.url,
    ...info.credentials,
    timezone: TIMEZONE,
    concurrency: m.concurrency,
    pageSize: config.intacct.pageSize,
    logger: silentLogger,
  });
  await warehouse.migrate();
  const trace = process.env.BENCH_MEMTRACE
    ? setInterval(() => {
        void warehouse
          .query<{ tag: string; mb: number }>(
            'select tag, round(memory_usage_bytes / 1048576) as mb from duckdb_memory() where memory_usage_bytes > 1048576',
          )
          .then((rows) => {
            const m = process.memoryUsage();
            console.error(
              JSON.stringify({
                rss: Math.round(m.rss / 2 ** 20),
                heap: Math.round(m.heapUsed / 2 ** 20),
                ext: Math.round(m.external / 2 ** 20),
                duck: Object.fromEntries(rows.map((r) => [r.tag, r.mb])),
              }),
            );
          });
      }, 1000)
    : undefined;
  const cpu = process.cpuUsage();
  const started = performance.now();
  const report = await runJob({
    command: 'backfill',
    config,
    client,
    warehouse,
    logger: silentLogger,
    backfill: { from: Date.parse('2000-01-01T00:00:00Z'), to: Date.parse('2100-01-01T00:00:00Z') },
  });
  const seconds = (performance.now() - started) / 1000;
  const used = process.cpuUsage(cpu);
  if (trace) clearInterval(trace);
  if (report.errors.length > 0) throw new Error(`backfill failed: ${JSON.stringify(report.errors[0])}`);
  // BENCH_STREAMS=1: each stream's rows, pages and seconds, to see how evenly the slices share the work.
  if (process.env.BENCH_STREAMS) {
    for (const s of report.streams)
      console.error(
        `${s.entity || '(top)'}#${s.slice}: ${s.rowsRead} rows, ${s.pages} pages, ${s.seconds.toFixed(1)} s`,
      );
  }
  await client.close();
  await warehouse.close();
  rmSync(dir, { recursive: true, force: true });
  return {
    ...m,
    rows: report.objects.reduce((n, o) => n + o.rowsRead, 0),
    seconds,
    cpuSeconds: (used.user + used.system) / 1e6,
    apiCalls: report.apiCalls,
    pageSize: config.intacct.pageSize,
    maxRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
  };
}

const exec = promisify(execFile);

async function inChild(info: SandboxInfo, m: Measure, tag: string): Promise<Result> {
  const prof = process.env.BENCH_CPU_PROF;
  const flags = prof ? ['--cpu-prof', '--cpu-prof-dir', prof, '--cpu-prof-name', `${tag}.cpuprofile`] : [];
  const { stdout, stderr } = await exec(
    process.execPath,
    [...flags, '--import', 'tsx', fileURLToPath(import.meta.url), '--child', JSON.stringify({ info, m })],
    { cwd: ROOT, maxBuffer: 1 << 20, env: { ...process.env } },
  );
  if (process.env.BENCH_MEMTRACE || process.env.BENCH_STREAMS) console.error(stderr);
  return JSON.parse(stdout.trim().split('\n').pop() ?? '{}') as Result;
}

export async function run(): Promise<string> {
  const scales = (process.env.BENCH_SCALES ?? (process.env.BENCH_FULL ? '2,20' : '2')).split(',').map(Number);
  const latencies = (process.env.BENCH_LATENCIES ?? '0,200').split(',').map(Number);
  const lines = [
    'GLDETAIL of every entity, backfilled into a fresh DuckDB file at concurrency 4; sandbox in its own process,',
    `each measurement in a fresh process. Load average when started: ${loadavg()
      .map((l) => l.toFixed(1))
      .join(', ')} (2 cores).`,
    '',
    '| scale | latency | GL lines | seconds | lines/s | % of API bound | job CPU s | lines per job CPU-s | sandbox CPU s | API calls | peak RSS |',
    '| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
  ];
  for (const scale of scales) {
    const { info, child } = await startSandbox(scale);
    try {
      for (const latencyMs of latencies) {
        await setLatency(info, latencyMs);
        const sandboxBefore = processCpuSeconds(child.pid!);
        const r = await inChild(info, { latencyMs, concurrency: 4 }, `scale${scale}-${latencyMs}ms`);
        const sandboxCpu = processCpuSeconds(child.pid!) - sandboxBefore;
        const rate = r.rows / r.seconds;
        const bound = latencyMs > 0 ? (r.concurrency * r.pageSize) / (latencyMs / 1000) : undefined;
        lines.push(
          `| ${scale} | ${latencyMs} ms | ${r.rows.toLocaleString('en-US')} | ${r.seconds.toFixed(1)} | ${Math.round(rate).toLocaleString('en-US')} | ${bound ? `${Math.round((100 * rate) / bound)}% of ${bound.toLocaleString('en-US')}` : '–'} | ${r.cpuSeconds.toFixed(1)} | ${Math.round(r.rows / r.cpuSeconds).toLocaleString('en-US')} | ${sandboxCpu.toFixed(1)} | ${r.apiCalls} | ${r.maxRssMb} MB |`,
        );
        console.error(lines[lines.length - 1]);
      }
    } finally {
      child.kill('SIGTERM');
    }
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
