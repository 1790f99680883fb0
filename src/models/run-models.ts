/**
 * The models step of a job: build, snapshot Intacct's trial balance (when a client is given), test,
 * and publish the marts for BI tools. The CLI commands and the demo call this; it prints nothing.
 */
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { JobConfig } from '../config/schema.ts';
import { ClassifiedError } from '../core/errors.ts';
import type { Logger } from '../core/logger.ts';
import {
  type BuildReport,
  type ModelResult,
  type ProjectPlan,
  buildModels,
  lowerCaseKeys,
  planProject,
  type SqlRunner,
} from './build.ts';
import { type TestReport, type TestResult, runTests } from './data-tests.ts';
import {
  compileCreateTrialBalanceTable,
  snapshotTrialBalance,
  type TrialBalanceReader,
} from './intacct-trial-balance.ts';
import { loadProject } from './project.ts';
import { type PublishReport, type PublishTargets, publishMarts } from './publish.ts';
import type { Target } from './render.ts';

/**
 * The project shipped with the package (`models/` at the package root). Found by walking up, since
 * this file runs from `src/models/` under tsx and from `dist/src/models/` when compiled.
 */
const BUNDLED_PROJECT = (() => {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const candidate = join(dir, 'models');
    if (existsSync(join(candidate, 'dbt_project.yml'))) return candidate;
    const parent = dirname(dir);
    if (parent === dir) return candidate;
    dir = parent;
  }
})();

/** `--project`, else ./models when it holds a dbt project, else the bundled one. */
export function resolveProjectDir(cwd: string, option?: string): string {
  if (option) return resolve(cwd, option);
  const local = join(cwd, 'models');
  return existsSync(join(local, 'dbt_project.yml')) ? local : BUNDLED_PROJECT;
}

export function targetFor(config: JobConfig): Target {
  return { type: config.warehouse.type, name: 'default', schema: config.schemas.analytics };
}

/** Vars the job config sets for the project (the raw schema the sources read). */
export function jobVars(config: JobConfig, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return { intacct_raw_schema: config.schemas.raw, ...extra };
}

export interface ModelsStepOptions {
  readonly config: JobConfig;
  readonly runner: SqlRunner;
  readonly logger: Logger;
  readonly projectDir: string;
  readonly select?: readonly string[];
  readonly fullRefresh?: boolean;
  readonly vars?: Record<string, unknown>;
  /** Reads get_trialbalance; without it the stored copy is left as it is (tie-out tests use it). */
  readonly trialBalanceReader?: TrialBalanceReader;
  readonly build?: boolean;
  /** Publish the marts for BI tools after a build where every model succeeded (DuckDB only). */
  readonly publish?: PublishTargets;
  readonly test?: boolean;
  readonly onModel?: (r: ModelResult) => void;
  readonly onTest?: (r: TestResult) => void;
}

export interface ModelsStepReport {
  readonly build?: BuildReport;
  readonly tests?: TestReport;
  readonly trialBalanceRows?: number;
  readonly published?: PublishReport;
  /** The plan the step ran (for callers that query the marts afterwards). */
  readonly plan: ProjectPlan;
  readonly ok: boolean;
}

export async function runModelsStep(options: ModelsStepOptions): Promise<ModelsStepReport> {
  const project = loadProject(options.projectDir);
  const target = targetFor(options.config);
  const vars = jobVars(options.config, options.vars);
  const plan = planProject(project, target, vars);
  const adapter = plan.renderer.adapter;
  const raw = options.config.schemas.raw;
  const runner = lowerCaseKeys(options.runner, adapter.type);
  // The stored copy of Intacct's trial balance is a source; it exists (maybe empty) before any build.
  await runner.query(compileCreateTrialBalanceTable(adapter, raw, false));

  let build: BuildReport | undefined;
  if (options.build !== false) {
    build = await buildModels({
      project,
      target,
      runner,
      logger: options.logger,
      vars,
      ...(options.select ? { select: options.select } : {}),
      ...(options.fullRefresh ? { fullRefresh: true } : {}),
      ...(options.onModel ? { onModel: options.onModel } : {}),
    });
  }
  let published: PublishReport | undefined;
  if (build?.ok && options.publish && options.config.warehouse.type === 'duckdb') {
    published = await publishMarts(runner, plan.renderer.schemaFor({ schema: 'marts' }), options.publish);
  }
  let trialBalanceRows: number | undefined;
  if (options.trialBalanceReader && options.test !== false) {
    const fiscal = plan.renderer.relationOf('dim_fiscal_period');
    const entity = plan.renderer.relationOf('dim_entity');
    const periods = await runner.query<{ start_date: unknown; end_date: unknown }>(
      `select cast(period_start_date as ${adapter.crossDb.type_string()}) as start_date, cast(period_end_date as ${adapter.crossDb.type_string()}) as end_date from ${fiscal} order by 1`,
    );
    const entities = await runner.query<{ entity_id: string }>(`select entity_id from ${entity} order by 1`);
    if (periods.length === 0) {
      throw new ClassifiedError('dim_fiscal_period is empty: no reporting periods to tie out', {
        kind: 'terminal',
        level: 'local',
        fix: 'Sync REPORTINGPERIOD and build the models before testing',
      });
    }
    trialBalanceRows = await snapshotTrialBalance({
      reader: options.trialBalanceReader,
      runner,
      adapter,
      schema: raw,
      entities: entities.map((e) => e.entity_id),
      periods: periods.map((p) => ({ startDate: String(p.start_date), endDate: String(p.end_date) })),
    });
  }
  let tests: TestReport | undefined;
  if (options.test !== false) {
    const unbuilt = new Set((build?.models ?? []).filter((m) => m.status !== 'success').map((m) => m.name));
    tests = await runTests({
      plan,
      runner,
      unbuilt,
      // Without a fresh read of Intacct the stored trial balance may be stale: leave that tie-out out.
      ...(options.trialBalanceReader ? {} : { excludeTags: ['intacct_api'] }),
      ...(options.onTest ? { onTest: options.onTest } : {}),
    });
  }
  return {
    ...(build ? { build } : {}),
    ...(tests ? { tests } : {}),
    ...(trialBalanceRows !== undefined ? { trialBalanceRows } : {}),
    ...(published ? { published } : {}),
    plan,
    ok: (build?.ok ?? true) && (tests?.ok ?? true),
  };
}

export function formatModelResult(r: ModelResult): string {
  const status = r.status === 'success' ? 'OK  ' : r.status === 'error' ? 'ERR ' : 'SKIP';
  const line = `${status} ${r.materialized.padEnd(11)} ${r.relation.replace(/["`]/g, '').padEnd(52)} ${String(r.ms).padStart(6)} ms`;
  return r.message ? `${line}\n     ${r.message.replace(/\n/g, '\n     ')}` : line;
}

export function formatTestResult(r: TestResult): string {
  const status = { pass: 'PASS', fail: 'FAIL', warn: 'WARN', error: 'ERR ', skipped: 'SKIP' }[r.status];
  const line = `${status} ${r.name}`;
  return r.status === 'pass' ? line : `${line}\n     ${r.message.replace(/\n/g, '\n     ')}`;
}
