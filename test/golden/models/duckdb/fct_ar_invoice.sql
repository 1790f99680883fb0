-- One row per AR invoice: totals entered, paid and due in base and transaction currency.
select
    ar_invoice_key,
    document_id,
    document_number,
    entity_id,
    customer_id,
    created_at as invoice_date,
    posted_date,
    due_date,
    paid_date,
    state as invoice_state,
    cast(gl_batch_key as bigint) as gl_batch_key,
    base_currency,
    currency,
    total_entered,
    total_paid,
    total_due,
    trx_total_entered,
    trx_total_paid,
    trx_total_due
from "analytics_staging"."stg_intacct__ar_invoice"
