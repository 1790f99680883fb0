import { CONFIG_OPTIONS, defineCommand } from '../command.ts';
import { objectsOption, runJobCommand } from '../job.ts';

export const syncCommand = defineCommand({
  name: 'sync',
  summary: 'Incremental sync of every selected object into the warehouse',
  description:
    'Reads each selected object for each entity from its stored watermark (minus the lookback) up to the\n' +
    'run start, stages it, merges it into the raw tables, advances the watermarks, and captures deletes\n' +
    'from AUDITHISTORY. Objects without state are read whole. Prints a run report and stores it with the load.',
  options: {
    ...CONFIG_OPTIONS,
    objects: {
      type: 'string',
      placeholder: 'A,B',
      description: 'Only these objects (e.g. GLDETAIL,GLACCOUNT)',
    },
    reconcile: { type: 'boolean', description: 'Also reconcile keys to find deletes the audit trail missed' },
  },
  run: (ctx) =>
    runJobCommand(ctx, {
      command: 'sync',
      objects: objectsOption(ctx.values.objects),
      ...(ctx.values.reconcile ? { reconcile: true } : {}),
    }),
});
