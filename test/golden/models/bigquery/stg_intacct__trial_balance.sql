-- Intacct's own trial balance (get_trialbalance) per entity and reporting period, as the runner
-- stored it. Disable with var intacct_trial_balance_enabled: false under plain dbt if not loaded.


select
    `entity_id` as entity_id,
    `period_start` as period_start_date,
    `period_end` as period_end_date,
    `account_no` as account_no,
    `start_balance` as start_balance,
    `debits` as debits,
    `credits` as credits,
    `end_balance` as end_balance
from `intacct_raw`.`intacct_trial_balance`
