-- One row per AR invoice line with its header's customer, dates and state.
select
    l.ar_invoice_line_key,
    l.document_key as ar_invoice_key,
    h.document_id,
    h.document_number,
    l.entity_id,
    h.customer_id,
    h.created_at as invoice_date,
    h.due_date,
    h.state as invoice_state,
    cast(h.gl_batch_key as int64) as gl_batch_key,
    l.line_no,
    l.account_no,
    l.offset_account_no,
    l.amount,
    l.trx_amount,
    l.total_paid,
    l.base_currency,
    l.currency,
    l.department_id,
    l.location_id,
    l.project_id,
    l.task_id,
    l.class_id,
    l.item_id,
    l.employee_id,
    l.fund_id
from `analytics_staging`.`stg_intacct__ar_invoice_item` as l
inner join `analytics_staging`.`stg_intacct__ar_invoice` as h
    on l.document_key = h.ar_invoice_key
