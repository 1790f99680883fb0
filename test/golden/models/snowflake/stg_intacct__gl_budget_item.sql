-- GLBUDGETITEM: one row per budget amount (budget, account, dimensions, period); renamed, typed, soft-deleted rows left out.
-- Raw Intacct column names appear only in staging models.
with source as (
    select * from "intacct_raw"."gl_budget_item"
    where "_deleted_at" is null
)

select
    "record_no" as budget_item_key,
    "budgetkey" as budget_key,
    "budgetid" as budget_id,
    "accountkey" as account_key,
    "accountno" as account_no,
    "accounttitle" as account_title,
    "departmentid" as department_id,
    "dept_title" as department_title,
    "locationid" as location_id,
    "location_name" as location_name,
    "periodkey" as period_key,
    "periodname" as period_name,
    "pstartdate" as period_start_date,
    "penddate" as period_end_date,
    cast("amount" as numeric(38, 9)) as amount,
    "basedon" as based_on,
    cast("growby" as numeric(38, 9)) as grow_by,
    "perperiod" as per_period,
    "note" as note,
    "currency" as currency,
    "when_created" as created_at,
    "when_modified" as modified_at,
    "_entity" as entity_id,
    "_loaded_at" as loaded_at
from source
