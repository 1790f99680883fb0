import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { silentLogger } from '../../src/core/logger.ts';
import { buildModels, planProject } from '../../src/models/build.ts';
import { runTests } from '../../src/models/data-tests.ts';
import { loadProject } from '../../src/models/project.ts';
import type { Target } from '../../src/models/render.ts';
import { DuckDBWarehouse } from '../../src/warehouse/duckdb/duckdb-warehouse.ts';

const target: Target = { type: 'duckdb', name: 'default', schema: 'analytics' };

function project(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'intacct-elt-models-'));
  const all: Record<string, string> = {
    'dbt_project.yml': [
      'name: tiny',
      'version: "1"',
      'config-version: 2',
      'vars:',
      '  threshold: 1',
      'models:',
      '  tiny:',
      '    +materialized: view',
      '    base:',
      '      +schema: base',
      '    out:',
      '      +schema: out',
      '      +materialized: table',
    ].join('\n'),
    ...files,
  };
  for (const [path, text] of Object.entries(all)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  return root;
}

let warehouse: DuckDBWarehouse;
beforeEach(async () => {
  warehouse = await DuckDBWarehouse.open({
    path: ':memory:',
    schemas: { staging: 's', raw: 'r', analytics: 'analytics' },
    logger: silentLogger,
  });
});
afterEach(async () => warehouse.close());

