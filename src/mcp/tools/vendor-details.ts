import { z } from 'zod';
import { partyDetails } from './party.ts';
import { defineTool, entityArg, idArg } from './tool.ts';

/** dim_vendor with terms, the open AP balance (ap_aging) and the latest bills (fct_ap_bill). */
export const vendorDetailsTool = defineTool({
  name: 'vendor_details',
  title: 'Vendor details',
  description:
    'A vendor master record (terms, currency, 1099 type, status), its open AP balance as of the aging date, and its most recent bills.',
  kind: 'read',
  input: {
    vendorId: idArg('Vendor'),
    entity: entityArg.optional(),
    recent: z.number().int().min(0).max(100).default(10).describe('How many recent bills.'),
  },
  run: (ctx, a) =>
    partyDetails(
      ctx,
      {
        dim: 'dim_vendor',
        idColumn: 'vendor_id',
        nameColumn: 'vendor_name',
        fact: 'fct_ap_bill',
        aging: 'ap_aging',
        dateColumn: 'bill_date',
        keyColumn: 'ap_bill_key',
        stateColumn: 'bill_state',
      },
      { id: a.vendorId, entity: a.entity, recent: a.recent },
    ),
});
