-- LOCATION: one row per location; renamed, typed, soft-deleted rows left out.
-- Raw Intacct column names appear only in staging models.
with source as (
    select * from "intacct_raw"."location"
    where "_deleted_at" is null
)

select
    "record_no" as location_key,
    "locationid" as location_id,
    "name" as name,
    "parentkey" as parent_key,
    "parentid" as parent_id,
    "parentname" as parent_name,
    "supervisorid" as supervisor_id,
    "supervisorname" as supervisor_name,
    "status" as status,
    "currency" as currency,
    "startdate" as start_date,
    "enddate" as end_date,
    "entity" as entity,
    "contactinfo_contactname" as contact_name,
    "contactinfo_mailaddress_country" as country,
    "when_created" as created_at,
    "when_modified" as modified_at,
    "_loaded_at" as loaded_at
from source
