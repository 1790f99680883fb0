-- One row per calendar day across the reporting periods, with its fiscal period.
with digits as (
    select 0 as d union all select 1 union all select 2 union all select 3 union all select 4
    union all select 5 union all select 6 union all select 7 union all select 8 union all select 9
),

numbers as (
    select a.d + 10 * b.d + 100 * c.d + 1000 * e.d as n
    from digits as a cross join digits as b cross join digits as c cross join digits as e
),

bounds as (
    select min(period_start_date) as first_day, max(period_end_date) as last_day
    from "analytics_marts"."dim_fiscal_period"
),

days as (
    select cast(date_add(bounds.first_day, interval (numbers.n) day) as date) as date_day
    from numbers cross join bounds
    where numbers.n <= date_diff('day', bounds.first_day::timestamp, bounds.last_day::timestamp)
)

select
    days.date_day,
    extract(year from days.date_day) as calendar_year,
    extract(month from days.date_day) as calendar_month,
    extract(day from days.date_day) as day_of_month,
    cast(date_trunc('month', days.date_day) as date) as month_start_date,
    p.period_name,
    p.period_start_date,
    p.period_end_date,
    p.fiscal_year,
    p.fiscal_period_number
from days
left join "analytics_marts"."dim_fiscal_period" as p
    on days.date_day between p.period_start_date and p.period_end_date
