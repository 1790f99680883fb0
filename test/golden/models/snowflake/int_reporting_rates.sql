-- Intacct's exchange rates (EXCHANGERATEENTRY) into the reporting currency (var
-- intercompany_reporting_currency), as validity ranges: a rate applies from its effective date until
-- the next one for the same currency, so a dated lookup finds the latest rate on or before the date.
-- A rate table from the reporting currency counts through its reciprocal; a direct table wins.
with entries as (
    select
        from_currency as currency,
        effective_date,
        exchange_rate as rate_to_reporting,
        1 as preference
    from "analytics_staging"."stg_intacct__exchange_rate_entry"
    where to_currency = 'USD'

    union all

    select
        to_currency as currency,
        effective_date,
        reciprocal_rate as rate_to_reporting,
        2 as preference
    from "analytics_staging"."stg_intacct__exchange_rate_entry"
    where from_currency = 'USD'
),

ranked as (
    select
        entries.*,
        row_number() over (
            partition by currency, effective_date order by preference
        ) as pick
    from entries
)

select
    currency,
    cast(effective_date as date) as valid_from,
    cast(lead(effective_date) over (partition by currency order by effective_date) as date) as valid_to,
    rate_to_reporting
from ranked
where pick = 1
