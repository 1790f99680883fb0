import { bucketArg, openItems } from './open-items.ts';
import { defineTool, entityArg, idArg, pageArgs } from './tool.ts';

/** ap_aging: bills open on the aging date. */
export const apOpenItemsTool = defineTool({
  name: 'ap_open_items',
  title: 'AP open items and aging',
  description:
    'Vendor bills still open on the aging date (models var aging_as_of_date), with paid and open amounts, days past due and bucket, plus totals per bucket. Paginated.',
  kind: 'read',
  input: {
    entity: entityArg.optional(),
    vendorId: idArg('Vendor').optional(),
    bucket: bucketArg,
    ...pageArgs,
  },
  run: (ctx, a) =>
    openItems(
      ctx,
      { mart: 'ap_aging', party: 'vendor_id', date: 'bill_date', key: 'ap_bill_key' },
      { ...a, partyId: a.vendorId },
    ),
});
