-- LOCATION: one row per location; renamed, typed, soft-deleted rows left out.
-- Raw Intacct column names appear only in staging models.
with source as (
    select * from {{ source('intacct', 'location') }}
    where {{ adapter.quote('_deleted_at') }} is null
)

select
    {{ adapter.quote('record_no') }} as location_key,
    {{ adapter.quote('locationid') }} as location_id,
    {{ adapter.quote('name') }} as name,
    {{ adapter.quote('parentkey') }} as parent_key,
    {{ adapter.quote('parentid') }} as parent_id,
    {{ adapter.quote('parentname') }} as parent_name,
    {{ adapter.quote('supervisorid') }} as supervisor_id,
    {{ adapter.quote('supervisorname') }} as supervisor_name,
    {{ adapter.quote('status') }} as status,
    {{ adapter.quote('currency') }} as currency,
    {{ adapter.quote('startdate') }} as start_date,
    {{ adapter.quote('enddate') }} as end_date,
    {{ adapter.quote('entity') }} as entity,
    {{ adapter.quote('contactinfo_contactname') }} as contact_name,
    {{ adapter.quote('contactinfo_mailaddress_country') }} as country,
    {{ adapter.quote('when_created') }} as created_at,
    {{ adapter.quote('when_modified') }} as modified_at,
    {{ adapter.quote('_loaded_at') }} as loaded_at
from source
