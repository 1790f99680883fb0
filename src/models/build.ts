/**
 * `models build`: parse every model (pass one), order the graph, load the seeds, then render and
 * materialize the selected models in order (pass two). A model that fails stops only the models
 * that depend on it; the others still build. The compiled SQL of each model is kept in the report.
 */
import { ClassifiedError, errorMessage } from '../core/errors.ts';
import type { Logger } from '../core/logger.ts';
import { buildGraph, type ModelGraph, selectModels } from './graph.ts';
import {
  compileCreateSchema,
  compileDropIfOtherKind,
  compileDropTable,
  compileIncrementalMerge,
  compileSeed,
  compileTable,
  type SeedColumnKind,
  seedColumnKinds,
  compileView,
  type RelationKind,
} from './materialize.ts';
import type { DbtProject } from './project.ts';
import { type ParsedModel, Relation, Renderer, type Target } from './render.ts';
import { CAPABILITIES, type WarehouseType } from '../warehouse/warehouse.ts';

/** What the runner needs of a warehouse: run one statement, get rows back. */
export interface SqlRunner {
  query<T = Record<string, unknown>>(sql: string): Promise<T[]>;
  /** The warehouse's bulk path for a seed (BigQuery: one load job); without it a seed is one CTAS. */
  loadSeed?(seed: SeedTable): Promise<number>;
}

/** A seed's rows and inferred column types, for a warehouse that loads seeds in bulk. */
export interface SeedTable {
  readonly schema: string;
  readonly table: string;
  readonly columns: readonly { readonly name: string; readonly kind: SeedColumnKind }[];
  /** CSV values; '' is NULL. */
  readonly rows: readonly (readonly string[])[];
}

/**
 * The runner as the models code reads rows: keys in lower case where the warehouse folds unquoted
 * names to upper case (Snowflake answers `count(*) as failures` with a FAILURES column). Read
 * as-is, a failure count would be missing and every data test would pass.
 */
export function lowerCaseKeys(runner: SqlRunner, type: WarehouseType): SqlRunner {
  if (CAPABILITIES[type].unquotedCase !== 'upper') return runner;
  return {
    async query<T = Record<string, unknown>>(sql: string): Promise<T[]> {
      const rows = await runner.query<Record<string, unknown>>(sql);
      return rows.map(
        (r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k.toLowerCase(), v])) as T,
      );
    },
  };
}

export type ModelStatus = 'success' | 'error' | 'skipped';

export interface ModelResult {
  readonly name: string;
  readonly path: string;
  readonly status: ModelStatus;
  readonly materialized: string;
  readonly relation: string;
  readonly ms: number;
  /** What went wrong (error), or which failed model it depends on (skipped). */
  readonly message?: string;
  readonly sql?: string;
}

export interface BuildReport {
  readonly models: readonly ModelResult[];
  readonly seeds: readonly string[];
  readonly ok: boolean;
  readonly ms: number;
}

export interface ProjectPlan {
  readonly renderer: Renderer;
  readonly parsed: readonly ParsedModel[];
  readonly graph: ModelGraph;
}

/** Pass one over the whole project: configs, references, the ordered graph. */
export function planProject(
  project: DbtProject,
  target: Target,
  vars: Readonly<Record<string, unknown>> = {},
): ProjectPlan {
  const renderer = new Renderer(project, target, { vars });
  const parsed = project.models.map((m) => renderer.parse(m)).filter((p) => p.config.enabled !== false);
  for (const p of parsed) {
    const m = p.config.materialized ?? 'view';
    if (!['view', 'table', 'incremental'].includes(m)) {
      throw new ClassifiedError(`${p.node.path}: materialized='${m}' is not supported`, {
        kind: 'terminal',
        level: 'local',
        fix: 'Use view, table or incremental (models/README.md lists the supported dbt subset)',
      });
    }
  }
  const graph = buildGraph(
    parsed,
    project.seeds.map((s) => s.name),
  );
  return { renderer, parsed, graph };
}

export interface BuildOptions {
  readonly project: DbtProject;
  readonly target: Target;
  readonly runner: SqlRunner;
  readonly logger: Logger;
  readonly select?: readonly string[];
  readonly fullRefresh?: boolean;
  readonly vars?: Readonly<Record<string, unknown>>;
  readonly onModel?: (result: ModelResult) => void;
}

async function existingRelations(plan: ProjectPlan, runner: SqlRunner): Promise<Map<string, RelationKind>> {
  const schemas = new Set(plan.parsed.map((p) => plan.renderer.schemaFor(p.config)));
  const rows = await runner.query<{ table_schema: string; table_name: string; table_type?: string }>(
    plan.renderer.adapter
      .relationsQuery([...schemas])
      .replaceAll('select table_schema, table_name', 'select table_schema, table_name, table_type'),
  );
  return new Map(
    rows.map((r) => [
      `${r.table_schema}.${r.table_name}`,
      /view/i.test(String(r.table_type ?? '')) ? 'view' : 'table',
    ]),
  );
}

