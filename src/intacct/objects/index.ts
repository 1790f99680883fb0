import type { ObjectDescriptor } from './descriptor.ts';
import { glAccount } from './gl-account.ts';
import { glBatch } from './gl-batch.ts';
import { glDetail } from './gl-detail.ts';
import { glBudgetHeader } from './gl-budget-header.ts';
import { glBudgetItem } from './gl-budget-item.ts';
import { reportingPeriod } from './reporting-period.ts';
import { department } from './department.ts';
import { location } from './location.ts';
import { locationEntity } from './location-entity.ts';
import { project } from './project.ts';
import { task } from './task.ts';
import { classDimension } from './class.ts';
import { fund } from './fund.ts';
import { customer } from './customer.ts';
import { vendor } from './vendor.ts';
import { employee } from './employee.ts';
import { item } from './item.ts';
import { arInvoice } from './ar-invoice.ts';
import { arInvoiceItem } from './ar-invoice-item.ts';
import { arPayment } from './ar-payment.ts';
import { arPaymentDetail } from './ar-payment-detail.ts';
import { apBill } from './ap-bill.ts';
import { apBillItem } from './ap-bill-item.ts';
import { apPayment } from './ap-payment.ts';
import { apPaymentDetail } from './ap-payment-detail.ts';
import { poDocument } from './po-document.ts';
import { poDocumentEntry } from './po-document-entry.ts';
import { timesheet } from './timesheet.ts';
import { timesheetEntry } from './timesheet-entry.ts';
import { exchangeRate } from './exchange-rate.ts';
import { exchangeRateEntry } from './exchange-rate-entry.ts';
import { trxCurrencies } from './trx-currencies.ts';

/** Every object the job reads, in load order (dimensions first, then transactions). Add a line here to add an object. */
export const OBJECTS: readonly ObjectDescriptor[] = [
  glAccount,
  glBatch,
  glDetail,
  glBudgetHeader,
  glBudgetItem,
  reportingPeriod,
  department,
  location,
  locationEntity,
  project,
  task,
  classDimension,
  fund,
  customer,
  vendor,
  employee,
  item,
  arInvoice,
  arInvoiceItem,
  arPayment,
  arPaymentDetail,
  apBill,
  apBillItem,
  apPayment,
  apPaymentDetail,
  poDocument,
  poDocumentEntry,
  timesheet,
  timesheetEntry,
  exchangeRate,
  exchangeRateEntry,
  trxCurrencies,
];

const byName = new Map(OBJECTS.map((d) => [d.object, d]));

export const OBJECT_NAMES: readonly string[] = OBJECTS.map((d) => d.object);

export function findObject(name: string): ObjectDescriptor | undefined {
  return byName.get(name.toUpperCase());
}

/** The objects a run reads: `include` (default all) minus `exclude`, in registry order. */
export function selectObjects(selection: {
  include?: readonly string[] | undefined;
  exclude?: readonly string[];
}): ObjectDescriptor[] {
  const include = selection.include ? new Set(selection.include) : undefined;
  const exclude = new Set(selection.exclude ?? []);
  return OBJECTS.filter((d) => (include === undefined || include.has(d.object)) && !exclude.has(d.object));
}
