/**
 * Memory growth of the backfill's memory path (parse, stage, MERGE; no network): peak RSS of a
 * fresh process at 50k and at 200k GL lines, and their ratio (the performance goal is ≤ 1.3×).
 * Each size runs in its own process so its peak is its own. The job's DuckDB defaults (128MB, one
 * MERGE at a time) run by default; `--full` adds a 256MB memory_limit.
 *   npx tsx bench/memory-flat.ts
 */
import { execFile } from 'node:child_process';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { promisify } from 'node:util';

const exec = promisify(execFile);
const child = fileURLToPath(new URL('./memory-flat-child.ts', import.meta.url));
export const SIZES = [50_000, 200_000] as const;

/** Peak RSS in MB of one child run at `lines` GL lines ('default': the job's DuckDB settings). */
export async function peakRssMb(lines: number, setting = 'default'): Promise<number> {
  const args = ['--import', 'tsx', child, String(lines), ...(setting === 'default' ? [] : [setting])];
  const { stdout } = await exec(process.execPath, args, {
    cwd: fileURLToPath(new URL('..', import.meta.url)),
    // The container image's malloc setting (Dockerfile), so the figures are the shipped job's.
    env: { ...process.env, MALLOC_ARENA_MAX: '2' },
  });
  const result = JSON.parse(stdout.trim().split('\n').pop() ?? '{}') as { lines?: number; maxRssMb?: number };
  if (result.lines !== lines || typeof result.maxRssMb !== 'number') {
    throw new Error(`memory-flat-child.ts ${lines} printed no result: ${stdout.slice(-400)}`);
  }
  return result.maxRssMb;
}

export async function run(): Promise<string> {
  const settings = process.env.BENCH_FULL ? ['default', '256MB'] : ['default'];
  const rows = ['| setting | 50k lines | 200k lines | ratio (goal ≤ 1.3) |', '| --- | ---: | ---: | ---: |'];
  for (const setting of settings) {
    const [small, large] = [await peakRssMb(SIZES[0], setting), await peakRssMb(SIZES[1], setting)];
    rows.push(`| ${setting} | ${small} MB | ${large} MB | ${(large / small).toFixed(2)} |`);
  }
  return rows.join('\n');
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) console.log(await run());
