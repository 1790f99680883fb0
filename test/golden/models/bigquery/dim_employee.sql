-- Employees (no personal data beyond the name).
select
    employee_id,
    employee_name,
    job_title,
    department_id,
    location_id,
    supervisor_id,
    employee_type,
    start_date,
    end_date,
    status
from `analytics_staging`.`stg_intacct__employee`
