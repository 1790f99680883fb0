-- One AR payment per succeeded Stripe charge, applied to the invoice of the opportunity named in
-- its payment intent's metadata. Stripe amounts are in the currency's minor unit (cents).
with charges as (
    select *
    from "analytics_seeds"."stripe_charge"
    where status = 'succeeded' and lower(paid) = 'true'
),

intents as (
    select * from "analytics_seeds"."stripe_payment_intent"
),

opportunities as (
    select * from "analytics_seeds"."salesforce_opportunity"
),

accounts as (
    select * from "analytics_seeds"."salesforce_account"
),

entity_map as (
    select source_value, intacct_value
    from "analytics_seeds"."reverse_dimension_map"
    where source_system = 'salesforce' and dimension = 'entity'
)

select
    cast(charges.id as varchar) as external_key,
    cast(entity_map.intacct_value as varchar) as entity,
    cast(accounts.billing_country as varchar) as entity_source,
    cast('SF-' || opportunities.account_id as varchar) as customer_id,
    cast(substr(charges.created, 1, 10) as varchar) as receipt_date,
    -- Cents to money by an exact factor: a bare 0.01 is FLOAT64 in BigQuery.
    cast(
        cast(try_cast(charges.amount as decimal(28, 2)) * cast('0.01' as decimal(3, 2)) as decimal(28, 2))
        as varchar
    ) as amount,
    case when try_cast(charges.amount as decimal(28, 2)) is null
        then cast(charges.amount as varchar) end as bad_amount,
    cast(upper(charges.currency) as varchar) as currency,
    cast('SO-' || intents.metadata__opportunity_id as varchar) as invoice_external_key,
    cast('1015' as varchar) as undeposited_account,
    cast(charges.description as varchar) as description
from charges
left join intents on intents.id = charges.payment_intent_id
left join opportunities on opportunities.id = intents.metadata__opportunity_id
left join accounts on accounts.id = opportunities.account_id
left join entity_map on entity_map.source_value = accounts.billing_country
