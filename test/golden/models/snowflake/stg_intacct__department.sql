-- DEPARTMENT: one row per department; renamed, typed, soft-deleted rows left out.
-- Raw Intacct column names appear only in staging models.
with source as (
    select * from "intacct_raw"."department"
    where "_deleted_at" is null
)

select
    "record_no" as department_key,
    "departmentid" as department_id,
    "title" as department_title,
    "parentkey" as parent_key,
    "parentid" as parent_id,
    "parentname" as parent_name,
    "supervisorkey" as supervisor_key,
    "supervisorid" as supervisor_id,
    "supervisorname" as supervisor_name,
    "status" as status,
    "custtitle" as custom_title,
    "when_created" as created_at,
    "when_modified" as modified_at,
    "_loaded_at" as loaded_at
from source
