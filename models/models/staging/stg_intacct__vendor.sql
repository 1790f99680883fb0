-- VENDOR: one row per vendor; renamed, typed, soft-deleted rows left out.
-- Raw Intacct column names appear only in staging models.
with source as (
    select * from {{ source('intacct', 'vendor') }}
    where {{ adapter.quote('_deleted_at') }} is null
)

select
    {{ adapter.quote('record_no') }} as vendor_key,
    {{ adapter.quote('vendorid') }} as vendor_id,
    {{ adapter.quote('name') }} as name,
    {{ adapter.quote('parentid') }} as parent_id,
    {{ adapter.quote('termname') }} as term_name,
    {{ adapter.quote('vendtype') }} as vendor_type,
    {{ adapter.quote('taxid') }} as tax_id,
    cast({{ adapter.quote('creditlimit') }} as numeric(38, 9)) as credit_limit,
    cast({{ adapter.quote('totaldue') }} as numeric(38, 9)) as total_due,
    {{ adapter.quote('onhold') }} as is_on_hold,
    {{ adapter.quote('status') }} as status,
    {{ adapter.quote('currency') }} as currency,
    {{ adapter.quote('paymentpriority') }} as payment_priority,
    {{ adapter.quote('form1099type') }} as form_1099_type,
    {{ adapter.quote('form1099box') }} as form_1099_box,
    {{ adapter.quote('displaycontact_printas') }} as print_as,
    {{ adapter.quote('displaycontact_email1') }} as email,
    {{ adapter.quote('displaycontact_mailaddress_country') }} as country,
    {{ adapter.quote('apaccount') }} as ap_account_no,
    {{ adapter.quote('apaccounttitle') }} as ap_account_title,
    {{ adapter.quote('when_created') }} as created_at,
    {{ adapter.quote('when_modified') }} as modified_at,
    {{ adapter.quote('_loaded_at') }} as loaded_at
from source
