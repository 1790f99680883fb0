-- PROJECT: one row per project; renamed, typed, soft-deleted rows left out.
-- Raw Intacct column names appear only in staging models.
with source as (
    select * from {{ source('intacct', 'project') }}
    where {{ adapter.quote('_deleted_at') }} is null
)

select
    {{ adapter.quote('record_no') }} as project_key,
    {{ adapter.quote('projectid') }} as project_id,
    {{ adapter.quote('name') }} as name,
    {{ adapter.quote('description') }} as description,
    {{ adapter.quote('parentkey') }} as parent_key,
    {{ adapter.quote('parentid') }} as parent_id,
    {{ adapter.quote('projectcategory') }} as project_category,
    {{ adapter.quote('projecttype') }} as project_type,
    {{ adapter.quote('projectstatus') }} as project_status,
    {{ adapter.quote('customerid') }} as customer_id,
    {{ adapter.quote('customername') }} as customer_name,
    {{ adapter.quote('managerid') }} as manager_id,
    {{ adapter.quote('projectmanagername') }} as manager_name,
    {{ adapter.quote('begindate') }} as begin_date,
    {{ adapter.quote('enddate') }} as end_date,
    cast({{ adapter.quote('budgetamount') }} as numeric(38, 9)) as budget_amount,
    cast({{ adapter.quote('contractamount') }} as numeric(38, 9)) as contract_amount,
    cast({{ adapter.quote('budgetqty') }} as numeric(38, 9)) as budget_quantity,
    {{ adapter.quote('currency') }} as currency,
    {{ adapter.quote('departmentid') }} as department_id,
    {{ adapter.quote('locationid') }} as location_id,
    {{ adapter.quote('classid') }} as class_id,
    {{ adapter.quote('billingtype') }} as billing_type,
    {{ adapter.quote('status') }} as status,
    {{ adapter.quote('when_created') }} as created_at,
    {{ adapter.quote('when_modified') }} as modified_at,
    {{ adapter.quote('_loaded_at') }} as loaded_at
from source
