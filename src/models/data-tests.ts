/**
 * `models test`: the YAML tests (dbt's built-ins and the project's generic tests) and the singular
 * tests in tests/. Each test is a SELECT of the offending rows; it passes when there are none. A
 * failure names the model, the test, how many rows offend, and shows up to 10 of them.
 */
import { errorMessage } from '../core/errors.ts';
import { lowerCaseKeys, type SqlRunner } from './build.ts';
import type { ProjectPlan } from './build.ts';
import type { TestSpec } from './project.ts';

export const SHOWN_ROWS = 10;

export type TestStatus = 'pass' | 'fail' | 'warn' | 'error' | 'skipped';

export interface CompiledTest {
  /** dbt-style name: `<test>_<model>[_<column>]`. */
  readonly name: string;
  readonly test: string;
  /** The model (or source) tested; singular tests name the models they ref(). */
  readonly model: string;
  readonly column?: string;
  readonly severity: 'error' | 'warn';
  readonly tags: readonly string[];
  readonly sql: string;
  /** Models the test reads (to skip it when one of them failed to build). */
  readonly dependsOn: readonly string[];
}

export interface TestResult {
  readonly name: string;
  readonly test: string;
  readonly model: string;
  readonly column?: string;
  readonly status: TestStatus;
  readonly failures: number;
  readonly rows: readonly Record<string, string | null>[];
  readonly message: string;
  readonly sql: string;
}

export interface TestReport {
  readonly tests: readonly TestResult[];
  readonly ok: boolean;
  readonly ms: number;
}

