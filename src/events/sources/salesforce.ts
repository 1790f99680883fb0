/**
 * Salesforce: a record-triggered Flow on Opportunity (StageName becomes Closed Won) calls an
 * invocable Apex action that POSTs the opportunity, its account and its line items as one signed
 * JSON body (docs/events.md has the Apex and the Flow steps). They land in `salesforce_account`,
 * `salesforce_opportunity` and `salesforce_opportunity_line_item`; the customer (crm-customers)
 * and the invoice (crm-invoices) post. Field names are Salesforce API names; amounts are strings.
 */
import type { Landing, NormalizedEvent } from '../event.ts';
import {
  MalformedEvent,
  arr,
  decimalText,
  defineSource,
  guarded,
  isoDate,
  isoInstant,
  obj,
  optStr,
  parseJsonObject,
  str,
} from '../source.ts';
import { SIGNATURE_HEADER, TIMESTAMP_HEADER, verifyHmacSignature } from '../signatures.ts';

function parse(rawBody: string): NormalizedEvent {
  const body = parseJsonObject(rawBody);
  const eventId = str(body, 'eventId', 'body');
  const type = str(body, 'type', 'body');
  const occurredAt = isoInstant(body, 'occurredAt', 'body');
  const o = obj(body, 'opportunity', 'body');
  const a = obj(body, 'account', 'body');
  const wo = 'body.opportunity';
  const wa = 'body.account';
  const oppId = str(o, 'Id', wo);
  const accountId = str(a, 'Id', wa);
  if (str(o, 'AccountId', wo) !== accountId)
    throw new MalformedEvent('body.opportunity.AccountId must be body.account.Id');
  const version = o.LastModifiedDate === undefined ? occurredAt : isoInstant(o, 'LastModifiedDate', wo);
  const stage = str(o, 'StageName', wo);
  const won = o.IsWon === true || o.IsWon === 'true';
  const closed = o.IsClosed === true || o.IsClosed === 'true';
  const lines = arr(body, 'lineItems', 'body').map((l, i) => {
    const w = `body.lineItems[${i}]`;
    return {
      id: str(l, 'Id', w),
      opportunity_id: oppId,
      product_code: str(l, 'ProductCode', w),
      name: optStr(l, 'Name', w),
      quantity: decimalText(l, 'Quantity', w),
      unit_price: decimalText(l, 'UnitPrice', w),
      total_price: decimalText(l, 'TotalPrice', w),
    };
  });
  const landings: Landing[] = [
    {
      table: 'salesforce_account',
      match: { id: accountId },
      version: a.LastModifiedDate === undefined ? occurredAt : isoInstant(a, 'LastModifiedDate', wa),
      rows: [
        {
          id: accountId,
          name: str(a, 'Name', wa),
          type: optStr(a, 'Type', wa),
          industry: optStr(a, 'Industry', wa),
          billing_city: optStr(a, 'BillingCity', wa),
          billing_country: optStr(a, 'BillingCountry', wa),
        },
      ],
    },
    {
      table: 'salesforce_opportunity',
      match: { id: oppId },
      version,
      rows: [
        {
          id: oppId,
          account_id: accountId,
          name: str(o, 'Name', wo),
          stage_name: stage,
          is_won: won ? 'true' : 'false',
          is_closed: closed ? 'true' : 'false',
          close_date: isoDate(o, 'CloseDate', wo),
          amount: decimalText(o, 'Amount', wo),
          currency_iso_code: str(o, 'CurrencyIsoCode', wo),
          type: optStr(o, 'Type', wo),
        },
      ],
    },
    { table: 'salesforce_opportunity_line_item', match: { opportunity_id: oppId }, version, rows: lines },
  ];
  return {
    source: 'salesforce',
    eventId,
    type,
    occurredAt,
    landings,
    affects: [
      { flow: 'crm-customers', keys: [`SF-${accountId}`] },
      { flow: 'crm-invoices', keys: [`SO-${oppId}`] },
    ],
    requires: [],
  };
}

export const salesforceSource = defineSource({
  name: 'salesforce',
  path: '/webhooks/salesforce',
  summary: 'Signed JSON callout from a Salesforce Flow on Closed-Won (opportunity, account, line items)',
  missing: (s) =>
    s.salesforceSecret ? null : 'set SALESFORCE_WEBHOOK_SECRET (or events.salesforceSecretFile)',
  verify: (req, s, now, tolerance) =>
    verifyHmacSignature(
      s.salesforceSecret ?? '',
      req.headers[TIMESTAMP_HEADER],
      req.headers[SIGNATURE_HEADER],
      req.rawBody,
      now,
      tolerance,
    ),
  parse: guarded(parse),
  sources: [
    'developer.salesforce.com Object Reference: Opportunity (Id, AccountId, Name, StageName, IsWon, IsClosed, CloseDate, Amount, CurrencyIsoCode, Type, LastModifiedDate), Account (Id, Name, Type, Industry, BillingCity, BillingCountry), OpportunityLineItem (Id, ProductCode, Name, Quantity, UnitPrice, TotalPrice)',
    "Apex Reference: Crypto.generateMac('hmacSHA256', …) and EncodingUtil.convertToHex sign the body; HttpRequest sends it (docs/events.md)",
  ],
});
