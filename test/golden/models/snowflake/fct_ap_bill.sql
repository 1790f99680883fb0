-- One row per AP bill: totals entered, paid and due in base and transaction currency.
select
    ap_bill_key,
    document_id,
    document_number,
    entity_id,
    vendor_id,
    created_at as bill_date,
    posted_date,
    due_date,
    paid_date,
    state as bill_state,
    cast(gl_batch_key as bigint) as gl_batch_key,
    base_currency,
    currency,
    total_entered,
    total_paid,
    total_due,
    trx_total_entered,
    trx_total_paid,
    trx_total_due
from "analytics_staging"."stg_intacct__ap_bill"
