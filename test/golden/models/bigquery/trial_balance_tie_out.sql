-- The trial balance mart against Intacct's own get_trialbalance, per entity, period and account,
-- for the entities and periods the runner read from Intacct. `difference` sums the absolute
-- differences of opening balance, debits, credits and closing balance.

with theirs as (
    select * from `analytics_staging`.`stg_intacct__trial_balance`
),

read_periods as (
    select distinct entity_id, period_start_date from theirs
),

ours as (
    select tb.*
    from `analytics_marts`.`trial_balance` as tb
    inner join read_periods
        on tb.entity_id = read_periods.entity_id and tb.period_start_date = read_periods.period_start_date
    where tb.book_id = 'ACCRUAL'
)

select
    coalesce(ours.entity_id, theirs.entity_id) as entity_id,
    coalesce(ours.period_start_date, theirs.period_start_date) as period_start_date,
    coalesce(ours.account_no, theirs.account_no) as account_no,
    ours.opening_balance,
    theirs.start_balance as intacct_start_balance,
    ours.period_debits,
    theirs.debits as intacct_debits,
    ours.period_credits,
    theirs.credits as intacct_credits,
    ours.closing_balance,
    theirs.end_balance as intacct_end_balance,
    abs(coalesce(ours.opening_balance, 0) - coalesce(theirs.start_balance, 0))
        + abs(coalesce(ours.period_debits, 0) - coalesce(theirs.debits, 0))
        + abs(coalesce(ours.period_credits, 0) - coalesce(theirs.credits, 0))
        + abs(coalesce(ours.closing_balance, 0) - coalesce(theirs.end_balance, 0)) as difference
from ours
full outer join theirs
    on ours.entity_id = theirs.entity_id
    and ours.period_start_date = theirs.period_start_date
    and ours.account_no = theirs.account_no
