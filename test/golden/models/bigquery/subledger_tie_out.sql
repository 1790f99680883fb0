-- Each subledger against its control account, per entity: AR open invoices (total due) against
-- the AR control accounts' balance (debit positive), AP open bills against the AP control
-- accounts' balance (credit positive).

with control as (
    select
        g.entity_id,
        sum(case when a.category = 'Accounts Receivable' then g.amount else 0 end) as ar_control,
        -sum(case when a.category = 'Accounts Payable' then g.amount else 0 end) as ap_control
    from `analytics_marts`.`fct_gl_entry` as g
    inner join `analytics_marts`.`dim_account` as a on g.account_no = a.account_no
    where a.is_subledger_control
    group by g.entity_id
),

ar as (
    select entity_id, sum(total_due) as open_amount, count(*) as documents
    from `analytics_marts`.`fct_ar_invoice` group by entity_id
),

ap as (
    select entity_id, sum(total_due) as open_amount, count(*) as documents
    from `analytics_marts`.`fct_ap_bill` group by entity_id
),

-- UNION ALL then DISTINCT: a bare UNION is not valid BigQuery.
entities as (
    select distinct entity_id from (
        select entity_id from control
        union all select entity_id from ar
        union all select entity_id from ap
    ) as all_entities
)

select
    entities.entity_id,
    'AR' as subledger,
    coalesce(ar.documents, 0) as documents,
    coalesce(ar.open_amount, 0) as subledger_open,
    coalesce(control.ar_control, 0) as control_balance,
    coalesce(ar.open_amount, 0) - coalesce(control.ar_control, 0) as difference
from entities
left join ar on entities.entity_id = ar.entity_id
left join control on entities.entity_id = control.entity_id

union all

select
    entities.entity_id,
    'AP' as subledger,
    coalesce(ap.documents, 0) as documents,
    coalesce(ap.open_amount, 0) as subledger_open,
    coalesce(control.ap_control, 0) as control_balance,
    coalesce(ap.open_amount, 0) - coalesce(control.ap_control, 0) as difference
from entities
left join ap on entities.entity_id = ap.entity_id
left join control on entities.entity_id = control.entity_id
