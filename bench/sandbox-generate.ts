/**
 * Time and memory to generate the sandbox company. Each scale runs in its own Node process so peak
 * RSS is that scale's alone. Scales: 1, and 20 with --full (override with SANDBOX_BENCH_SCALES=0.1,1).
 *   npx tsx bench/sandbox-generate.ts           prints the Markdown table
 *   node --import tsx --expose-gc bench/sandbox-generate.ts --child 20   one measurement as JSON
 */
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

interface Measurement {
  readonly scale: number;
  readonly seconds: number;
  readonly peakRssMiB: number;
  readonly heapAfterGcMiB: number;
  readonly glDetail: number;
  readonly records: number;
}

async function measure(scale: number): Promise<Measurement> {
  const { generateCompany } = await import('../src/sandbox/generator.ts');
  const started = performance.now();
  const store = generateCompany({ seed: 1, scale });
  const seconds = (performance.now() - started) / 1000;
  const gc = (globalThis as { gc?: () => void }).gc;
  gc?.();
  const sizes = store.tableSizes();
  return {
    scale,
    seconds: Math.round(seconds * 10) / 10,
    peakRssMiB: Math.round(process.resourceUsage().maxRSS / 1024),
    heapAfterGcMiB: Math.round(process.memoryUsage().heapUsed / 2 ** 20),
    glDetail: sizes.GLDETAIL ?? 0,
    records: Object.values(sizes).reduce((a, b) => a + b, 0),
  };
}

export async function run(): Promise<string> {
  const scales = (process.env.SANDBOX_BENCH_SCALES ?? (process.env.BENCH_FULL ? '1,20' : '1'))
    .split(',')
    .map(Number);
  const self = fileURLToPath(import.meta.url);
  const rows: string[] = [
    '| scale | GLDETAIL lines | records (all objects) | seconds | peak RSS MiB | heap after GC MiB |',
    '|---:|---:|---:|---:|---:|---:|',
  ];
  for (const scale of scales) {
    const out = execFileSync(
      process.execPath,
      [
        '--import',
        import.meta.resolve('tsx'),
        '--expose-gc',
        '--max-old-space-size=8192',
        self,
        '--child',
        String(scale),
      ],
      { encoding: 'utf8', maxBuffer: 1 << 20 },
    );
    const m = JSON.parse(out.trim().split('\n').at(-1) ?? '{}') as Measurement;
    rows.push(
      `| ${m.scale} | ${m.glDetail.toLocaleString('en-US')} | ${m.records.toLocaleString('en-US')} | ${m.seconds} | ${m.peakRssMiB} | ${m.heapAfterGcMiB} |`,
    );
  }
  rows.push('', 'Seed 1; each scale in a fresh process (`generateCompany` only, no server).');
  return rows.join('\n');
}

const childAt = process.argv.indexOf('--child');
if (childAt >= 0) {
  const m = await measure(Number(process.argv[childAt + 1]));
  console.log(JSON.stringify(m));
} else if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  console.log(await run());
}
