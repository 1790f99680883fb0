import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { planProject } from '../../src/models/build.ts';
import { compileTests } from '../../src/models/data-tests.ts';
import { compileIncrementalMerge, compileSeed } from '../../src/models/materialize.ts';
import { loadProject } from '../../src/models/project.ts';
import { Relation } from '../../src/models/render.ts';
import { CAPABILITIES, WAREHOUSE_TYPES } from '../../src/warehouse/warehouse.ts';

/**
 * The same model files rendered for DuckDB, Snowflake and BigQuery: one golden SQL file per model
 * and dialect (and one per dialect with every data test). UPDATE_GOLDEN=1 rewrites them.
 */
const DIR = join(import.meta.dirname, 'models');
const project = loadProject(join(import.meta.dirname, '..', '..', 'models'));

function golden(file: string, text: string): void {
  if (process.env.UPDATE_GOLDEN === '1') {
    mkdirSync(join(file, '..'), { recursive: true });
    writeFileSync(file, text);
  }
  expect(existsSync(file), `missing golden file ${file}; run with UPDATE_GOLDEN=1`).toBe(true);
  expect(text, file).toBe(readFileSync(file, 'utf8'));
}

describe.each(WAREHOUSE_TYPES)('models rendered for %s', (type) => {
  const plan = planProject(project, { type, name: 'default', schema: 'analytics' }, {
    intacct_raw_schema: 'intacct_raw',
    aging_as_of_date: '2026-06-30',
  });

  it('renders every model to its golden SQL', () => {
    for (const p of plan.parsed) {
      golden(join(DIR, type, `${p.node.name}.sql`), `${plan.renderer.render(p.node)}\n`);
    }
  });

  it('renders every data test to its golden SQL', () => {
    const tests = compileTests(plan)
      .map((t) => `-- ${t.name}\n${t.sql}\n`)
      .join('\n');
    golden(join(DIR, type, '_tests.sql'), tests);
  });

  it('compiles the seeds and the incremental MERGE to their golden SQL (seed columns and merge keys as unquoted names resolve)', () => {
    const adapter = plan.renderer.adapter;
    const seeds = project.seeds
      .map((seed) => {
        const sql = compileSeed(adapter, plan.renderer.seedRelation(seed.name), seed.header, seed.rows);
        return `-- ${seed.name}\n${sql}\n`;
      })
      .join('\n');
    golden(join(DIR, type, '_seeds.sql'), seeds);
    // Columns as the warehouse's information_schema reports them for the scratch table.
    const fold = CAPABILITIES[type].unquotedCase === 'upper' ? (c: string) => c.toUpperCase() : (c: string) => c;
    const target = plan.renderer.relationOf('fct_gl_entry');
    const scratch = new Relation(target.schema, `${target.identifier}__dbt_tmp`, adapter.quoteChar);
    const merge = compileIncrementalMerge(
      adapter,
      target,
      scratch,
      ['gl_entry_key', 'amount', 'loaded_at'].map(fold),
      ['gl_entry_key'],
    );
    golden(join(DIR, type, '_incremental-merge.sql'), `${merge}\n`);
  });

  it('stays inside what every dialect parses: its own quotes, no bare UNION, no :: casts outside DuckDB', () => {
    for (const p of plan.parsed) {
      const sql = plan.renderer.render(p.node).replace(/--.*$/gm, '');
      expect(sql, p.node.name).not.toMatch(/\bunion\s+(?!all\b)/i);
      if (type === 'bigquery') expect(sql, p.node.name).not.toContain('"');
      else expect(sql, p.node.name).not.toContain('`');
      if (type !== 'duckdb') expect(sql, p.node.name).not.toContain('::');
    }
  });

  it('uses the dialect of the warehouse where dialects differ', () => {
    const dimDate = plan.renderer.render(plan.parsed.find((p) => p.node.name === 'dim_date')!.node);
    const quote = type === 'bigquery' ? '`' : '"';
    expect(dimDate).toContain(`${quote}analytics_marts${quote}.${quote}dim_fiscal_period${quote}`);
    if (type === 'duckdb') expect(dimDate).toContain('date_add(bounds.first_day, interval (numbers.n) day)');
    if (type === 'snowflake') expect(dimDate).toContain('dateadd(day, numbers.n, bounds.first_day)');
    if (type === 'bigquery') expect(dimDate).toContain('datetime_add(cast(bounds.first_day as datetime), interval numbers.n day)');
  });
});
