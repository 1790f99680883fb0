import { loadConfig } from '../../config/load.ts';
import { EXIT } from '../../core/errors.ts';
import { openWarehouse } from '../../warehouse/open-warehouse.ts';
import { CONFIG_OPTIONS, defineCommand } from '../command.ts';

export const migrateCommand = defineCommand({
  name: 'migrate',
  summary: 'Create the warehouse schemas and bring the control tables up to date',
  description:
    'Creates the staging, raw and analytics schemas if missing and applies pending control-table\n' +
    'migrations (state, loads, lease, reverse-ETL ledger). Safe to run repeatedly.',
  options: CONFIG_OPTIONS,
  async run(ctx) {
    const { config } = loadConfig({
      argvConfigPath: ctx.values.config as string | undefined,
      env: ctx.env,
      cwd: ctx.cwd,
    });
    const warehouse = await openWarehouse(config.warehouse, config.schemas, ctx.logger, { cwd: ctx.cwd });
    try {
      const result = await warehouse.migrate();
      if (ctx.values.json) {
        ctx.stdout.write(
          `${JSON.stringify({ warehouse: config.warehouse.type, applied: result.applied })}\n`,
        );
      } else if (result.applied.length === 0) {
        ctx.stdout.write(
          `Control tables are up to date (${config.warehouse.type}, schema ${config.schemas.raw}).\n`,
        );
      } else {
        ctx.stdout.write(`Applied ${result.applied.length} migration(s): ${result.applied.join(', ')}\n`);
      }
      return EXIT.ok;
    } finally {
      await warehouse.close();
    }
  },
});
