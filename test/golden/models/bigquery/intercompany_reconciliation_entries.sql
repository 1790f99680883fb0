-- The intercompany GL lines behind every period and currency that does not net to zero.
select
    r.period_name,
    r.period_end_date,
    r.difference,
    e.*
from `analytics_marts`.`intercompany_reconciliation` as r
inner join `analytics_intermediate`.`int_intercompany_entries` as e
    on e.currency = r.currency and e.posting_date <= r.period_end_date
where r.difference <> 0
