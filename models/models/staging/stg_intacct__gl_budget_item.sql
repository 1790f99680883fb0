-- GLBUDGETITEM: one row per budget amount (budget, account, dimensions, period); renamed, typed, soft-deleted rows left out.
-- Raw Intacct column names appear only in staging models.
with source as (
    select * from {{ source('intacct', 'gl_budget_item') }}
    where {{ adapter.quote('_deleted_at') }} is null
)

select
    {{ adapter.quote('record_no') }} as budget_item_key,
    {{ adapter.quote('budgetkey') }} as budget_key,
    {{ adapter.quote('budgetid') }} as budget_id,
    {{ adapter.quote('accountkey') }} as account_key,
    {{ adapter.quote('accountno') }} as account_no,
    {{ adapter.quote('accounttitle') }} as account_title,
    {{ adapter.quote('departmentid') }} as department_id,
    {{ adapter.quote('dept_title') }} as department_title,
    {{ adapter.quote('locationid') }} as location_id,
    {{ adapter.quote('location_name') }} as location_name,
    {{ adapter.quote('periodkey') }} as period_key,
    {{ adapter.quote('periodname') }} as period_name,
    {{ adapter.quote('pstartdate') }} as period_start_date,
    {{ adapter.quote('penddate') }} as period_end_date,
    cast({{ adapter.quote('amount') }} as numeric(38, 9)) as amount,
    {{ adapter.quote('basedon') }} as based_on,
    cast({{ adapter.quote('growby') }} as numeric(38, 9)) as grow_by,
    {{ adapter.quote('perperiod') }} as per_period,
    {{ adapter.quote('note') }} as note,
    {{ adapter.quote('currency') }} as currency,
    {{ adapter.quote('when_created') }} as created_at,
    {{ adapter.quote('when_modified') }} as modified_at,
    {{ adapter.quote('_entity') }} as entity_id,
    {{ adapter.quote('_loaded_at') }} as loaded_at
from source