/** Test argument strings holding `ref(...)` or `source(...)` are rendered, as dbt does. */
function renderArgs(
  plan: ProjectPlan,
  args: Readonly<Record<string, unknown>>,
  where: string,
): { args: Record<string, unknown>; refs: string[] } {
  const out: Record<string, unknown> = {};
  const refs: string[] = [];
  for (const [k, v] of Object.entries(args)) {
    if (typeof v === 'string' && /^\s*(ref|source)\s*\(/.test(v)) {
      const ref = /^\s*ref\s*\(\s*['"]([^'"]+)['"]/.exec(v)?.[1];
      if (ref) refs.push(ref);
      out[k] = plan.renderer.renderString(`{{ ${v} }}`, where).trim();
    } else out[k] = v;
  }
  return { args: out, refs };
}

/** Every test of the project as SQL, in model order. Pure: nothing runs. */
export function compileTests(plan: ProjectPlan): CompiledTest[] {
  const out: CompiledTest[] = [];
  const names = new Map<string, number>();
  const unique = (name: string) => {
    const n = (names.get(name) ?? 0) + 1;
    names.set(name, n);
    return n === 1 ? name : `${name}_${n}`;
  };
  for (const p of plan.parsed) {
    const specs: TestSpec[] = [...p.node.columns.flatMap((c) => c.tests), ...p.node.tests];
    for (const spec of specs) {
      const where = `${p.node.path.replace(/\.sql$/, '.yml')} (${p.node.name}${spec.column ? `.${spec.column}` : ''} ${spec.name})`;
      const { args, refs } = renderArgs(plan, spec.args, where);
      const sql = plan.renderer.renderTest(
        spec.name,
        {
          model: plan.renderer.relationOf(p.node.name),
          ...(spec.column ? { column_name: spec.column } : {}),
          ...args,
        },
        where,
      );
      out.push({
        name: unique(`${spec.name}_${p.node.name}${spec.column ? `_${spec.column}` : ''}`),
        test: spec.name,
        model: p.node.name,
        ...(spec.column ? { column: spec.column } : {}),
        severity: spec.severity,
        tags: [...spec.tags, ...(p.config.tags ?? [])],
        sql,
        dependsOn: [p.node.name, ...refs],
      });
    }
  }
  for (const t of plan.renderer.project.singularTests) {
    const refs: string[] = [];
    const sql = plan.renderer
      .renderTemplate(t.sql, t.path, {
        ref: (name: string) => {
          refs.push(name);
          return plan.renderer.relationOf(name);
        },
      })
      .trim();
    out.push({
      name: unique(t.name),
      test: t.name,
      model: refs[0] ?? '(singular)',
      severity: 'error',
      tags: t.tags,
      sql,
      dependsOn: refs,
    });
  }
  return out;
}

function stringify(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) return value.toISOString();
  if (typeof value === 'object')
    return JSON.stringify(value, (_k, v) => (typeof v === 'bigint' ? String(v) : v));
  return String(value);
}

/** The SQL of a test without a trailing semicolon, wrapped so it can be counted and sampled. */
const body = (sql: string) => sql.replace(/;\s*$/, '');

export interface RunTestsOptions {
  readonly plan: ProjectPlan;
  readonly runner: SqlRunner;
  /** Models that failed or were skipped in this run's build: their tests are skipped. */
  readonly unbuilt?: ReadonlySet<string>;
  /** Only tests of these models (after --select); all when left out. */
  readonly models?: ReadonlySet<string>;
  /** Leave out tests carrying any of these tags. */
  readonly excludeTags?: readonly string[];
  readonly onTest?: (result: TestResult) => void;
}

export async function runTests(options: RunTestsOptions): Promise<TestReport> {
  const started = Date.now();
  const results: TestResult[] = [];
  const exclude = new Set(options.excludeTags ?? []);
  const runner = lowerCaseKeys(options.runner, options.plan.renderer.adapter.type);
  for (const t of compileTests(options.plan)) {
    if (options.models && !t.dependsOn.some((m) => options.models?.has(m))) continue;
    if (t.tags.some((tag) => exclude.has(tag))) continue;
    const base = {
      name: t.name,
      test: t.test,
      model: t.model,
      ...(t.column ? { column: t.column } : {}),
      sql: t.sql,
    };
    const unbuilt = t.dependsOn.find((m) => options.unbuilt?.has(m));
    let result: TestResult;
    if (unbuilt !== undefined) {
      result = {
        ...base,
        status: 'skipped',
        failures: 0,
        rows: [],
        message: `skipped: ${unbuilt} was not built`,
      };
    } else {
      try {
        const [count] = await runner.query<{ failures: unknown }>(
          `select count(*) as failures from (\n${body(t.sql)}\n) as dbt_test`,
        );
        const failures = Number(count?.failures ?? 0);
        const sample =
          failures === 0
            ? []
            : (
                await runner.query<Record<string, unknown>>(
                  `select * from (\n${body(t.sql)}\n) as dbt_test limit ${SHOWN_ROWS}`,
                )
              ).map((r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, stringify(v)])));
        const status: TestStatus = failures === 0 ? 'pass' : t.severity === 'warn' ? 'warn' : 'fail';
        result = {
          ...base,
          status,
          failures,
          rows: sample,
          message: failures === 0 ? 'pass' : describeFailure(t, failures, sample),
        };
      } catch (error) {
        result = {
          ...base,
          status: 'error',
          failures: 0,
          rows: [],
          message: `test ${t.name} on ${t.model} could not run: ${errorMessage(error)}`,
        };
      }
    }
    results.push(result);
    options.onTest?.(result);
  }
  return {
    tests: results,
    ok: results.every((r) => r.status === 'pass' || r.status === 'warn' || r.status === 'skipped'),
    ms: Date.now() - started,
  };
}

export function describeFailure(
  t: Pick<CompiledTest, 'name' | 'model' | 'column'>,
  failures: number,
  rows: readonly Record<string, string | null>[],
): string {
  const what = `${t.model}${t.column ? `.${t.column}` : ''}`;
  const lines = [
    `test ${t.name} failed on ${what}: ${failures} offending row${failures === 1 ? '' : 's'}${failures > rows.length ? ` (first ${rows.length} shown)` : ''}`,
    ...rows.map(
      (r) =>
        `  ${Object.entries(r)
          .map(([k, v]) => `${k}=${v ?? 'null'}`)
          .join(', ')}`,
    ),
  ];
  return lines.join('\n');
}
