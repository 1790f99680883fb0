-- Intacct's monthly reporting periods with fiscal year and period number.
with months as (
    select
        name as period_name,
        start_date as period_start_date,
        end_date as period_end_date
    from "analytics_staging"."stg_intacct__reporting_period"
    where date_type = 'Month'
)

select
    period_name,
    period_start_date,
    period_end_date,
    case
        when extract(month from period_start_date) >= 1
            then extract(year from period_start_date) + case when 1 = 1 then 0 else 1 end
        else extract(year from period_start_date)
    end as fiscal_year,
    mod(cast(extract(month from period_start_date) as integer) - 1 + 12, 12) + 1 as fiscal_period_number
from months
