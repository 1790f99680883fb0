-- Projects with their customer, manager and contract values.
select
    project_id,
    name as project_name,
    parent_id as parent_project_id,
    project_category,
    project_type,
    project_status,
    customer_id,
    manager_id,
    begin_date,
    end_date,
    budget_amount,
    contract_amount,
    budget_quantity as budget_hours,
    currency,
    department_id,
    location_id,
    billing_type,
    status
from {{ ref('stg_intacct__project') }}
