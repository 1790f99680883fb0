/**
 * Child process of memory-flat.ts: the backfill's memory path without the network. GLDETAIL
 * pages of 1,000 synthetic records as Intacct XML go through the record page parser, the row
 * converter, the DuckDB stage writer and the MERGE, in 4 concurrent streams of 20,000-line slices
 * (as a backfill at concurrency 4 runs them), into a fresh database file with the job's DuckDB
 * settings (or DuckDB memory_limit MEMORY_LIMIT). Prints its own peak RSS as JSON.
 * Usage: memory-flat-child.ts LINES [MEMORY_LIMIT]
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { silentLogger } from '../src/core/logger.ts';
import { compilePageConverter } from '../src/extract/typing.ts';
import { glDetail } from '../src/intacct/objects/gl-detail.ts';
import { parseRecordPage } from '../src/intacct/record-stream.ts';
import { DuckDBWarehouse } from '../src/warehouse/duckdb/duckdb-warehouse.ts';
import { dataColumns, tableSpecFromDescriptor } from '../src/warehouse/table-spec.ts';

const LINES = Number(process.argv[2]);
const STREAMS = 4;
const SLICE = 20_000;
const PAGE = 1_000;

const spec = tableSpecFromDescriptor(glDetail);
const columns = dataColumns(spec);

function value(type: string, n: number): string {
  switch (type) {
    case 'integer':
      return String(n);
    case 'decimal':
      return `${(n * 7919) % 1_000_000}.${String(n % 100).padStart(2, '0')}`;
    case 'date':
      return `${String((n % 12) + 1).padStart(2, '0')}/${String((n % 28) + 1).padStart(2, '0')}/2026`;
    case 'timestamp':
      return `${String((n % 12) + 1).padStart(2, '0')}/${String((n % 28) + 1).padStart(2, '0')}/2026 ${String(n % 24).padStart(2, '0')}:${String(n % 60).padStart(2, '0')}:07`;
    case 'boolean':
      return n % 2 === 0 ? 'true' : 'false';
    default:
      return `Line ${n} &amp; memo`;
  }
}

/**
 * Each record's fields around its RECORDNO, for 1,000 variants: a page is then cheap to build, so
 * the process's memory and CPU are the backfill path's, not the page generator's.
 */
const VARIANTS = Array.from({ length: 1000 }, (_, k) => {
  const parts = columns.map((c) => {
    const name = c.source ?? c.name.toUpperCase();
    return name === 'RECORDNO' ? '\0' : `<${name}>${value(c.type, k)}</${name}>`;
  });
  const [before = '', after = ''] = parts.join('').split('\0');
  return { before: `<GLDETAIL>${before}<RECORDNO>`, after: `</RECORDNO>${after}</GLDETAIL>` };
});

/** One page of records as Intacct's query answers it. */
function page(first: number, count: number): string {
  const records: string[] = [];
  for (let n = first; n < first + count; n++) {
    const variant = VARIANTS[n % VARIANTS.length]!;
    records.push(variant.before + n + variant.after);
  }
  return `<?xml version="1.0" encoding="UTF-8"?><response><control><status>success</status></control><operation><authentication><status>success</status></authentication><result><status>success</status><function>query</function><controlid>q</controlid><data listtype="GLDETAIL" count="${count}" totalcount="${LINES}" numremaining="0">${records.join('')}</data></result></operation></response>`;
}

const dir = mkdtempSync(join(tmpdir(), 'intacct-elt-memory-'));
const warehouse = await DuckDBWarehouse.open({
  path: join(dir, 'w.duckdb'),
  ...(process.argv[3] ? { memoryLimit: process.argv[3] } : {}),
  schemas: { staging: 'intacct_staging', raw: 'intacct_raw', analytics: 'analytics' },
  logger: silentLogger,
});
try {
  await warehouse.migrate();
  await warehouse.ensureTable(spec, 'raw', 'evolve');
  const convert = compilePageConverter(columns, 'RECORDNO', 'America/Los_Angeles');
  const perStream = Math.ceil(LINES / STREAMS);
  await Promise.all(
    Array.from({ length: STREAMS }, async (_, s) => {
      const start = s * perStream + 1;
      const end = Math.min(LINES, (s + 1) * perStream);
      for (let slice = start; slice <= end; slice += SLICE) {
        const stage = await warehouse.openStage(spec, `load-${s}-${slice}`);
        for (let first = slice; first < Math.min(end + 1, slice + SLICE); first += PAGE) {
          const count = Math.min(PAGE, end + 1 - first, slice + SLICE - first);
          await stage.append(convert(parseRecordPage(page(first, count)).rows));
        }
        const { table } = await stage.finish();
        await warehouse.merge({ spec, stagingTable: table, loadId: 'load', entity: 'US1', uniqueKeys: true });
        await warehouse.dropStage(table);
      }
    }),
  );
  const [counted] = await warehouse.query<{ n: number }>('select count(*) as n from intacct_raw.gl_detail');
  console.log(
    JSON.stringify({ lines: counted?.n, maxRssMb: Math.round(process.resourceUsage().maxRSS / 1024) }),
  );
} finally {
  await warehouse.close();
  rmSync(dir, { recursive: true, force: true });
}
