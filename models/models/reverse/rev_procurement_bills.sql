{{ config(materialized='view', schema='reverse', tags=['reverse']) }}
-- One AP bill per procurement invoice (bill number = supplier id and invoice number), its lines on
-- the accounts and departments mapped from the export's GL codes and cost centres; the PO number,
-- where given, becomes the bill's reference. `total` is what the approval threshold compares.
with invoices as (
    select
        p.*,
        {{ dbt.safe_cast('p.amount', 'decimal(28, 2)') }} as value
    from {{ ref('procurement_invoice') }} p
),

maps as (
    select dimension, source_value, intacct_value
    from {{ ref('reverse_dimension_map') }}
    where source_system = 'procurement'
),

totals as (
    select supplier_id, invoice_number, sum(value) as total
    from invoices
    group by supplier_id, invoice_number
)

select
    cast(i.supplier_id || '-' || i.invoice_number as {{ dbt.type_string() }}) as external_key,
    cast(ent.intacct_value as {{ dbt.type_string() }}) as entity,
    cast(i.buyer_company as {{ dbt.type_string() }}) as entity_source,
    cast(vend.intacct_value as {{ dbt.type_string() }}) as vendor_id,
    cast(i.supplier_id as {{ dbt.type_string() }}) as vendor_id_source,
    cast(i.invoice_date as {{ dbt.type_string() }}) as bill_date,
    cast(i.due_date as {{ dbt.type_string() }}) as due_date,
    cast(i.po_number as {{ dbt.type_string() }}) as po_number,
    cast(i.currency as {{ dbt.type_string() }}) as currency,
    cast('Invoice ' || i.invoice_number as {{ dbt.type_string() }}) as description,
    cast(t.total as {{ dbt.type_string() }}) as total,
    cast(i.line_no as {{ dbt.type_string() }}) as line_no,
    cast(acct.intacct_value as {{ dbt.type_string() }}) as line_account,
    cast(i.gl_code as {{ dbt.type_string() }}) as line_account_source,
    cast(coalesce(cast(i.value as {{ dbt.type_string() }}), cast(i.amount as {{ dbt.type_string() }})) as {{ dbt.type_string() }}) as line_amount,
    cast(i.description as {{ dbt.type_string() }}) as line_memo,
    cast(dept.intacct_value as {{ dbt.type_string() }}) as line_department,
    cast(i.cost_center as {{ dbt.type_string() }}) as line_department_source,
    cast(ent.intacct_value as {{ dbt.type_string() }}) as line_location
from invoices i
join totals t on t.supplier_id = i.supplier_id and t.invoice_number = i.invoice_number
left join maps ent on ent.dimension = 'entity' and ent.source_value = i.buyer_company
left join maps vend on vend.dimension = 'vendor' and vend.source_value = i.supplier_id
left join maps acct on acct.dimension = 'gl_account' and acct.source_value = i.gl_code
left join maps dept on dept.dimension = 'department' and dept.source_value = i.cost_center
