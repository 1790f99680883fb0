-- One Intacct customer per Salesforce account with a Closed-Won opportunity.
-- external_key = the Intacct CUSTOMERID (SF- and the account id; at most 20 characters).
with won as (
    select distinct account_id
    from "analytics_seeds"."salesforce_opportunity"
    where stage_name = 'Closed Won' and lower(is_won) = 'true'
),

accounts as (
    select a.*
    from "analytics_seeds"."salesforce_account" a
    join won on won.account_id = a.id
),

entity_map as (
    select source_value, intacct_value
    from "analytics_seeds"."reverse_dimension_map"
    where source_system = 'salesforce' and dimension = 'entity'
)

select
    cast('SF-' || accounts.id as varchar) as external_key,
    cast(entity_map.intacct_value as varchar) as entity,
    cast(accounts.billing_country as varchar) as entity_source,
    cast(accounts.name as varchar) as name,
    cast(accounts.billing_city as varchar) as city,
    cast(accounts.billing_country as varchar) as country,
    cast('N30' as varchar) as term_name,
    cast(null as varchar) as currency
from accounts
left join entity_map on entity_map.source_value = accounts.billing_country
