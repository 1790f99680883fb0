import { isDecimal, round } from '../../core/decimal.ts';
import { ClassifiedError } from '../../core/errors.ts';
import { formatIntacctDate } from '../../core/time.ts';
import { el, opt, type XmlElement } from '../xml.ts';

/**
 * Shared pieces of the write builders. Builders are pure: input records in, WriteFunctions out,
 * golden-tested. Bad input is a `record` error (that record is rejected, the run goes on).
 */

export function reject(message: string): never {
  throw new ClassifiedError(message, { kind: 'record', level: 'local' });
}

/** A money amount: a decimal string, rounded to 2 places as Intacct rounds currency input. */
export function money(value: string, what: string, { positive = true } = {}): string {
  if (!isDecimal(value)) reject(`${what}: not a decimal amount: ${JSON.stringify(value)}`);
  const r = round(value, 2);
  if (positive && r.startsWith('-')) reject(`${what}: amount must not be negative: ${value}`);
  return r;
}

/** An exchange rate: up to 4 decimals. */
export function rate(value: string, what: string): string {
  if (!isDecimal(value)) reject(`${what}: not a decimal rate: ${JSON.stringify(value)}`);
  return round(value, 4);
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** ISO date to Intacct's MM/DD/YYYY (generic functions). */
export function date(value: string, what: string): string {
  if (!ISO_DATE.test(value)) reject(`${what}: not an ISO date (YYYY-MM-DD): ${JSON.stringify(value)}`);
  return formatIntacctDate(value);
}

export function optDate(name: string, value: string | undefined, what: string): XmlElement | null {
  return value ? el(name, date(value, what)) : null;
}

/** ISO date to the legacy <year/><month/><day/> form. */
export function legacyDate(name: string, value: string, what: string): XmlElement {
  if (!ISO_DATE.test(value)) reject(`${what}: not an ISO date (YYYY-MM-DD): ${JSON.stringify(value)}`);
  const [y, m, d] = value.split('-') as [string, string, string];
  return el(name, [el('year', y), el('month', m), el('day', d)]);
}

export function required(value: string | undefined | null, what: string): string {
  if (value === undefined || value === null || value.trim() === '') reject(`${what} is required`);
  return value;
}

/** Standard dimensions of a line; which element names they use differs by object. */
export interface Dimensions {
  readonly department?: string;
  readonly location?: string;
  readonly project?: string;
  readonly task?: string;
  readonly customer?: string;
  readonly vendor?: string;
  readonly employee?: string;
  readonly item?: string;
  readonly class?: string;
  readonly contract?: string;
  readonly warehouse?: string;
  /** User-defined dimensions by integration name (`GLDIMFUND`) to the value's id. */
  readonly custom?: Readonly<Record<string, string>>;
}

const CUSTOM_NAME = /^[A-Z][A-Z0-9_]*$/;

/** Custom fields / user-defined dimensions, sorted by name so output is deterministic. */
export function customFields(fields: Readonly<Record<string, string>> | undefined): XmlElement[] {
  if (!fields) return [];
  return Object.keys(fields)
    .sort()
    .map((name) => {
      if (!CUSTOM_NAME.test(name)) reject(`custom field name must be upper-case letters, digits, _: ${name}`);
      return el(name, fields[name] ?? '');
    })
    .filter((e) => e.children.length > 0);
}

/** Dimensions as generic objects name them: DEPARTMENT/LOCATION on GLENTRY, …ID elsewhere. */
export function dimensionElements(d: Dimensions | undefined, style: 'glentry' | 'id'): (XmlElement | null)[] {
  if (!d) return [];
  return [
    opt(style === 'glentry' ? 'LOCATION' : 'LOCATIONID', d.location),
    opt(style === 'glentry' ? 'DEPARTMENT' : 'DEPARTMENTID', d.department),
    opt('PROJECTID', d.project),
    opt('TASKID', d.task),
    opt('CUSTOMERID', d.customer),
    opt('VENDORID', d.vendor),
    opt('EMPLOYEEID', d.employee),
    opt('ITEMID', d.item),
    opt('CLASSID', d.class),
    opt('CONTRACTID', d.contract),
    opt('WAREHOUSEID', d.warehouse),
    ...customFields(d.custom),
  ];
}
