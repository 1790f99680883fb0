-- PROJECT: one row per project; renamed, typed, soft-deleted rows left out.
-- Raw Intacct column names appear only in staging models.
with source as (
    select * from "intacct_raw"."project"
    where "_deleted_at" is null
)

select
    "record_no" as project_key,
    "projectid" as project_id,
    "name" as name,
    "description" as description,
    "parentkey" as parent_key,
    "parentid" as parent_id,
    "projectcategory" as project_category,
    "projecttype" as project_type,
    "projectstatus" as project_status,
    "customerid" as customer_id,
    "customername" as customer_name,
    "managerid" as manager_id,
    "projectmanagername" as manager_name,
    "begindate" as begin_date,
    "enddate" as end_date,
    cast("budgetamount" as numeric(38, 9)) as budget_amount,
    cast("contractamount" as numeric(38, 9)) as contract_amount,
    cast("budgetqty" as numeric(38, 9)) as budget_quantity,
    "currency" as currency,
    "departmentid" as department_id,
    "locationid" as location_id,
    "classid" as class_id,
    "billingtype" as billing_type,
    "status" as status,
    "when_created" as created_at,
    "when_modified" as modified_at,
    "_loaded_at" as loaded_at
from source
