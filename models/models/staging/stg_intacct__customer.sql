-- CUSTOMER: one row per customer; renamed, typed, soft-deleted rows left out.
-- Raw Intacct column names appear only in staging models.
with source as (
    select * from {{ source('intacct', 'customer') }}
    where {{ adapter.quote('_deleted_at') }} is null
)

select
    {{ adapter.quote('record_no') }} as customer_key,
    {{ adapter.quote('customerid') }} as customer_id,
    {{ adapter.quote('name') }} as name,
    {{ adapter.quote('parentid') }} as parent_id,
    {{ adapter.quote('parentname') }} as parent_name,
    {{ adapter.quote('termname') }} as term_name,
    {{ adapter.quote('custtype') }} as customer_type,
    {{ adapter.quote('custrepid') }} as sales_rep_id,
    {{ adapter.quote('territoryid') }} as territory_id,
    cast({{ adapter.quote('creditlimit') }} as numeric(38, 9)) as credit_limit,
    cast({{ adapter.quote('totaldue') }} as numeric(38, 9)) as total_due,
    {{ adapter.quote('onhold') }} as is_on_hold,
    {{ adapter.quote('onetime') }} as is_one_time,
    {{ adapter.quote('status') }} as status,
    {{ adapter.quote('currency') }} as currency,
    {{ adapter.quote('displaycontact_printas') }} as print_as,
    {{ adapter.quote('displaycontact_email1') }} as email,
    {{ adapter.quote('displaycontact_phone1') }} as phone,
    {{ adapter.quote('displaycontact_mailaddress_city') }} as city,
    {{ adapter.quote('displaycontact_mailaddress_state') }} as state_province,
    {{ adapter.quote('displaycontact_mailaddress_country') }} as country,
    {{ adapter.quote('araccount') }} as ar_account_no,
    {{ adapter.quote('araccounttitle') }} as ar_account_title,
    {{ adapter.quote('delivery_options') }} as delivery_options,
    {{ adapter.quote('last_invoicedate') }} as last_invoice_date,
    {{ adapter.quote('when_created') }} as created_at,
    {{ adapter.quote('when_modified') }} as modified_at,
    {{ adapter.quote('_loaded_at') }} as loaded_at
from source