export async function buildModels(options: BuildOptions): Promise<BuildReport> {
  const started = Date.now();
  const plan = planProject(options.project, options.target, options.vars);
  const { renderer, parsed, graph } = plan;
  const adapter = renderer.adapter;
  const runner = lowerCaseKeys(options.runner, options.target.type);
  const selected = selectModels(options.select ?? [], parsed, graph);
  const byName = new Map(parsed.map((p) => [p.node.name, p]));
  const schemas = new Set<string>();
  const ensureSchema = async (schema: string) => {
    if (schemas.has(schema)) return;
    await runner.query(compileCreateSchema(adapter, schema));
    schemas.add(schema);
  };
  // The layer schemas exist before they are listed: BigQuery fails a query of a missing dataset's
  // INFORMATION_SCHEMA instead of returning no rows.
  for (const p of parsed) await ensureSchema(renderer.schemaFor(p.config));
  const existing = await existingRelations(plan, runner);
  renderer.setState(new Set(existing.keys()), options.fullRefresh ?? false);

  const seeds: string[] = [];
  for (const seed of options.project.seeds) {
    const relation = renderer.seedRelation(seed.name);
    await ensureSchema(relation.schema);
    if (runner.loadSeed) {
      const kinds = seedColumnKinds(seed.header, seed.rows);
      await runner.loadSeed({
        schema: relation.schema,
        table: relation.identifier,
        columns: seed.header.map((name, i) => ({ name, kind: kinds[i] ?? 'string' })),
        rows: seed.rows,
      });
    } else await runner.query(compileSeed(adapter, relation, seed.header, seed.rows));
    seeds.push(seed.name);
  }

  const results: ModelResult[] = [];
  const failed = new Map<string, string>();
  for (const name of graph.order) {
    if (!selected.has(name)) continue;
    const p = byName.get(name) as ParsedModel;
    const materialized = p.config.materialized ?? 'view';
    const relation = renderer.relationOf(name);
    const t0 = Date.now();
    const base = { name, path: p.node.path, materialized, relation: String(relation) };
    const blocker = (graph.parents.get(name) ?? []).find((parent) => failed.has(parent));
    if (blocker !== undefined) {
      const root = failed.get(blocker) as string;
      failed.set(name, root);
      const result: ModelResult = {
        ...base,
        status: 'skipped',
        ms: 0,
        message: `skipped: depends on ${blocker}${root === blocker ? '' : ` (which depends on ${root})`}, which failed`,
      };
      results.push(result);
      options.onModel?.(result);
      continue;
    }
    let sql: string | undefined;
    try {
      sql = renderer.render(p.node);
      await ensureSchema(relation.schema);
      await materialize(runner, renderer, relation, materialized, sql, p, existing);
      const result: ModelResult = { ...base, status: 'success', ms: Date.now() - t0, sql };
      results.push(result);
      options.onModel?.(result);
    } catch (error) {
      failed.set(name, name);
      const result: ModelResult = {
        ...base,
        status: 'error',
        ms: Date.now() - t0,
        message: `${p.node.path}: ${errorMessage(error)}`,
        ...(sql ? { sql } : {}),
      };
      results.push(result);
      options.logger.error('model failed', { model: name, error: result.message });
      options.onModel?.(result);
    }
  }
  return {
    models: results,
    seeds,
    ok: results.every((r) => r.status === 'success'),
    ms: Date.now() - started,
  };
}

async function materialize(
  runner: SqlRunner,
  renderer: Renderer,
  relation: Relation,
  materialized: string,
  sql: string,
  p: ParsedModel,
  existing: Map<string, RelationKind>,
): Promise<void> {
  const key = `${relation.schema}.${relation.identifier}`;
  const kind: RelationKind = materialized === 'view' ? 'view' : 'table';
  for (const drop of compileDropIfOtherKind(relation, existing.get(key), kind)) await runner.query(drop);
  if (
    materialized === 'incremental' &&
    renderer.isIncremental(p.node.name) &&
    existing.get(key) === 'table'
  ) {
    const scratch = new Relation(
      relation.schema,
      `${relation.identifier}__dbt_tmp`,
      renderer.adapter.quoteChar,
    );
    await runner.query(compileTable(scratch, sql));
    try {
      const columns = await runner.query<{ column_name: string }>(
        renderer.adapter.columnsQuery(scratch.schema, scratch.identifier),
      );
      const uniqueKey = p.config.unique_key;
      const keys =
        uniqueKey === undefined ? [] : Array.isArray(uniqueKey) ? uniqueKey : [uniqueKey as string];
      await runner.query(
        compileIncrementalMerge(
          renderer.adapter,
          relation,
          scratch,
          columns.map((c) => c.column_name),
          keys,
        ),
      );
    } finally {
      await runner.query(compileDropTable(scratch));
    }
  } else {
    await runner.query(kind === 'view' ? compileView(relation, sql) : compileTable(relation, sql));
  }
  existing.set(key, kind);
  const hooks = p.config.post_hook;
  for (const hook of hooks === undefined ? [] : Array.isArray(hooks) ? hooks : [hooks as string]) {
    const text = renderer.renderTemplate(String(hook), `${p.node.path} post_hook`, { this: relation });
    if (text.trim()) await runner.query(text);
  }
}
