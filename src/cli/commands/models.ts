import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { EXIT, UsageError } from '../../core/errors.ts';
import { planProject } from '../../models/build.ts';
import { renderHtml, renderMarkdown } from '../../models/docs.ts';
import { loadProject } from '../../models/project.ts';
import { WAREHOUSE_TYPES, type WarehouseType } from '../../warehouse/warehouse.ts';
import {
  formatModelResult,
  formatTestResult,
  resolveProjectDir,
  runModelsStep,
} from '../../models/run-models.ts';
import { defaultPublishTargets } from '../../models/publish.ts';
import { openWarehouse } from '../../warehouse/open-warehouse.ts';
import { CONFIG_OPTIONS, type CommandContext, type OptionSpec, defineCommand } from '../command.ts';
import { clientFor, readConfig } from '../job.ts';

export const PROJECT_OPTION = {
  project: {
    type: 'string',
    placeholder: 'DIR',
    description: 'dbt project folder (default: ./models if it has dbt_project.yml, else the bundled one)',
  },
} as const satisfies Record<string, OptionSpec>;

const SELECT_OPTION = {
  select: {
    type: 'string',
    short: 's',
    multiple: true,
    placeholder: 'SEL',
    description: 'Only these models: name, +name (with parents), name+ (with children), tag:x, path:dir',
  },
  'full-refresh': { type: 'boolean', description: 'Rebuild incremental models from scratch' },
} as const satisfies Record<string, OptionSpec>;

function selectValues(ctx: CommandContext): string[] {
  const v = ctx.values.select;
  return Array.isArray(v) ? v : typeof v === 'string' ? [v] : [];
}

/** Build and/or test with the job's warehouse; `tieOut` reads Intacct's trial balance first. */
export async function modelsCommand(
  ctx: CommandContext,
  steps: { build: boolean; test: boolean; tieOut: boolean },
): Promise<number> {
  const { config } = readConfig(ctx);
  const warehouse = await openWarehouse(config.warehouse, config.schemas, ctx.logger, { cwd: ctx.cwd });
  const client = steps.tieOut ? clientFor(config, ctx.logger) : undefined;
  const json = Boolean(ctx.values.json);
  const say = (line: string) => {
    if (!json) ctx.stdout.write(`${line}\n`);
  };
  try {
    await warehouse.migrate();
    const select = selectValues(ctx);
    const report = await runModelsStep({
      config,
      runner: warehouse,
      logger: ctx.logger,
      projectDir: resolveProjectDir(ctx.cwd, ctx.values.project as string | undefined),
      build: steps.build,
      test: steps.test,
      ...(select.length > 0 ? { select } : {}),
      ...(ctx.values['full-refresh'] ? { fullRefresh: true } : {}),
      ...(client ? { trialBalanceReader: client } : {}),
      ...(config.warehouse.type === 'duckdb' && config.warehouse.path !== ':memory:'
        ? { publish: defaultPublishTargets(resolve(ctx.cwd, config.warehouse.path)) }
        : {}),
      onModel: (r) => say(formatModelResult(r)),
      onTest: (r) => say(formatTestResult(r)),
    });
    if (report.published)
      say(
        `published ${report.published.tables.length} tables to ${report.published.duckdbPath} and ${report.published.parquetDir}`,
      );
    if (json) ctx.stdout.write(`${JSON.stringify({ ...report, plan: undefined })}\n`);
    else {
      const built = report.build?.models ?? [];
      const tests = report.tests?.tests ?? [];
      say(
        [
          report.build
            ? `models: ${built.filter((m) => m.status === 'success').length} built, ${built.filter((m) => m.status === 'error').length} failed, ${built.filter((m) => m.status === 'skipped').length} skipped`
            : '',
          report.tests
            ? `tests: ${tests.filter((t) => t.status === 'pass').length} passed, ${tests.filter((t) => t.status === 'fail' || t.status === 'error').length} failed, ${tests.filter((t) => t.status === 'warn').length} warned, ${tests.filter((t) => t.status === 'skipped').length} skipped`
            : '',
        ]
          .filter(Boolean)
          .join('; '),
      );
    }
    if (report.build && !report.build.ok) return EXIT.failure;
    return report.ok ? EXIT.ok : EXIT.partial;
  } finally {
    await client?.close();
    await warehouse.close();
  }
}

export const modelsBuildCommand = defineCommand({
  name: 'models build',
  summary: 'Build the dbt models (staging, dimensions, facts, marts) in the warehouse',
  description:
    'Renders the dbt project (ref, source, config, var, is_incremental, dbt.* cross-database macros), orders\n' +
    'the models by their references, loads the seeds and materializes each model (view, table, incremental)\n' +
    'into its layer schema. A failed model stops only the models that depend on it. Exit 1 when one failed.',
  options: { ...CONFIG_OPTIONS, ...PROJECT_OPTION, ...SELECT_OPTION },
  run: (ctx) => modelsCommand(ctx, { build: true, test: false, tieOut: false }),
});

export const modelsTestCommand = defineCommand({
  name: 'models test',
  summary: 'Run the data tests of the models; exit 3 when a test fails',
  description:
    'Runs the YAML tests (unique, not_null, relationships, accepted_values and the finance tests) and the\n' +
    "singular tests. With --tie-out, first reads Intacct's own trial balance (get_trialbalance) per entity and\n" +
    'period, so the warehouse trial balance is compared with it. A failure shows up to 10 offending rows.',
  options: {
    ...CONFIG_OPTIONS,
    ...PROJECT_OPTION,
    'tie-out': { type: 'boolean', description: "Read Intacct's trial balance and compare the marts with it" },
  },
  run: (ctx) => modelsCommand(ctx, { build: false, test: true, tieOut: Boolean(ctx.values['tie-out']) }),
});

export const modelsDocsCommand = defineCommand({
  name: 'models docs',
  summary: 'Write the data dictionary (Markdown) and a static HTML site with the lineage graph',
  description:
    'Reads the dbt project and its YAML (no warehouse needed) and writes <out>/data-dictionary.md for BI\n' +
    'users and <out>/index.html: every model with its columns, tests, and the lineage drawn as SVG.',
  options: {
    ...PROJECT_OPTION,
    out: { type: 'string', placeholder: 'DIR', description: 'Output folder (default: models-docs)' },
    warehouse: {
      type: 'string',
      placeholder: 'TYPE',
      description: 'Render relation names for duckdb (default), snowflake or bigquery',
    },
  },
  async run(ctx) {
    const type = (ctx.values.warehouse as string | undefined) ?? 'duckdb';
    if (!(WAREHOUSE_TYPES as readonly string[]).includes(type)) {
      throw new UsageError(`--warehouse must be one of ${WAREHOUSE_TYPES.join(', ')}`);
    }
    const project = loadProject(resolveProjectDir(ctx.cwd, ctx.values.project as string | undefined));
    const plan = planProject(project, { type: type as WarehouseType, name: 'default', schema: 'analytics' });
    const out = resolve(ctx.cwd, (ctx.values.out as string | undefined) ?? 'models-docs');
    mkdirSync(out, { recursive: true });
    writeFileSync(join(out, 'data-dictionary.md'), renderMarkdown(plan));
    writeFileSync(join(out, 'index.html'), renderHtml(plan));
    ctx.stdout.write(
      `wrote ${join(out, 'data-dictionary.md')} and ${join(out, 'index.html')} (${plan.parsed.length} models)\n`,
    );
    return EXIT.ok;
  },
});
