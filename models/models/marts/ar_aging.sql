-- AR aging as of var aging_as_of_date (default today): each invoice open on that date with what
-- was paid by then, days past due and its bucket (0-30, 31-60, 61-90, 90+; not yet due counts as 0-30).
with as_of as (
    select {{ aging_as_of() }} as as_of_date
),

paid as (
    select p.ar_invoice_key, sum(p.payment_amount) as paid_amount
    from {{ ref('fct_ar_payment') }} as p
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
        {{ days_between('d.due_date', 'as_of.as_of_date') }} as days_past_due
    from {{ ref('fct_ar_invoice') }} as d
    cross join as_of
    left join paid on d.ar_invoice_key = paid.ar_invoice_key
    where d.invoice_date <= as_of.as_of_date
)

select
    open_items.*,
    {{ aging_bucket('days_past_due') }} as aging_bucket
from open_items
where open_amount <> 0
