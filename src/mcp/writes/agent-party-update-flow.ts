/**
 * Master-data updates an agent asks for: a generic `update` of one CUSTOMER or VENDOR by its id,
 * sending only the fields that change. The ledger row is keyed by the change request (the agent's
 * key or one derived from the change), not by the record, so each change posts once; the record
 * itself is found by Intacct under its id, so the engine looks nothing up before sending
 * (`updatesExisting`). The customer or vendor must exist and be active in the entity (the engine's
 * dimension check); reactivating an inactive one is left to Intacct's UI.
 */
import { buildCustomer, buildVendor, type ContactInput } from '../../intacct/writes/index.ts';
import { cell, defineFlow, must, type Row } from '../../reverse/flow.ts';
import type { GatewayFlow, StagedColumn } from './engine.ts';

const CONTACT_COLUMNS: readonly (readonly [StagedColumn, keyof ContactInput])[] = [
  ['email', 'email'],
  ['phone', 'phone'],
  ['address1', 'address1'],
  ['city', 'city'],
  ['state', 'state'],
  ['zip', 'zip'],
  ['country', 'country'],
];

function contact(h: Row): ContactInput | undefined {
  const out: Record<string, string> = {};
  for (const [column, field] of CONTACT_COLUMNS) {
    const v = cell(h, column);
    if (v !== null) out[field] = v;
  }
  return Object.keys(out).length > 0 ? out : undefined;
}

function partyUpdate(object: 'CUSTOMER' | 'VENDOR'): GatewayFlow {
  const idColumn = object === 'CUSTOMER' ? 'customer_id' : 'vendor_id';
  const build = object === 'CUSTOMER' ? buildCustomer : buildVendor;
  const page = object === 'CUSTOMER' ? 'accounts-receivable/customers' : 'accounts-payable/vendors';
  const sdk =
    object === 'CUSTOMER'
      ? 'AccountsReceivable/CustomerUpdateTest.ts'
      : 'AccountsPayable/VendorUpdateTest.ts';
  return {
    descriptor: defineFlow({
      name: object === 'CUSTOMER' ? 'mcp-customer-update' : 'mcp-vendor-update',
      summary: `${object === 'CUSTOMER' ? 'Customer' : 'Vendor'} master-data changes requested through the agent gateway (generic update of ${object})`,
      model: '_elt_mcp_staged_rows',
      object,
      lookup: { object, field: `${object}ID` },
      updatesExisting: true,
      onChange: 'update',
      checks: {
        required: [idColumn],
        dimensions: { [idColumn]: object === 'CUSTOMER' ? 'customer' : 'vendor' },
      },
      validate: (r) => {
        const changes = ['name', 'status', 'term_name', ...CONTACT_COLUMNS.map(([c]) => c)];
        return changes.some((c) => cell(r.header, c) !== null) ? [] : ['the update changes nothing'];
      },
      build: (r, ctx) => {
        const h = r.header;
        const status = cell(h, 'status');
        const c = contact(h);
        return build({
          controlId: ctx.controlId,
          id: must(h, idColumn),
          mode: 'update',
          ...(cell(h, 'name') ? { name: must(h, 'name') } : {}),
          ...(status === 'active' || status === 'inactive' ? { status } : {}),
          ...(cell(h, 'term_name') ? { termName: must(h, 'term_name') } : {}),
          ...(c ? { contact: c } : {}),
        });
      },
      sources: [
        `developer.intacct.com/api/${page}/: update of ${object} by ${object}ID with NAME, STATUS (active, inactive), TERMNAME, DISPLAYCONTACT (EMAIL1, PHONE1, MAILADDRESS/ADDRESS1, CITY, STATE, ZIP, COUNTRY)`,
        `Intacct/intacct-sdk-js test/Functions/${sdk}: <update><${object}><${object}ID/> with only the fields given`,
        'shared reference intacct-protocol-facts.md §12: update answers <data listtype="objects"> with RECORDNO and the id, as create does',
      ],
    }),
    columns: [idColumn, 'name', 'status', 'term_name', ...CONTACT_COLUMNS.map(([c]) => c)],
  };
}

export const agentCustomerUpdate = partyUpdate('CUSTOMER');
export const agentVendorUpdate = partyUpdate('VENDOR');
