-- One row per posted GL line: base and transaction currency, debit, credit and signed amounts,
-- and every dimension key. Incremental: only lines the sync changed since the last build are
-- merged; lines deleted in Intacct are removed by the post-hook.
{{
    config(
        materialized='incremental',
        unique_key='gl_entry_key',
        post_hook="delete from {{ this }} where gl_entry_key not in (select gl_entry_key from {{ ref('stg_intacct__gl_detail') }})"
    )
}}

select
    gl.gl_entry_key,
    gl.batch_key,
    gl.batch_no,
    gl.line_no,
    gl.entity_id,
    gl.book_id,
    gl.journal_symbol,
    gl.module,
    gl.batch_date as posting_date,
    gl.entry_date,
    {{ month_start('gl.batch_date') }} as period_start_date,
    gl.account_no,
    gl.tr_type,
    gl.description,
    gl.document,
    gl.reference_no,
    gl.base_currency,
    gl.currency,
    gl.exchange_rate,
    coalesce(gl.debit_amount, 0) as debit_amount,
    coalesce(gl.credit_amount, 0) as credit_amount,
    {{ signed_amount('gl.debit_amount', 'gl.credit_amount') }} as amount,
    coalesce(gl.trx_debit_amount, 0) as trx_debit_amount,
    coalesce(gl.trx_credit_amount, 0) as trx_credit_amount,
    {{ signed_amount('gl.trx_debit_amount', 'gl.trx_credit_amount') }} as trx_amount,
    gl.department_id,
    gl.location_id,
    gl.project_id,
    gl.task_id,
    gl.class_id,
    gl.customer_id,
    gl.vendor_id,
    gl.employee_id,
    gl.item_id,
    gl.fund_id,
    gl.state,
    gl.loaded_at
from {{ ref('stg_intacct__gl_detail') }} as gl
{% if is_incremental() %}
where gl.loaded_at > (select max(loaded_at) from {{ this }})
{% endif %}
