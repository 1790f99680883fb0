-- Locations, with their parent for roll-ups.
select
    location_id as location_id,
    name as location_name,
    parent_id as parent_location_id,
    status
from `analytics_staging`.`stg_intacct__location`
