import { create, update, type WriteFunction } from '../envelope.ts';
import { el, opt, type XmlElement } from '../xml.ts';
import { customFields, reject, required } from './common.ts';

/** Contact and address shared by CUSTOMER and VENDOR (DISPLAYCONTACT). */
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
  readonly name: string;
  readonly status?: 'active' | 'inactive';
  readonly termName?: string;
  readonly currency?: string;
  readonly contact?: ContactInput;
  readonly customFields?: Readonly<Record<string, string>>;
  /** update instead of create (the record exists). */
  readonly mode?: 'create' | 'update';
}

function contact(c: ContactInput | undefined, name: string): XmlElement | null {
  if (!c) return null;
  const address = [
    opt('ADDRESS1', c.address1),
    opt('ADDRESS2', c.address2),
    opt('CITY', c.city),
    opt('STATE', c.state),
    opt('ZIP', c.zip),
    opt('COUNTRY', c.country),
  ].filter((x) => x !== null);
  return el('DISPLAYCONTACT', [
    el('PRINTAS', c.printAs ?? name),
    opt('COMPANYNAME', c.companyName),
    opt('EMAIL1', c.email),
    opt('PHONE1', c.phone),
    address.length ? el('MAILADDRESS', address) : null,
  ]);
}

function buildParty(object: 'CUSTOMER' | 'VENDOR', input: PartyInput): WriteFunction {
  if (input.id.length > 20) reject(`${object} id ${input.id}: longer than 20 characters`);
  const body = el(object, [
    el(`${object}ID`, required(input.id, `${object} id`)),
    el('NAME', required(input.name, `${object} name`)),
    opt('STATUS', input.status),
    opt('TERMNAME', input.termName),
    opt('CURRENCY', input.currency),
    contact(input.contact, input.name),
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
