import type { Filter } from '../sql.ts';
import { money } from '../sql.ts';
import { defineTool, entityArg, entityFilter, idArg, pageArgs, readPage } from './tool.ts';

/** project_profitability: revenue, cost, hours and margin per project and entity, within the allow-list. */
export const projectProfitabilityTool = defineTool({
  name: 'project_profitability',
  title: 'Project costs, hours and margin',
  description:
    'Revenue and cost posted to each project per entity, hours and billable hours from timesheets, margin and margin percent (base currency). Filter by entity, project or customer. Paginated.',
  kind: 'read',
  input: {
    entity: entityArg.optional(),
    projectId: idArg('Project').optional(),
    customerId: idArg('Customer').optional(),
    ...pageArgs,
  },
  async run(ctx, a) {
    const where: Filter[] = entityFilter(ctx, a.entity);
    if (a.projectId) where.push({ column: 'project_id', op: '=', value: a.projectId });
    if (a.customerId) where.push({ column: 'customer_id', op: '=', value: a.customerId });
    const d = ctx.dialect;
    return readPage(
      ctx,
      {
        select: [
          'project_id',
          'project_name',
          'customer_id',
          'project_status',
          'entity_id',
          'base_currency',
          money(d, 'revenue', 'revenue'),
          money(d, 'cost', 'cost'),
          money(d, 'margin', 'margin'),
          'margin_pct',
          money(d, 'hours', 'hours'),
          money(d, 'billable_hours', 'billable_hours'),
        ],
        from: ctx.mart('project_profitability'),
        where,
        orderBy: ['project_id', 'entity_id', 'base_currency'],
      },
      a,
    );
  },
});
