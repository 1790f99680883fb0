-- The intercompany GL lines behind every period, entity pair and currency that does not net to zero
-- (or has no rate to the reporting currency for the period end).
select
    r.period_name,
    r.period_end_date,
    r.creditor_entity_id,
    r.debtor_entity_id,
    r.difference,
    r.reporting_difference,
    e.*
from `analytics_marts`.`intercompany_reconciliation` as r
inner join `analytics_intermediate`.`int_intercompany_entries` as e
    on e.currency = r.currency
    and e.posting_date <= r.period_end_date
    and e.side in ('due_from', 'due_to')
    and (
        (e.side = 'due_from' and e.entity_id = r.creditor_entity_id and e.counterparty_entity_id = r.debtor_entity_id)
        or (e.side = 'due_to' and e.entity_id = r.debtor_entity_id and e.counterparty_entity_id = r.creditor_entity_id)
        or (e.counterparty_entity_id is null and (r.creditor_entity_id is null or r.debtor_entity_id is null))
    )
where r.difference <> 0 or r.reporting_difference <> 0 or r.reporting_rate is null
