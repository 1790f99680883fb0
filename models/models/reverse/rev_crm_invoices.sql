{{ config(materialized='view', schema='reverse', tags=['reverse']) }}
-- One AR invoice per Closed-Won opportunity; its line items are the invoice lines, each on the
-- revenue account mapped from the product code, located in the selling entity.
with won as (
    select *
    from {{ ref('salesforce_opportunity') }}
    where stage_name = 'Closed Won' and lower(is_won) = 'true'
),

accounts as (
    select * from {{ ref('salesforce_account') }}
),

entity_map as (
    select source_value, intacct_value
    from {{ ref('reverse_dimension_map') }}
    where source_system = 'salesforce' and dimension = 'entity'
),

account_map as (
    select source_value, intacct_value
    from {{ ref('reverse_dimension_map') }}
    where source_system = 'salesforce' and dimension = 'gl_account'
),

lines as (
    select
        li.*,
        row_number() over (partition by li.opportunity_id order by li.id) as line_no
    from {{ ref('salesforce_opportunity_line_item') }} li
)

select
    cast('SO-' || won.id as {{ dbt.type_string() }}) as external_key,
    cast(entity_map.intacct_value as {{ dbt.type_string() }}) as entity,
    cast(accounts.billing_country as {{ dbt.type_string() }}) as entity_source,
    cast('SF-' || won.account_id as {{ dbt.type_string() }}) as customer_id,
    cast(won.close_date as {{ dbt.type_string() }}) as invoice_date,
    cast('N30' as {{ dbt.type_string() }}) as term_name,
    cast(won.currency_iso_code as {{ dbt.type_string() }}) as currency,
    cast(won.name as {{ dbt.type_string() }}) as description,
    cast(won.id as {{ dbt.type_string() }}) as opportunity_id,
    cast(lines.line_no as {{ dbt.type_string() }}) as line_no,
    cast(account_map.intacct_value as {{ dbt.type_string() }}) as line_account,
    cast(lines.product_code as {{ dbt.type_string() }}) as line_account_source,
    cast(lines.total_price as {{ dbt.type_string() }}) as line_amount,
    cast(lines.name as {{ dbt.type_string() }}) as line_memo,
    cast(entity_map.intacct_value as {{ dbt.type_string() }}) as line_location
from won
join accounts on accounts.id = won.account_id
left join entity_map on entity_map.source_value = accounts.billing_country
left join lines on lines.opportunity_id = won.id
left join account_map on account_map.source_value = lines.product_code
