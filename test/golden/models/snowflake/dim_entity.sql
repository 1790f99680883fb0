-- Entities (locations that keep their own books), with base currency and fiscal year start.
select
    e.location_id as entity_id,
    e.name as entity_name,
    e.currency as base_currency,
    coalesce(e.fiscal_first_month, 1) as fiscal_first_month,
    e.operating_country,
    e.status
from "analytics_staging"."stg_intacct__location_entity" as e
