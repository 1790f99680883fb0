import { z } from 'zod';
import { FLOW_OF_TOOL } from '../writes/index.ts';
import { planWrite } from '../writes/engine.ts';
import { defineTool, derivedKey, idArg, keyArg, plannedEntityArg, writeContext } from './tool.ts';

/** The master-data fields an agent may change; every one optional, at least one given. */
const changes = {
  name: z.string().min(1).max(100).optional().describe('New name.'),
  status: z.enum(['active', 'inactive']).optional().describe('active or inactive.'),
  termName: z.string().min(1).max(40).optional().describe('Payment term, e.g. N30.'),
  email: z.email('an email address').optional().describe('Primary email (EMAIL1 of the display contact).'),
  phone: z.string().min(1).max(30).optional(),
  address1: z.string().min(1).max(100).optional(),
  city: z.string().min(1).max(80).optional(),
  state: z.string().min(1).max(40).optional(),
  zip: z.string().min(1).max(20).optional(),
  country: z.string().min(1).max(60).optional(),
};

/** The id field is named for the party (customerId, vendorId), so the input shape is built per party. */
function updateInput<K extends 'customerId' | 'vendorId'>(idName: K, label: string) {
  const id = { [idName]: idArg(label) } as Record<K, ReturnType<typeof idArg>>;
  return {
    entity: plannedEntityArg.describe('Entity whose session sends the change (the allow-list applies).'),
    ...id,
    ...changes,
    idempotencyKey: keyArg,
  };
}

function updateTool(party: 'customer' | 'vendor') {
  const tool = `update_${party}` as const;
  const idName = party === 'customer' ? 'customerId' : 'vendorId';
  return defineTool({
    name: tool,
    title: `Plan a ${party} master-data change`,
    description: `Plans a change to one ${party}'s master data (name, status, payment term, contact and address) as a generic update of ${party.toUpperCase()} through the reverse-ETL engine: the ${party} must exist and be active in the entity. Only the fields given change. Nothing is sent: call apply_plan with the planId (only if the server enables writes for ${tool}). The same idempotencyKey never posts twice.`,
    kind: 'plan',
    input: updateInput(idName, party === 'customer' ? 'Customer' : 'Vendor'),
    async run(ctx, args) {
      const a = args as Record<string, string | undefined> & { entity: string };
      const writes = writeContext(ctx, a.entity);
      const id = a[idName] ?? '';
      const given = Object.keys(changes).filter((k) => a[k] !== undefined);
      if (given.length === 0)
        throw new RangeError(`give at least one field to change: ${Object.keys(changes).join(', ')}`);
      const { idempotencyKey, ...content } = a;
      return planWrite(writes, {
        tool,
        flow: FLOW_OF_TOOL[tool]!,
        entity: a.entity,
        key: idempotencyKey ?? derivedKey({ tool, ...content }),
        applyEnabled: ctx.access.writes.has(tool),
        rows: [
          {
            [party === 'customer' ? 'customer_id' : 'vendor_id']: id,
            name: a.name ?? null,
            status: a.status ?? null,
            term_name: a.termName ?? null,
            email: a.email ?? null,
            phone: a.phone ?? null,
            address1: a.address1 ?? null,
            city: a.city ?? null,
            state: a.state ?? null,
            zip: a.zip ?? null,
            country: a.country ?? null,
          },
        ],
      });
    },
  });
}

export const updateCustomerTool = updateTool('customer');
export const updateVendorTool = updateTool('vendor');
