-- ITEM: one row per item; renamed, typed, soft-deleted rows left out.
-- Raw Intacct column names appear only in staging models.
with source as (
    select * from {{ source('intacct', 'item') }}
    where {{ adapter.quote('_deleted_at') }} is null
)

select
    {{ adapter.quote('record_no') }} as item_key,
    {{ adapter.quote('itemid') }} as item_id,
    {{ adapter.quote('name') }} as name,
    {{ adapter.quote('productlineid') }} as product_line_id,
    {{ adapter.quote('itemtype') }} as item_type,
    {{ adapter.quote('status') }} as status,
    {{ adapter.quote('extended_description') }} as extended_description,
    {{ adapter.quote('uomgrp') }} as unit_group,
    {{ adapter.quote('cost_method') }} as cost_method,
    cast({{ adapter.quote('baseprice') }} as numeric(38, 9)) as base_price,
    cast({{ adapter.quote('standard_cost') }} as numeric(38, 9)) as standard_cost,
    {{ adapter.quote('glgroup') }} as gl_group,
    {{ adapter.quote('incomeaccountno') }} as income_account_no,
    {{ adapter.quote('expenseaccountno') }} as expense_account_no,
    {{ adapter.quote('taxable') }} as is_taxable,
    {{ adapter.quote('when_created') }} as created_at,
    {{ adapter.quote('when_modified') }} as modified_at,
    {{ adapter.quote('_loaded_at') }} as loaded_at
from source
