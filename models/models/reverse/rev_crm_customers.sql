{{ config(materialized='view', schema='reverse', tags=['reverse']) }}
-- One Intacct customer per Salesforce account with a Closed-Won opportunity.
-- external_key = the Intacct CUSTOMERID (SF- and the account id; at most 20 characters).
with won as (
    select distinct account_id
    from {{ ref('salesforce_opportunity') }}
    where stage_name = 'Closed Won' and lower(is_won) = 'true'
),

accounts as (
    select a.*
    from {{ ref('salesforce_account') }} a
    join won on won.account_id = a.id
),

entity_map as (
    select source_value, intacct_value
    from {{ ref('reverse_dimension_map') }}
    where source_system = 'salesforce' and dimension = 'entity'
)

select
    cast('SF-' || accounts.id as {{ dbt.type_string() }}) as external_key,
    cast(entity_map.intacct_value as {{ dbt.type_string() }}) as entity,
    cast(accounts.billing_country as {{ dbt.type_string() }}) as entity_source,
    cast(accounts.name as {{ dbt.type_string() }}) as name,
    cast(accounts.billing_city as {{ dbt.type_string() }}) as city,
    cast(accounts.billing_country as {{ dbt.type_string() }}) as country,
    cast('N30' as {{ dbt.type_string() }}) as term_name,
    cast(null as {{ dbt.type_string() }}) as currency
from accounts
left join entity_map on entity_map.source_value = accounts.billing_country
