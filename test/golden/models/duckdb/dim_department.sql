-- Departments, with their parent for roll-ups.
select
    department_id as department_id,
    department_title as department_name,
    parent_id as parent_department_id,
    status
from "analytics_staging"."stg_intacct__department"
