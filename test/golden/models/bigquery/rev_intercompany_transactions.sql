-- Cross-entity transactions (seed intercompany_transactions: one entity pays or bills on behalf of
-- another) as two journal entries (journal ICJ), one in each entity of the pair:
--   from-entity: debit due-from (customer = the other entity's intercompany customer), credit the
--                account it paid or billed from;
--   to-entity:   debit the cost account, credit due-to (vendor = the other entity's intercompany vendor).
-- Each leg posts in its transaction currency; where that is not the entity's base currency Intacct
-- converts it at its daily rate for the transaction date. Every row carries both legs' amounts and
-- Intacct's rates to the reporting currency (int_reporting_rates), so push refuses a pair that does
-- not net to zero in the reporting currency and posts neither leg of it.
with src as (
    select
        cast(t.transaction_id as string) as transaction_id,
        cast(t.transaction_date as string) as transaction_date,
        cast(t.kind as string) as kind,
        cast(t.from_entity as string) as from_entity,
        cast(t.to_entity as string) as to_entity,
        cast(t.currency as string) as currency,
        cast(t.amount as string) as amount_text,
        cast(t.to_currency as string) as to_currency,
        cast(t.to_amount as string) as to_amount_text,
        cast(t.from_account as string) as from_account,
        cast(t.to_account as string) as to_account,
        cast(t.department as string) as department,
        cast(t.description as string) as description
    from `analytics_seeds`.`intercompany_transactions` as t
),

sides as (
    -- The debtor's side is the creditor's unless the source gives its own currency and amount.
    select
        src.*,
        coalesce(nullif(src.to_currency, ''), src.currency) as due_to_currency,
        coalesce(nullif(src.to_amount_text, ''), src.amount_text) as due_to_amount_text
    from src
),

txn as (
    select
        sides.*,
        safe_cast(sides.transaction_date as date) as rate_date,
        safe_cast(sides.amount_text as decimal(28, 2)) as due_from_value,
        safe_cast(sides.due_to_amount_text as decimal(28, 2)) as due_to_value,
        case
            when safe_cast(sides.amount_text as decimal(28, 2)) is null then sides.amount_text
            when safe_cast(sides.due_to_amount_text as decimal(28, 2)) is null
                then sides.due_to_amount_text
        end as bad_amount
    from sides
),

accounts as (
    select
        max(case when side = 'due_from' then cast(account_no as string) end) as due_from_account,
        max(case when side = 'due_to' then cast(account_no as string) end) as due_to_account
    from `analytics_seeds`.`intercompany_accounts`
),

parties as (
    select
        cast(entity_id as string) as entity_id,
        cast(customer_id as string) as customer_id,
        cast(vendor_id as string) as vendor_id
    from `analytics_seeds`.`intercompany_parties`
),

rates as (
    select * from `analytics_intermediate`.`int_reporting_rates`
),

pairs as (
    select
        txn.*,
        accounts.due_from_account,
        accounts.due_to_account,
        to_party.customer_id as due_from_customer,
        from_party.vendor_id as due_to_vendor,
        from_entity.currency as from_base_currency,
        to_entity.currency as to_base_currency,
        case
            when txn.currency = 'USD' then '1'
            else cast(from_rate.rate_to_reporting as string)
        end as due_from_rate,
        case
            when txn.due_to_currency = 'USD' then '1'
            else cast(to_rate.rate_to_reporting as string)
        end as due_to_rate
    from txn
    cross join accounts
    left join parties as to_party on to_party.entity_id = txn.to_entity
    left join parties as from_party on from_party.entity_id = txn.from_entity
    left join `analytics_staging`.`stg_intacct__location_entity` as from_entity on from_entity.location_id = txn.from_entity
    left join `analytics_staging`.`stg_intacct__location_entity` as to_entity on to_entity.location_id = txn.to_entity
    left join rates as from_rate
        on from_rate.currency = txn.currency
        and txn.rate_date >= from_rate.valid_from
        and (from_rate.valid_to is null or txn.rate_date < from_rate.valid_to)
    left join rates as to_rate
        on to_rate.currency = txn.due_to_currency
        and txn.rate_date >= to_rate.valid_from
        and (to_rate.valid_to is null or txn.rate_date < to_rate.valid_to)
),

legs as (
    -- The creditor's leg: debit due-from, credit the account it paid or billed from.
    select
        pairs.*,
        'due_from' as leg,
        pairs.from_entity as leg_entity,
        pairs.from_base_currency as leg_base_currency,
        pairs.currency as leg_currency,
        pairs.due_from_value as leg_value,
        1 as line_no,
        pairs.due_from_account as line_account,
        'debit' as line_side,
        cast(null as string) as line_department,
        pairs.due_from_customer as line_customer,
        cast(null as string) as line_vendor
    from pairs

    union all

    select
        pairs.*, 'due_from', pairs.from_entity, pairs.from_base_currency, pairs.currency, pairs.due_from_value,
        2, pairs.from_account, 'credit', nullif(pairs.department, ''),
        cast(null as string), cast(null as string)
    from pairs

    union all

    -- The debtor's leg: debit the cost account, credit due-to.
    select
        pairs.*, 'due_to', pairs.to_entity, pairs.to_base_currency, pairs.due_to_currency, pairs.due_to_value,
        1, pairs.to_account, 'debit', nullif(pairs.department, ''),
        cast(null as string), cast(null as string)
    from pairs

    union all

    select
        pairs.*, 'due_to', pairs.to_entity, pairs.to_base_currency, pairs.due_to_currency, pairs.due_to_value,
        2, pairs.due_to_account, 'credit', cast(null as string),
        cast(null as string), pairs.due_to_vendor
    from pairs
)

select
    cast(legs.transaction_id || case when legs.leg = 'due_from' then '-FROM' else '-TO' end as string)
        as external_key,
    cast(legs.leg_entity as string) as entity,
    cast('ICJ' as string) as journal,
    cast(legs.transaction_date as string) as batch_date,
    cast(
        'Intercompany ' || legs.transaction_id || ': '
        || case when legs.leg = 'due_from' then 'due from ' || legs.to_entity else 'due to ' || legs.from_entity end
        as string
    ) as title,
    cast(legs.bad_amount as string) as bad_amount,
    cast(legs.transaction_id as string) as pair_key,
    cast(legs.leg as string) as leg,
    cast(legs.kind as string) as kind,
    cast('USD' as string) as reporting_currency,
    cast(legs.from_entity as string) as due_from_entity,
    cast(legs.currency as string) as due_from_currency,
    cast(legs.due_from_value as string) as due_from_amount,
    cast(legs.due_from_rate as string) as due_from_rate,
    cast(legs.to_entity as string) as due_to_entity,
    cast(legs.due_to_currency as string) as due_to_currency,
    cast(legs.due_to_value as string) as due_to_amount,
    cast(legs.due_to_rate as string) as due_to_rate,
    cast(legs.leg_base_currency as string) as base_currency,
    cast(legs.leg_currency as string) as currency,
    cast(legs.line_no as string) as line_no,
    cast(legs.line_account as string) as line_account,
    cast(legs.line_side as string) as line_side,
    cast(legs.leg_value as string) as line_amount,
    cast(legs.description as string) as line_memo,
    cast(legs.leg_entity as string) as line_location,
    cast(legs.line_department as string) as line_department,
    cast(legs.line_customer as string) as line_customer,
    cast(legs.line_vendor as string) as line_vendor
from legs
