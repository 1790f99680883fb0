-- AR aging as of var aging_as_of_date (default today): each invoice open on that date with what
-- was paid by then, days past due and its bucket (0-30, 31-60, 61-90, 90+; not yet due counts as 0-30).
with as_of as (
    select cast('2026-06-30' as date) as as_of_date
),

paid as (
    select p.ar_invoice_key, sum(p.payment_amount) as paid_amount
    from `analytics_marts`.`fct_ar_payment` as p
    cross join as_of
    where p.payment_date <= as_of.as_of_date
    group by p.ar_invoice_key
),

open_items as (
    select
        d.ar_invoice_key,
        d.document_id,
        d.entity_id,
        d.customer_id,
        d.base_currency,
        d.invoice_date,
        d.due_date,
        as_of.as_of_date,
        d.total_entered,
        coalesce(paid.paid_amount, 0) as paid_amount,
        d.total_entered - coalesce(paid.paid_amount, 0) as open_amount,
        datetime_diff(cast(as_of.as_of_date as datetime), cast(d.due_date as datetime), day) as days_past_due
    from `analytics_marts`.`fct_ar_invoice` as d
    cross join as_of
    left join paid on d.ar_invoice_key = paid.ar_invoice_key
    where d.invoice_date <= as_of.as_of_date
)

select
    open_items.*,
    case
    when days_past_due <= 30 then '0-30'
    when days_past_due <= 60 then '31-60'
    when days_past_due <= 90 then '61-90'
    else '90+'
end as aging_bucket
from open_items
where open_amount <> 0
