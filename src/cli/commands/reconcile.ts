import { CONFIG_OPTIONS, defineCommand } from '../command.ts';
import { objectsOption, runJobCommand } from '../job.ts';

export const reconcileCommand = defineCommand({
  name: 'reconcile',
  summary: 'Compare keys with Intacct and soft-delete what vanished',
  description:
    'Reads only the keys of each selected object and entity from Intacct, compares them with the warehouse,\n' +
    'and sets _deleted_at on rows whose record no longer exists. Use it when the API user cannot read\n' +
    'AUDITHISTORY, or on a schedule to catch deletes the audit trail does not report.',
  options: {
    ...CONFIG_OPTIONS,
    objects: { type: 'string', placeholder: 'A,B', description: 'Only these objects' },
  },
  run: (ctx) => runJobCommand(ctx, { command: 'reconcile', objects: objectsOption(ctx.values.objects) }),
});
