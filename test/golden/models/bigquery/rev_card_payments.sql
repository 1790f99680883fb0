-- One AR payment per succeeded Stripe charge, applied to the invoice of the opportunity named in
-- its payment intent's metadata. Stripe amounts are in the currency's minor unit (cents).
with charges as (
    select *
    from `analytics_seeds`.`stripe_charge`
    where status = 'succeeded' and lower(paid) = 'true'
),

intents as (
    select * from `analytics_seeds`.`stripe_payment_intent`
),

opportunities as (
    select * from `analytics_seeds`.`salesforce_opportunity`
),

accounts as (
    select * from `analytics_seeds`.`salesforce_account`
),

entity_map as (
    select source_value, intacct_value
    from `analytics_seeds`.`reverse_dimension_map`
    where source_system = 'salesforce' and dimension = 'entity'
)

select
    cast(charges.id as string) as external_key,
    cast(entity_map.intacct_value as string) as entity,
    cast(accounts.billing_country as string) as entity_source,
    cast('SF-' || opportunities.account_id as string) as customer_id,
    cast(substr(charges.created, 1, 10) as string) as receipt_date,
    -- Cents to money by an exact factor: a bare 0.01 is FLOAT64 in BigQuery.
    cast(
        cast(safe_cast(charges.amount as decimal(28, 2)) * cast('0.01' as decimal(3, 2)) as decimal(28, 2))
        as string
    ) as amount,
    case when safe_cast(charges.amount as decimal(28, 2)) is null
        then cast(charges.amount as string) end as bad_amount,
    cast(upper(charges.currency) as string) as currency,
    cast('SO-' || intents.metadata__opportunity_id as string) as invoice_external_key,
    cast('1015' as string) as undeposited_account,
    cast(charges.description as string) as description
from charges
left join intents on intents.id = charges.payment_intent_id
left join opportunities on opportunities.id = intents.metadata__opportunity_id
left join accounts on accounts.id = opportunities.account_id
left join entity_map on entity_map.source_value = accounts.billing_country
