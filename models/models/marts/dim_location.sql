-- Locations, with their parent for roll-ups.
select
    location_id as location_id,
    name as location_name,
    parent_id as parent_location_id,
    status
from {{ ref('stg_intacct__location') }}
