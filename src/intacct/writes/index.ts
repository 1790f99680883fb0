/** The write builders: one per writable object, each pure and golden-tested. */
export { type ApBillInput, type ApBillLineInput, buildApBill } from './ap-bill.ts';
export { type ArInvoiceInput, type ArInvoiceLineInput, buildArInvoice } from './ar-invoice.ts';
export {
  type ArPaymentApplication,
  type ArPaymentInput,
  buildArPayment,
  PAYMENT_METHODS,
  type PaymentMethod,
} from './ar-payment.ts';
export type { Dimensions } from './common.ts';
export { buildGlBatch, type GlBatchInput, type GlEntryInput } from './gl-batch.ts';
export { buildCustomer, buildVendor, type ContactInput, type PartyInput } from './party.ts';
export {
  buildPurchaseOrder,
  type PurchaseOrderInput,
  type PurchaseOrderLineInput,
} from './po-transaction.ts';
