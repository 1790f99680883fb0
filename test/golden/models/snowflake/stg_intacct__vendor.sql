-- VENDOR: one row per vendor; renamed, typed, soft-deleted rows left out.
-- Raw Intacct column names appear only in staging models.
with source as (
    select * from "intacct_raw"."vendor"
    where "_deleted_at" is null
)

select
    "record_no" as vendor_key,
    "vendorid" as vendor_id,
    "name" as name,
    "parentid" as parent_id,
    "termname" as term_name,
    "vendtype" as vendor_type,
    "taxid" as tax_id,
    cast("creditlimit" as numeric(38, 9)) as credit_limit,
    cast("totaldue" as numeric(38, 9)) as total_due,
    "onhold" as is_on_hold,
    "status" as status,
    "currency" as currency,
    "paymentpriority" as payment_priority,
    "form1099type" as form_1099_type,
    "form1099box" as form_1099_box,
    "displaycontact_printas" as print_as,
    "displaycontact_email1" as email,
    "displaycontact_mailaddress_country" as country,
    "apaccount" as ap_account_no,
    "apaccounttitle" as ap_account_title,
    "when_created" as created_at,
    "when_modified" as modified_at,
    "_loaded_at" as loaded_at
from source
