-- Chargebee billing as journal entries (journal GJ), in the entity of the invoice currency:
--   * at billing: debit undeposited funds (1015), credit deferred revenue (2300);
--   * every month of the invoice's service period: debit deferred revenue, credit subscription
--     revenue (4200), an even split in cents with the remainder in the last month;
--   * an upgrade is a new invoice with its own schedule; a downgrade is a credit (negative) invoice
--     whose entries run the other way; a cancellation stops the months after it and refunds the
--     unrecognised balance (debit 2300, credit 1015).
-- A change to any of these rows after posting is corrected by a reversing entry plus a new one.
with invoices as (
    select
        i.id,
        i.subscription_id,
        i.date as invoice_date,
        i.period_start,
        i.currency_code,
        i.reason,
        s.cancelled_at,
        safe_cast(i.total as decimal(28, 0)) as total_cents,
        case when safe_cast(i.total as decimal(28, 0)) is null then cast(i.total as string) end as bad_amount,
        datetime_diff(cast(cast(i.period_end as date) as datetime), cast(cast(i.period_start as date) as datetime), month) as months
    from `analytics_seeds`.`chargebee_invoice` i
    join `analytics_seeds`.`chargebee_subscription` s on s.id = i.subscription_id
    where i.status = 'paid'
),

entity_map as (
    select source_value, intacct_value
    from `analytics_seeds`.`reverse_dimension_map`
    where source_system = 'chargebee' and dimension = 'entity'
),

schedule as (
    select
        inv.*,
        o.month_offset,
        cast(datetime_add(cast(cast(inv.period_start as date) as datetime), interval o.month_offset month) as date) as month_start,
        cast(floor(inv.total_cents / inv.months) as decimal(28, 0)) as monthly_cents
    from invoices inv
    join `analytics_seeds`.`month_offsets` o on cast(o.month_offset as integer) < inv.months
),

recognised as (
    select
        *,
        case when cast(month_offset as integer) = months - 1
            then total_cents - monthly_cents * (months - 1)
            else monthly_cents end as cents
    from schedule
    where cancelled_at is null or month_start <= cast(cancelled_at as date)
),

entries as (
    select
        'CB-' || id || '-BILL' as external_key,
        currency_code,
        cast(invoice_date as string) as batch_date,
        'Chargebee ' || reason || ' invoice ' || id as title,
        total_cents as cents,
        bad_amount,
        '1015' as debit_account,
        '2300' as credit_account
    from invoices

    union all

    select
        'CB-' || id || '-M' || substr(cast(month_start as string), 1, 7),
        currency_code,
        cast(month_start as string),
        'Revenue recognition ' || id || ' ' || substr(cast(month_start as string), 1, 7),
        cents,
        bad_amount,
        '2300',
        '4200'
    from recognised

    union all

    select
        'CB-' || inv.id || '-CANCEL',
        inv.currency_code,
        cast(inv.cancelled_at as string),
        'Cancellation refund ' || inv.subscription_id || ' invoice ' || inv.id,
        inv.total_cents - coalesce(sum(r.cents), 0),
        inv.bad_amount,
        '2300',
        '1015'
    from invoices inv
    left join recognised r on r.id = inv.id
    where inv.cancelled_at is not null
    group by inv.id, inv.currency_code, inv.cancelled_at, inv.subscription_id, inv.total_cents, inv.bad_amount
),

sides as (
    select 1 as line_no, 'debit' as side
    union all
    select 2, 'credit'
)

select
    cast(e.external_key as string) as external_key,
    cast(m.intacct_value as string) as entity,
    cast(e.currency_code as string) as entity_source,
    cast('GJ' as string) as journal,
    cast(e.batch_date as string) as batch_date,
    cast(e.title as string) as title,
    cast(e.bad_amount as string) as bad_amount,
    cast(s.line_no as string) as line_no,
    cast(
        case when (s.side = 'debit') = (e.cents >= 0) then e.debit_account else e.credit_account end
        as string
    ) as line_account,
    cast(s.side as string) as line_side,
    -- Cents to money by an exact factor: a bare 0.01 is FLOAT64 in BigQuery.
    cast(cast(abs(e.cents) * cast('0.01' as decimal(3, 2)) as decimal(28, 2)) as string) as line_amount,
    cast(e.title as string) as line_memo,
    cast(m.intacct_value as string) as line_location
from entries e
cross join sides s
left join entity_map m on m.source_value = e.currency_code
where e.cents <> 0 or e.bad_amount is not null
