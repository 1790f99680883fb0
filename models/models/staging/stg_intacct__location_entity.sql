-- LOCATIONENTITY: one row per entity (a location that keeps its own books); renamed, typed, soft-deleted rows left out.
-- Raw Intacct column names appear only in staging models.
with source as (
    select * from {{ source('intacct', 'location_entity') }}
    where {{ adapter.quote('_deleted_at') }} is null
)

select
    {{ adapter.quote('record_no') }} as entity_key,
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
    {{ adapter.quote('federalid') }} as federal_id,
    {{ adapter.quote('firstmonth') }} as fiscal_first_month,
    {{ adapter.quote('firstmonthtax') }} as tax_first_month,
    {{ adapter.quote('weekstart') }} as week_start,
    {{ adapter.quote('opcountry') }} as operating_country,
    {{ adapter.quote('addresscountrydefault') }} as default_country,
    {{ adapter.quote('signature') }} as signature,
    {{ adapter.quote('_loaded_at') }} as loaded_at
from source