describe('models runner', () => {
  it('orders models by ref, builds each layer into its schema, and applies folder and in-file config', async () => {
    const root = project({
      'models/out/b.sql': "select n * 2 as n from {{ ref('a') }}",
      'models/base/a.sql':
        "{{ config(materialized='table') }}\nselect 1 as n union all select {{ var('threshold') }} + 1",
      'models/out/c.sql': "{{ config(materialized='view') }}\nselect sum(n) as total from {{ ref('b') }}",
    });
    const report = await buildModels({
      project: loadProject(root),
      target,
      runner: warehouse,
      logger: silentLogger,
    });
    expect(report.models.map((m) => [m.name, m.status, m.materialized, m.relation])).toEqual([
      ['a', 'success', 'table', '"analytics_base"."a"'],
      ['b', 'success', 'table', '"analytics_out"."b"'],
      ['c', 'success', 'view', '"analytics_out"."c"'],
    ]);
    const rows = await warehouse.query<{ total: unknown }>('select total from analytics_out.c');
    expect(String(rows[0]?.total)).toBe('6');
    const kinds = await warehouse.query<{ table_name: string; table_type: string }>(
      "select table_name, table_type from information_schema.tables where table_schema like 'analytics_%' order by 1",
    );
    expect(kinds.map((k) => `${k.table_name}:${k.table_type}`)).toEqual([
      'a:BASE TABLE',
      'b:BASE TABLE',
      'c:VIEW',
    ]);
  });

  it('refuses a cycle and names it', () => {
    const root = project({
      'models/base/a.sql': "select * from {{ ref('c') }}",
      'models/base/b.sql': "select * from {{ ref('a') }}",
      'models/base/c.sql': "select * from {{ ref('b') }}",
    });
    expect(() => planProject(loadProject(root), target)).toThrow(/cycle: a → c → b → a/);
  });

  it('a failed model stops only the models that depend on it', async () => {
    const root = project({
      'models/base/bad.sql': 'select no_such_column from (select 1 as n) as t',
      'models/base/good.sql': 'select 1 as n',
      'models/out/after_bad.sql': "select * from {{ ref('bad') }}",
      'models/out/after_after.sql': "select * from {{ ref('after_bad') }}",
      'models/out/after_good.sql': "select * from {{ ref('good') }}",
    });
    const report = await buildModels({
      project: loadProject(root),
      target,
      runner: warehouse,
      logger: silentLogger,
    });
    const status = Object.fromEntries(report.models.map((m) => [m.name, m.status]));
    expect(status).toEqual({
      bad: 'error',
      good: 'success',
      after_bad: 'skipped',
      after_after: 'skipped',
      after_good: 'success',
    });
    expect(report.ok).toBe(false);
    const bad = report.models.find((m) => m.name === 'bad');
    expect(bad?.message).toMatch(/models\/base\/bad\.sql: .*no_such_column/);
    expect(report.models.find((m) => m.name === 'after_after')?.message).toBe(
      'skipped: depends on after_bad (which depends on bad), which failed',
    );
  });

  it('incremental models merge on unique_key and only read new rows', async () => {
    await warehouse.query('create schema if not exists r');
    await warehouse.query(
      "create table r.src as select * from (values (1, 'a', 1), (2, 'b', 1)) as t(id, v, batch)",
    );
    const root = project({
      'models/out/inc.sql': [
        "{{ config(materialized='incremental', unique_key='id') }}",
        'select id, v, batch from r.src',
        '{% if is_incremental() %}where batch > (select max(batch) from {{ this }}){% endif %}',
      ].join('\n'),
    });
    const build = () =>
      buildModels({ project: loadProject(root), target, runner: warehouse, logger: silentLogger });
    await build();
    await warehouse.query("insert into r.src values (2, 'b2', 2), (3, 'c', 2)");
    await warehouse.query("update r.src set v = 'ignored' where id = 1");
    const report = await build();
    expect(report.ok).toBe(true);
    expect(report.models[0]?.sql).toContain('where batch > (select max(batch) from "analytics_out"."inc")');
    const rows = await warehouse.query<{ id: unknown; v: string }>(
      'select id, v from analytics_out.inc order by id',
    );
    expect(rows.map((r) => `${r.id}:${r.v}`)).toEqual(['1:a', '2:b2', '3:c']);
  });

  it('--select picks models with their parents or children', async () => {
    const root = project({
      'models/base/a.sql': 'select 1 as n',
      'models/base/b.sql': "select * from {{ ref('a') }}",
      'models/out/c.sql': "select * from {{ ref('b') }}",
    });
    const names = async (select: string[]) =>
      (
        await buildModels({
          project: loadProject(root),
          target,
          runner: warehouse,
          logger: silentLogger,
          select,
        })
      ).models.map((m) => m.name);
    expect(await names(['b'])).toEqual(['b']);
    expect(await names(['+b'])).toEqual(['a', 'b']);
    expect(await names(['b+'])).toEqual(['b', 'c']);
    expect(await names(['out'])).toEqual(['c']);
    await expect(names(['nope'])).rejects.toThrow(/--select nope matches no model/);
  });

  it('a failing YAML test names the model and the test and shows at most 10 offending rows', async () => {
    const root = project({
      'models/base/dupes.sql': 'select (i % 2) as k, i from range(30) as t(i)',
      'models/base/schema.yml': [
        'version: 2',
        'models:',
        '  - name: dupes',
        '    columns:',
        '      - name: k',
        '        data_tests: [unique, not_null]',
        '      - name: i',
        '        data_tests:',
        '          - accepted_values:',
        '              values: [0, 1]',
        '              quote: false',
      ].join('\n'),
    });
    const loaded = loadProject(root);
    await buildModels({ project: loaded, target, runner: warehouse, logger: silentLogger });
    const report = await runTests({ plan: planProject(loaded, target), runner: warehouse });
    const byName = Object.fromEntries(report.tests.map((t) => [t.name, t]));
    expect(byName.unique_dupes_k?.status).toBe('fail');
    expect(byName.unique_dupes_k?.message).toMatch(
      /^test unique_dupes_k failed on dupes\.k: 2 offending rows/,
    );
    expect(byName.not_null_dupes_k?.status).toBe('pass');
    expect(byName.accepted_values_dupes_i?.failures).toBe(28);
    expect(byName.accepted_values_dupes_i?.rows).toHaveLength(10);
    expect(byName.accepted_values_dupes_i?.message).toContain('(first 10 shown)');
    expect(report.ok).toBe(false);
  });

  it('a missing var without default is a clear error', () => {
    const root = project({ 'models/base/a.sql': "select {{ var('nope') }} as n" });
    expect(() => planProject(loadProject(root), target)).toThrow(/Required var 'nope' not found/);
  });
});

describe('models runner guards', () => {
  it('refuses to render a secret from the environment into SQL', () => {
    const root = project({ 'models/base/a.sql': "select '{{ env_var('INTACCT_USER_PASSWORD') }}' as p" });
    expect(() => planProject(loadProject(root), target)).toThrow(/looks like a secret/);
  });
});
