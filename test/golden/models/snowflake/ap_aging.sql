-- AP aging as of var aging_as_of_date (default today): each bill open on that date with what
-- was paid by then, days past due and its bucket (0-30, 31-60, 61-90, 90+; not yet due counts as 0-30).
with as_of as (
    select cast('2026-06-30' as date) as as_of_date
),

paid as (
    select p.ap_bill_key, sum(p.payment_amount) as paid_amount
    from "analytics_marts"."fct_ap_payment" as p
    cross join as_of
    where p.payment_date <= as_of.as_of_date
    group by p.ap_bill_key
),

open_items as (
    select
        d.ap_bill_key,
        d.document_id,
        d.entity_id,
        d.vendor_id,
        d.base_currency,
        d.bill_date,
        d.due_date,
        as_of.as_of_date,
        d.total_entered,
        coalesce(paid.paid_amount, 0) as paid_amount,
        d.total_entered - coalesce(paid.paid_amount, 0) as open_amount,
        datediff(day, d.due_date, as_of.as_of_date) as days_past_due
    from "analytics_marts"."fct_ap_bill" as d
    cross join as_of
    left join paid on d.ap_bill_key = paid.ap_bill_key
    where d.bill_date <= as_of.as_of_date
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
