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
import { Alerter, dataTestFailureAlert, runFailureAlert } from '../../ops/alerts.ts';
import { clientFor, jsonOutput, objectsOption, readConfig } from '../job.ts';
import { PROJECT_OPTION } from './models.ts';

export const runCommand = defineCommand({
  name: 'run',
  summary: 'Sync, then build the models, then test them: the one command a schedule calls',
  description:
    "Runs an incremental sync, builds every model, reads Intacct's own trial balance per entity and period,\n" +
    'and runs every data test. Exit 0 when all of it succeeded, 1 when the sync or a model failed outright,\n' +
    '3 when some objects failed to sync or a data test failed (the numbers do not tie).',
  options: {
    ...CONFIG_OPTIONS,
    ...PROJECT_OPTION,
    objects: {
      type: 'string',
      placeholder: 'A,B',
      description: 'Only sync these objects (schedules use it)',
    },
  },
  async run(ctx) {
    const { config } = readConfig(ctx);
    ctx.shutdown?.setGraceSeconds(config.ops.shutdownGraceSeconds);
    const alerter = new Alerter({ config: config.alerts, logger: ctx.logger });
    const objects = objectsOption(ctx.values.objects);
    const warehouse = await openWarehouse(config.warehouse, config.schemas, ctx.logger, { cwd: ctx.cwd });
    const client = clientFor(config, ctx.logger);
    const progress = new Progress({ stream: ctx.stderr, logger: ctx.logger });
    const json = jsonOutput(ctx);
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
        // Graceful shutdown (see src/ops/shutdown.ts): the first signal stops taking pages.
        signal: ctx.shutdown?.abort ?? ctx.signal,
        stop: ctx.shutdown?.stop,
        ...(objects ? { objects } : {}),
      });
      if (sync.status !== 'succeeded' && !sync.interrupted) await alerter.send(runFailureAlert(sync));
      if (sync.interrupted) {
        if (json) ctx.stdout.write(`${JSON.stringify({ sync })}\n`);
        else say(formatReport(sync));
        return EXIT.interrupted;
      }
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
      const failedTests = (models.tests?.tests ?? []).filter(
        (t) => t.status === 'fail' || t.status === 'error',
      );
      if (failedTests.length > 0) {
        await alerter.send(
          dataTestFailureAlert(
            failedTests.map((t) => ({ test: t.name, model: t.model, failingRows: t.failures })),
          ),
        );
      }
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
