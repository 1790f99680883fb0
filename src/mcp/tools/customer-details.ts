import { z } from 'zod';
import { partyDetails } from './party.ts';
import { defineTool, entityArg, idArg } from './tool.ts';

/** dim_customer with terms, the open AR balance (ar_aging) and the latest invoices (fct_ar_invoice). */
export const customerDetailsTool = defineTool({
  name: 'customer_details',
  title: 'Customer details',
  description:
    'A customer master record (terms, credit limit, currency, status), its open AR balance as of the aging date, and its most recent invoices.',
  kind: 'read',
  input: {
    customerId: idArg('Customer'),
    entity: entityArg.optional(),
    recent: z.number().int().min(0).max(100).default(10).describe('How many recent invoices.'),
  },
  run: (ctx, a) =>
    partyDetails(
      ctx,
      {
        dim: 'dim_customer',
        idColumn: 'customer_id',
        nameColumn: 'customer_name',
        fact: 'fct_ar_invoice',
        aging: 'ar_aging',
        dateColumn: 'invoice_date',
        keyColumn: 'ar_invoice_key',
        stateColumn: 'invoice_state',
      },
      { id: a.customerId, entity: a.entity, recent: a.recent },
    ),
});
