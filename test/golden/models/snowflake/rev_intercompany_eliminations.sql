-- Month-end consolidation eliminations (journal var intercompany_elimination_journal, default ADJ).
-- For each entity pair and currency, the due-from and due-to balances not yet eliminated at the
-- month end (var intercompany_elimination_month_end; empty = the month end of the latest
-- intercompany line in the GL) are reversed against the elimination clearing account, in both
-- entities of the pair:
--   creditor: credit due-from (customer = the debtor), debit clearing;
--   debtor:   debit due-to (vendor = the creditor), credit clearing.
-- Consolidated, the pair's due-from, due-to and clearing lines then net to zero. The entry of a
-- month leaves out its own lines (an elimination dated the month end), so it stays the same once
-- posted; a later change to the month's balances gives a correction. Every row carries both
-- balances and Intacct's rate to the reporting currency for the month end, so push refuses a pair
-- that does not net to zero in the reporting currency.
with entries as (
    select * from "analytics_intermediate"."int_intercompany_entries"
    where side in ('due_from', 'due_to')
),

cutoff as (
    select cast(last_day(max(posting_date), 'month') as date) as month_end
    from entries
    where is_elimination = 0
),

legs as (
    select
        case when e.side = 'due_from' then e.entity_id else e.counterparty_entity_id end as creditor_entity_id,
        case when e.side = 'due_from' then e.counterparty_entity_id else e.entity_id end as debtor_entity_id,
        e.side,
        e.currency,
        e.trx_amount,
        cutoff.month_end
    from entries as e
    cross join cutoff
    where e.posting_date <= cutoff.month_end
        and (e.is_elimination = 0 or e.posting_date < cutoff.month_end)
),

summed as (
    select
        creditor_entity_id,
        debtor_entity_id,
        currency,
        month_end,
        -- Both as the balance each side holds: a debit due-from, a credit due-to.
        sum(case when side = 'due_from' then trx_amount else 0 end) as due_from_balance,
        sum(case when side = 'due_to' then -trx_amount else 0 end) as due_to_balance
    from legs
    group by creditor_entity_id, debtor_entity_id, currency, month_end
),

balances as (
    select * from summed where due_from_balance <> 0 or due_to_balance <> 0
),

accounts as (
    select
        max(case when side = 'due_from' then cast(account_no as varchar) end) as due_from_account,
        max(case when side = 'due_to' then cast(account_no as varchar) end) as due_to_account,
        max(case when side = 'elimination' then cast(account_no as varchar) end) as clearing_account
    from "analytics_seeds"."intercompany_accounts"
),

parties as (
    select
        cast(entity_id as varchar) as entity_id,
        cast(customer_id as varchar) as customer_id,
        cast(vendor_id as varchar) as vendor_id
    from "analytics_seeds"."intercompany_parties"
),

pairs as (
    select
        b.*,
        accounts.*,
        debtor.customer_id as debtor_customer,
        creditor.customer_id as creditor_customer,
        creditor.vendor_id as creditor_vendor,
        case
            when b.currency = 'USD' then '1'
            else cast(r.rate_to_reporting as varchar)
        end as reporting_rate
    from balances as b
    cross join accounts
    left join parties as debtor on debtor.entity_id = b.debtor_entity_id
    left join parties as creditor on creditor.entity_id = b.creditor_entity_id
    left join "analytics_intermediate"."int_reporting_rates" as r
        on r.currency = b.currency
        and b.month_end >= r.valid_from
        and (r.valid_to is null or b.month_end < r.valid_to)
),

legs_out as (
    -- The creditor's entry: reverse its due-from balance against clearing.
    select
        pairs.*,
        'due_from' as leg,
        pairs.creditor_entity_id as leg_entity,
        pairs.due_from_balance as leg_balance,
        1 as line_no,
        pairs.due_from_account as line_account,
        case when pairs.due_from_balance < 0 then 'debit' else 'credit' end as line_side,
        pairs.debtor_customer as line_customer,
        cast(null as varchar) as line_vendor
    from pairs

    union all

    select
        pairs.*, 'due_from', pairs.creditor_entity_id, pairs.due_from_balance,
        2, pairs.clearing_account,
        case when pairs.due_from_balance < 0 then 'credit' else 'debit' end,
        pairs.debtor_customer, cast(null as varchar)
    from pairs

    union all

    -- The debtor's entry: reverse its due-to balance against clearing.
    select
        pairs.*, 'due_to', pairs.debtor_entity_id, pairs.due_to_balance,
        1, pairs.due_to_account,
        case when pairs.due_to_balance < 0 then 'credit' else 'debit' end,
        cast(null as varchar), pairs.creditor_vendor
    from pairs

    union all

    select
        pairs.*, 'due_to', pairs.debtor_entity_id, pairs.due_to_balance,
        2, pairs.clearing_account,
        case when pairs.due_to_balance < 0 then 'debit' else 'credit' end,
        pairs.creditor_customer, cast(null as varchar)
    from pairs
)

select
    cast(
        'ELIM-' || substr(cast(legs_out.month_end as varchar), 1, 7) || '-' || coalesce(legs_out.creditor_entity_id, 'NONE')
        || '-' || coalesce(legs_out.debtor_entity_id, 'NONE') || '-' || legs_out.currency
        || case when legs_out.leg = 'due_from' then '-FROM' else '-TO' end
        as varchar
    ) as external_key,
    cast(legs_out.leg_entity as varchar) as entity,
    cast('ADJ' as varchar) as journal,
    cast(legs_out.month_end as varchar) as batch_date,
    cast(
        'Intercompany elimination ' || coalesce(legs_out.creditor_entity_id, '?') || '/'
        || coalesce(legs_out.debtor_entity_id, '?') || ' ' || legs_out.currency
        as varchar
    ) as title,
    cast(
        coalesce(legs_out.creditor_entity_id, 'NONE') || '/' || coalesce(legs_out.debtor_entity_id, 'NONE')
        || ' ' || legs_out.currency as varchar
    ) as pair_key,
    cast(legs_out.leg as varchar) as leg,
    cast('USD' as varchar) as reporting_currency,
    cast(legs_out.creditor_entity_id as varchar) as due_from_entity,
    cast(legs_out.currency as varchar) as due_from_currency,
    cast(legs_out.due_from_balance as varchar) as due_from_amount,
    cast(legs_out.reporting_rate as varchar) as due_from_rate,
    cast(legs_out.debtor_entity_id as varchar) as due_to_entity,
    cast(legs_out.currency as varchar) as due_to_currency,
    cast(legs_out.due_to_balance as varchar) as due_to_amount,
    cast(legs_out.reporting_rate as varchar) as due_to_rate,
    cast(legs_out.currency as varchar) as currency,
    cast(legs_out.line_no as varchar) as line_no,
    cast(legs_out.line_account as varchar) as line_account,
    cast(legs_out.line_side as varchar) as line_side,
    cast(case when legs_out.leg_balance < 0 then -legs_out.leg_balance else legs_out.leg_balance end
        as varchar) as line_amount,
    cast('Consolidation elimination' as varchar) as line_memo,
    cast(legs_out.leg_entity as varchar) as line_location,
    cast(legs_out.line_customer as varchar) as line_customer,
    cast(legs_out.line_vendor as varchar) as line_vendor
from legs_out
