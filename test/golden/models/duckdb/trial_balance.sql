-- Trial balance per entity, book, fiscal period and account, as Intacct computes it: balances are
-- debit positive; income-statement accounts start each fiscal year at zero, their earlier net
-- carried into their closing (retained earnings) account. Accounts with nothing are left out.
with periods as (
    select period_name, period_start_date, period_end_date, fiscal_year
    from "analytics_marts"."dim_fiscal_period"
),

accounts as (
    select account_no, account_title, account_type, closing_account_no
    from "analytics_marts"."dim_account"
),

activity as (
    select * from "analytics_intermediate"."int_gl_period_activity"
),

-- Every account with activity, and the closing account of every income-statement account
-- (UNION ALL then DISTINCT: a bare UNION is not valid BigQuery).
pairs as (
    select distinct entity_id, book_id, account_no from (
        select entity_id, book_id, account_no from activity
        union all
        select activity.entity_id, activity.book_id, accounts.closing_account_no
        from activity
        inner join accounts on activity.account_no = accounts.account_no
        where accounts.account_type = 'incomestatement' and accounts.closing_account_no is not null
    ) as all_pairs
),

filled as (
    select
        pairs.entity_id,
        pairs.book_id,
        pairs.account_no,
        periods.period_name,
        periods.period_start_date,
        periods.period_end_date,
        periods.fiscal_year,
        accounts.account_type,
        accounts.closing_account_no,
        coalesce(activity.debits, 0) as debits,
        coalesce(activity.credits, 0) as credits,
        coalesce(activity.debits, 0) - coalesce(activity.credits, 0) as net
    from pairs
    cross join periods
    left join activity
        on pairs.entity_id = activity.entity_id
        and pairs.book_id = activity.book_id
        and pairs.account_no = activity.account_no
        and periods.period_start_date = activity.period_start_date
    left join accounts on pairs.account_no = accounts.account_no
),

running as (
    select
        filled.*,
        coalesce(sum(net) over (
            partition by entity_id, book_id, account_no
            order by period_start_date rows between unbounded preceding and 1 preceding
        ), 0) as cumulative_before,
        coalesce(sum(net) over (
            partition by entity_id, book_id, account_no, fiscal_year
            order by period_start_date rows between unbounded preceding and 1 preceding
        ), 0) as year_before
    from filled
),

closed_to_retained as (
    select
        filled.entity_id,
        filled.book_id,
        filled.closing_account_no as account_no,
        periods.period_start_date,
        sum(filled.net) as amount
    from filled
    inner join periods on filled.fiscal_year < periods.fiscal_year
    where filled.account_type = 'incomestatement' and filled.closing_account_no is not null
    group by filled.entity_id, filled.book_id, filled.closing_account_no, periods.period_start_date
),

balances as (
    select
        running.entity_id,
        running.book_id,
        running.period_name,
        running.period_start_date,
        running.period_end_date,
        running.fiscal_year,
        running.account_no,
        running.account_type,
        case when running.account_type = 'incomestatement' then running.year_before else running.cumulative_before end
            + coalesce(closed_to_retained.amount, 0) as opening_balance,
        running.debits as period_debits,
        running.credits as period_credits,
        running.net as period_net
    from running
    left join closed_to_retained
        on running.entity_id = closed_to_retained.entity_id
        and running.book_id = closed_to_retained.book_id
        and running.account_no = closed_to_retained.account_no
        and running.period_start_date = closed_to_retained.period_start_date
)

select
    balances.*,
    opening_balance + period_net as closing_balance
from balances
where opening_balance <> 0 or period_debits <> 0 or period_credits <> 0
