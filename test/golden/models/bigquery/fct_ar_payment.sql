-- One row per application of an AR payment to a invoice, with the payment's header.
select
    d.ar_payment_detail_key,
    d.payment_key as ar_payment_key,
    d.document_key as ar_invoice_key,
    d.entity_id,
    p.customer_id,
    coalesce(d.payment_date, p.payment_date) as payment_date,
    p.payment_method,
    p.bank_account_id,
    p.state as payment_state,
    d.payment_amount,
    d.trx_payment_amount,
    d.base_currency,
    d.currency
from `analytics_staging`.`stg_intacct__ar_payment_detail` as d
left join `analytics_staging`.`stg_intacct__ar_payment` as p
    on d.payment_key = p.ar_payment_key
