import { resolve } from 'node:path';
import { EXIT } from '../../core/errors.ts';
import { Progress } from '../../core/progress.ts';
import { formatReport } from '../../extract/report.ts';
import { runJob } from '../../extract/sync.ts';
import {
  formatModelResult,
  formatTestResult,
  resolveProjectDir,
  runModelsStep,
} from '../../models/run-models.ts';
import { defaultPublishTargets } from '../../models/publish.ts';
import { openWarehouse } from '../../warehouse/open-warehouse.ts';
import { CONFIG_OPTIONS, defineCommand } from '../command.ts';
import { clientFor, readConfig } from '../job.ts';
import { PROJECT_OPTION } from './models.ts';

export const runCommand = defineCommand({
  name: 'run',
  summary: 'Sync, then build the models, then test them: the one command a schedule calls',
  description:
    "Runs an incremental sync, builds every model, reads Intacct's own trial balance per entity and period,\n" +
    'and runs every data test. Exit 0 when all of it succeeded, 1 when the sync or a model failed outright,\n' +
    '3 when some objects failed to sync or a data test failed (the numbers do not tie).',
  options: { ...CONFIG_OPTIONS, ...PROJECT_OPTION },
  async run(ctx) {
    const { config } = readConfig(ctx);
    const warehouse = await openWarehouse(config.warehouse, config.schemas, ctx.logger, { cwd: ctx.cwd });
    const client = clientFor(config, ctx.logger);
    const progress = new Progress({ stream: ctx.stderr, logger: ctx.logger });
    const json = Boolean(ctx.values.json);
    const say = (line: string) => {
      if (!json) ctx.stdout.write(`${line}\n`);
    };
    try {
      await warehouse.migrate();
      const sync = await runJob({
        command: 'sync',
        config,
        client,
        warehouse,
        logger: ctx.logger,
        progress,
        signal: ctx.signal,
      });
      progress.done();
      say(formatReport(sync));
      const models = await runModelsStep({
        config,
        runner: warehouse,
        logger: ctx.logger,
        projectDir: resolveProjectDir(ctx.cwd, ctx.values.project as string | undefined),
        trialBalanceReader: client,
        ...(config.warehouse.type === 'duckdb' && config.warehouse.path !== ':memory:'
          ? { publish: defaultPublishTargets(resolve(ctx.cwd, config.warehouse.path)) }
          : {}),
        onModel: (r) => say(formatModelResult(r)),
        onTest: (r) => say(formatTestResult(r)),
      });
      if (json) ctx.stdout.write(`${JSON.stringify({ sync, models: { ...models, plan: undefined } })}\n`);
      if (models.build && !models.build.ok) return EXIT.failure;
      return sync.status === 'succeeded' && models.ok ? EXIT.ok : EXIT.partial;
    } finally {
      progress.done();
      await client.close();
      await warehouse.close();
    }
  },
});
