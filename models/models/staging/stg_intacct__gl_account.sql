-- GLACCOUNT: one row per GL account in the chart of accounts; renamed, typed, soft-deleted rows left out.
-- Raw Intacct column names appear only in staging models.
with source as (
    select * from {{ source('intacct', 'gl_account') }}
    where {{ adapter.quote('_deleted_at') }} is null
)

select
    {{ adapter.quote('record_no') }} as account_key,
    {{ adapter.quote('accountno') }} as account_no,
    {{ adapter.quote('title') }} as account_title,
    {{ adapter.quote('accounttype') }} as account_type,
    {{ adapter.quote('normalbalance') }} as normal_balance,
    {{ adapter.quote('closingtype') }} as closing_type,
    {{ adapter.quote('closingaccountno') }} as closing_account_no,
    {{ adapter.quote('closingaccounttitle') }} as closing_account_title,
    {{ adapter.quote('category') }} as category,
    {{ adapter.quote('alternativeaccount') }} as alternative_account,
    {{ adapter.quote('status') }} as status,
    {{ adapter.quote('requiredept') }} as requires_department,
    {{ adapter.quote('requireloc') }} as requires_location,
    {{ adapter.quote('requireproject') }} as requires_project,
    {{ adapter.quote('requirecustomer') }} as requires_customer,
    {{ adapter.quote('requirevendor') }} as requires_vendor,
    {{ adapter.quote('requireemployee') }} as requires_employee,
    {{ adapter.quote('requireitem') }} as requires_item,
    {{ adapter.quote('requireclass') }} as requires_class,
    {{ adapter.quote('requiregldimfund') }} as requires_fund,
    {{ adapter.quote('taxable') }} as is_taxable,
    {{ adapter.quote('subledgercontrolon') }} as is_subledger_control,
    {{ adapter.quote('enablegldimfund') }} as enables_fund,
    {{ adapter.quote('when_created') }} as created_at,
    {{ adapter.quote('when_modified') }} as modified_at,
    {{ adapter.quote('_loaded_at') }} as loaded_at
from source
