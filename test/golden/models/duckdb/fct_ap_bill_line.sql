-- One row per AP bill line with its header's vendor, dates and state.
select
    l.ap_bill_line_key,
    l.document_key as ap_bill_key,
    h.document_id,
    h.document_number,
    l.entity_id,
    h.vendor_id,
    h.created_at as bill_date,
    h.due_date,
    h.state as bill_state,
    cast(h.gl_batch_key as bigint) as gl_batch_key,
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
from "analytics_staging"."stg_intacct__ap_bill_item" as l
inner join "analytics_staging"."stg_intacct__ap_bill" as h
    on l.document_key = h.ap_bill_key
