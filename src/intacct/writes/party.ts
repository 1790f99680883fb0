import { create, update, type WriteFunction } from '../envelope.ts';
import { el, opt, type XmlElement } from '../xml.ts';
import { customFields, reject, required } from './common.ts';

/** Contact and address shared by CUSTOMER and VENDOR (DISPLAYCONTACT). */
// Elements: developer.intacct.com/api/accounts-receivable/customers/ and /accounts-payable/vendors/
// (create and update tables) and Intacct/intacct-sdk-js src/Functions/AccountsReceivable/CustomerCreate.ts.
export interface ContactInput {
  readonly printAs?: string;
  readonly companyName?: string;
  readonly email?: string;
  readonly phone?: string;
  readonly address1?: string;
  readonly address2?: string;
  readonly city?: string;
  readonly state?: string;
  readonly zip?: string;
  readonly country?: string;
}

export interface PartyInput {
  readonly controlId: string;
  /** CUSTOMERID / VENDORID: the external key in Intacct. */
  readonly id: string;
  /** Required on create; on update only when it changes. */
  readonly name?: string;
  readonly status?: 'active' | 'inactive';
  readonly termName?: string;
  readonly currency?: string;
  readonly contact?: ContactInput;
  readonly customFields?: Readonly<Record<string, string>>;
  /** update instead of create (the record exists). */
  readonly mode?: 'create' | 'update';
}

/**
 * DISPLAYCONTACT. On create PRINTAS is required (developer docs, customers and vendors: "PRINTAS
 * Required"; Sage's SDK defaults it to the name). On update it is sent only when asked for, so an
 * update never overwrites the print-as name by accident; an update without contact changes sends
 * no DISPLAYCONTACT at all.
 */
function contact(c: ContactInput | undefined, name: string, mode: 'create' | 'update'): XmlElement | null {
  if (mode === 'update' && !c) return null;
  const address = [
    opt('ADDRESS1', c?.address1),
    opt('ADDRESS2', c?.address2),
    opt('CITY', c?.city),
    opt('STATE', c?.state),
    opt('ZIP', c?.zip),
    opt('COUNTRY', c?.country),
  ].filter((x) => x !== null);
  return el('DISPLAYCONTACT', [
    mode === 'create' ? el('PRINTAS', c?.printAs ?? name) : opt('PRINTAS', c?.printAs),
    opt('COMPANYNAME', c?.companyName),
    opt('EMAIL1', c?.email),
    opt('PHONE1', c?.phone),
    address.length ? el('MAILADDRESS', address) : null,
  ]);
}

function buildParty(object: 'CUSTOMER' | 'VENDOR', input: PartyInput): WriteFunction {
  if (input.id.length > 20) reject(`${object} id ${input.id}: longer than 20 characters`);
  const mode = input.mode ?? 'create';
  const body = el(object, [
    el(`${object}ID`, required(input.id, `${object} id`)),
    // An update sends only what changes (Sage's SDK update fixtures carry the id alone).
    mode === 'update' ? opt('NAME', input.name) : el('NAME', required(input.name, `${object} name`)),
    opt('STATUS', input.status),
    opt('TERMNAME', input.termName),
    opt('CURRENCY', input.currency),
    contact(input.contact, input.name ?? '', mode),
    ...customFields(input.customFields),
  ]);
  return input.mode === 'update' ? update(input.controlId, body) : create(input.controlId, body);
}

export function buildCustomer(input: PartyInput): WriteFunction {
  return buildParty('CUSTOMER', input);
}

export function buildVendor(input: PartyInput): WriteFunction {
  return buildParty('VENDOR', input);
}
