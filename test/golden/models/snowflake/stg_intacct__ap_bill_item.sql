-- APBILLITEM: one row per AP bill line; renamed, typed, soft-deleted rows left out.
-- Raw Intacct column names appear only in staging models.
with source as (
    select * from "intacct_raw"."ap_bill_item"
    where "_deleted_at" is null
)

select
    "record_no" as ap_bill_line_key,
    "recordkey" as document_key,
    "recordtype" as record_type,
    "line_no" as line_no,
    "accountkey" as account_key,
    "accountno" as account_no,
    "accounttitle" as account_title,
    "offsetaccountno" as offset_account_no,
    cast("amount" as numeric(38, 9)) as amount,
    cast("trx_amount" as numeric(38, 9)) as trx_amount,
    cast("totalpaid" as numeric(38, 9)) as total_paid,
    cast("trx_totalpaid" as numeric(38, 9)) as trx_total_paid,
    "entrydescription" as description,
    "entry_date" as entry_date,
    "departmentid" as department_id,
    "departmentname" as department_name,
    "locationid" as location_id,
    "locationname" as location_name,
    "projectid" as project_id,
    "taskid" as task_id,
    "customerid" as customer_id,
    "vendorid" as vendor_id,
    "employeeid" as employee_id,
    "itemid" as item_id,
    "classid" as class_id,
    "gldimfund" as fund_id,
    "currency" as currency,
    "basecurr" as base_currency,
    cast("exchange_rate" as numeric(38, 9)) as exchange_rate,
    "when_created" as created_at,
    "when_modified" as modified_at,
    "_entity" as entity_id,
    "_loaded_at" as loaded_at
from source
