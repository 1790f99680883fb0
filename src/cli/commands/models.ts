import { EXIT } from '../../core/errors.ts';
import {
  formatModelResult,
  formatTestResult,
  resolveProjectDir,
  runModelsStep,
} from '../../models/run-models.ts';
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
      onModel: (r) => say(formatModelResult(r)),
      onTest: (r) => say(formatTestResult(r)),
    });
    if (json) ctx.stdout.write(`${JSON.stringify(report)}\n`);
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
