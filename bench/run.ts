/**
 * Runs the benchmarks and prints Markdown for bench/RESULTS.md, headed by the machine and command.
 *   npm run bench                      default set (about 5 minutes on 2 cores)
 *   npm run bench -- --full            every bench, with the scale-20 runs (much longer)
 *   npm run bench -- --only NAME[,N2]  only these benches (file names without .ts), default or not
 */
import { cpus, totalmem } from 'node:os';
import { parseArgs } from 'node:util';

// Some drivers probe cloud metadata unless told not to; benches stay on loopback.
process.env.SNOWFLAKE_DISABLE_PLATFORM_DETECTION = 'true';
process.env.METADATA_SERVER_DETECTION = 'none';

const BENCHES = [
  'warehouse-load',
  'snowflake-load',
  'snowflake-models',
  'bigquery-models',
  'sandbox-generate',
  'client-read',
  'sync-backfill',
  'gl-backfill',
  'sandbox-pages',
  'memory-flat',
  'models-build',
  'definition-cache',
  'reverse-apply',
  'events-latency',
] as const;

/** Benches left out of the default set so it stays near 5 minutes; run with --full or by name. */
const FULL_ONLY = new Set<string>([
  'warehouse-load',
  'sync-backfill',
  'snowflake-models',
  'bigquery-models',
  'sandbox-pages',
  'events-latency',
]);

const { values } = parseArgs({ options: { full: { type: 'boolean' }, only: { type: 'string' } } });
if (values.full) process.env.BENCH_FULL = '1';
const only = values.only?.split(',');

const cpu = cpus()[0]?.model ?? 'unknown CPU';
console.log(
  `## ${new Date().toISOString().slice(0, 10)}: ${cpus().length} × ${cpu}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}`,
);
console.log(
  `\nCommand: \`npm run bench${process.argv.slice(2).length ? ` -- ${process.argv.slice(2).join(' ')}` : ''}\`\n`,
);
for (const name of BENCHES) {
  if (only ? !only.includes(name) : !values.full && FULL_ONLY.has(name)) continue;
  const mod = (await import(`./${name}.ts`)) as { run?: () => Promise<string> };
  if (typeof mod.run !== 'function') {
    console.log(`### ${name}\n\n(not runnable: no run() export)\n`);
    continue;
  }
  const started = Date.now();
  const text = await mod.run();
  console.log(`### ${name} (${((Date.now() - started) / 1000).toFixed(0)} s)\n\n${text}\n`);
}
