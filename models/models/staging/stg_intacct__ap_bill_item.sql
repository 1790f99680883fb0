-- APBILLITEM: one row per AP bill line; renamed, typed, soft-deleted rows left out.
-- Raw Intacct column names appear only in staging models.
with source as (
    select * from {{ source('intacct', 'ap_bill_item') }}
    where {{ adapter.quote('_deleted_at') }} is null
)

select
    {{ adapter.quote('record_no') }} as ap_bill_line_key,
    {{ adapter.quote('recordkey') }} as document_key,
    {{ adapter.quote('recordtype') }} as record_type,
    {{ adapter.quote('line_no') }} as line_no,
    {{ adapter.quote('accountkey') }} as account_key,
    {{ adapter.quote('accountno') }} as account_no,
    {{ adapter.quote('accounttitle') }} as account_title,
    {{ adapter.quote('offsetaccountno') }} as offset_account_no,
    cast({{ adapter.quote('amount') }} as numeric(38, 9)) as amount,
    cast({{ adapter.quote('trx_amount') }} as numeric(38, 9)) as trx_amount,
    cast({{ adapter.quote('totalpaid') }} as numeric(38, 9)) as total_paid,
    cast({{ adapter.quote('trx_totalpaid') }} as numeric(38, 9)) as trx_total_paid,
    {{ adapter.quote('entrydescription') }} as description,
    {{ adapter.quote('entry_date') }} as entry_date,
    {{ adapter.quote('departmentid') }} as department_id,
    {{ adapter.quote('departmentname') }} as department_name,
    {{ adapter.quote('locationid') }} as location_id,
    {{ adapter.quote('locationname') }} as location_name,
    {{ adapter.quote('projectid') }} as project_id,
    {{ adapter.quote('taskid') }} as task_id,
    {{ adapter.quote('customerid') }} as customer_id,
    {{ adapter.quote('vendorid') }} as vendor_id,
    {{ adapter.quote('employeeid') }} as employee_id,
    {{ adapter.quote('itemid') }} as item_id,
    {{ adapter.quote('classid') }} as class_id,
    {{ adapter.quote('gldimfund') }} as fund_id,
    {{ adapter.quote('currency') }} as currency,
    {{ adapter.quote('basecurr') }} as base_currency,
    cast({{ adapter.quote('exchange_rate') }} as numeric(38, 9)) as exchange_rate,
    {{ adapter.quote('when_created') }} as created_at,
    {{ adapter.quote('when_modified') }} as modified_at,
    {{ adapter.quote('_entity') }} as entity_id,
    {{ adapter.quote('_loaded_at') }} as loaded_at
from source
