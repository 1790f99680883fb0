-- GL lines on the intercompany accounts (seed intercompany_accounts: due_from, due_to and the
-- elimination clearing account), with
--   the counterparty entity: the intercompany customer on a due-from or clearing line, the
--     intercompany vendor on a due-to line (seed intercompany_parties);
--   whether the line is a consolidation elimination (journal var intercompany_elimination_journal).
with accounts as (
    select cast(account_no as varchar) as account_no, side
    from "analytics_seeds"."intercompany_accounts"
),

parties as (
    select
        cast(entity_id as varchar) as entity_id,
        cast(customer_id as varchar) as customer_id,
        cast(vendor_id as varchar) as vendor_id
    from "analytics_seeds"."intercompany_parties"
),

lines as (
    select
        g.gl_entry_key,
        g.batch_key,
        g.entity_id,
        g.posting_date,
        g.account_no,
        a.side,
        case when a.side = 'due_to' then vp.entity_id else cp.entity_id end as counterparty_entity_id,
        g.journal_symbol,
        g.reference_no,
        case
            when g.journal_symbol = 'ADJ' then 1 else 0
        end as is_elimination,
        g.currency,
        g.trx_amount,
        g.base_currency,
        g.amount as base_amount,
        g.description
    from "analytics_marts"."fct_gl_entry" as g
    inner join accounts as a on g.account_no = a.account_no
    left join parties as cp on g.customer_id = cp.customer_id
    left join parties as vp on g.vendor_id = vp.vendor_id
)

select * from lines
