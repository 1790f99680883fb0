-- Intacct's own trial balance (get_trialbalance) per entity and reporting period, as the runner
-- stored it. Disable with var intacct_trial_balance_enabled: false under plain dbt if not loaded.
{{ config(enabled=var('intacct_trial_balance_enabled', true), tags=['intacct_api']) }}

select
    {{ adapter.quote('entity_id') }} as entity_id,
    {{ adapter.quote('period_start') }} as period_start_date,
    {{ adapter.quote('period_end') }} as period_end_date,
    {{ adapter.quote('account_no') }} as account_no,
    {{ adapter.quote('start_balance') }} as start_balance,
    {{ adapter.quote('debits') }} as debits,
    {{ adapter.quote('credits') }} as credits,
    {{ adapter.quote('end_balance') }} as end_balance
from {{ source('intacct', 'intacct_trial_balance') }}
