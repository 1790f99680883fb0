-- GL lines on the intercompany accounts (seed intercompany_accounts), in transaction currency.
select
    g.gl_entry_key,
    g.batch_key,
    g.entity_id,
    g.posting_date,
    g.account_no,
    s.side,
    g.currency,
    g.trx_amount,
    g.description
from "analytics_marts"."fct_gl_entry" as g
inner join "analytics_seeds"."intercompany_accounts" as s
    on g.account_no = cast(s.account_no as varchar)
