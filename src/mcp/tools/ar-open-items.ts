import { bucketArg, openItems } from './open-items.ts';
import { defineTool, entityArg, idArg, pageArgs } from './tool.ts';

/** ar_aging: invoices open on the aging date. */
export const arOpenItemsTool = defineTool({
  name: 'ar_open_items',
  title: 'AR open items and aging',
  description:
    'Customer invoices still open on the aging date (models var aging_as_of_date), with paid and open amounts, days past due and bucket, plus totals per bucket. Paginated.',
  kind: 'read',
  input: {
    entity: entityArg.optional(),
    customerId: idArg('Customer').optional(),
    bucket: bucketArg,
    ...pageArgs,
  },
  run: (ctx, a) =>
    openItems(
      ctx,
      { mart: 'ar_aging', party: 'customer_id', date: 'invoice_date', key: 'ar_invoice_key' },
      { ...a, partyId: a.customerId },
    ),
});
