import { buildCustomer } from '../../intacct/writes/index.ts';
import { cell, defineFlow, must } from '../flow.ts';

/** 1a. A Closed-Won opportunity's account becomes (or updates) an Intacct customer. */
export const crmCustomers = defineFlow({
  name: 'crm-customers',
  summary: 'Salesforce accounts with a Closed-Won opportunity → CUSTOMER (created or updated)',
  model: 'rev_crm_customers',
  object: 'CUSTOMER',
  lookup: { object: 'CUSTOMER', field: 'CUSTOMERID' },
  onChange: 'update',
  checks: { required: ['name'], currency: 'currency' },
  build: (r, ctx) =>
    buildCustomer({
      controlId: ctx.controlId,
      id: r.externalKey,
      name: must(r.header, 'name'),
      status: 'active',
      ...(cell(r.header, 'term_name') ? { termName: must(r.header, 'term_name') } : {}),
      ...(cell(r.header, 'currency') ? { currency: must(r.header, 'currency') } : {}),
      contact: {
        ...(cell(r.header, 'email') ? { email: must(r.header, 'email') } : {}),
        ...(cell(r.header, 'city') ? { city: must(r.header, 'city') } : {}),
        ...(cell(r.header, 'country') ? { country: must(r.header, 'country') } : {}),
      },
      mode: ctx.mode,
    }),
  sources: [
    'developer.intacct.com/api/accounts-receivable/customers/: CUSTOMER create and update with CUSTOMERID, NAME, STATUS, TERMNAME, CURRENCY, DISPLAYCONTACT (PRINTAS, EMAIL1, MAILADDRESS/CITY, COUNTRY)',
    'shared reference intacct-protocol-facts.md: a generic create answers <customer><RECORDNO/><CUSTOMERID/></customer>',
    'src/intacct/objects/customer.ts: CUSTOMERID is read back by sync (the lookup field)',
  ],
});
