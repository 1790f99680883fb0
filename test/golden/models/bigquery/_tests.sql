-- unique_ap_aging_ap_bill_key
select ap_bill_key as unique_field, count(*) as n_records
from `analytics_marts`.`ap_aging`
where ap_bill_key is not null
group by ap_bill_key
having count(*) > 1

-- accepted_values_ap_aging_aging_bucket
select aging_bucket as value_field, count(*) as n_records
from `analytics_marts`.`ap_aging`
where aging_bucket is not null
  and aging_bucket not in ('0-30', '31-60', '61-90', '90+')
group by aging_bucket

-- unique_ar_aging_ar_invoice_key
select ar_invoice_key as unique_field, count(*) as n_records
from `analytics_marts`.`ar_aging`
where ar_invoice_key is not null
group by ar_invoice_key
having count(*) > 1

-- accepted_values_ar_aging_aging_bucket
select aging_bucket as value_field, count(*) as n_records
from `analytics_marts`.`ar_aging`
where aging_bucket is not null
  and aging_bucket not in ('0-30', '31-60', '61-90', '90+')
group by aging_bucket

-- nets_to_zero_balance_sheet
select
    entity_id, book_id, period_end_date,
    sum(closing_balance) as net_balance,
    sum(closing_balance) as debits,
    sum(closing_balance) as credits
from `analytics_marts`.`balance_sheet`
group by entity_id, book_id, period_end_date
having abs(sum(closing_balance)) > 0
    or abs(sum(closing_balance) - sum(closing_balance)) > 0

-- unique_dim_account_account_no
select account_no as unique_field, count(*) as n_records
from `analytics_marts`.`dim_account`
where account_no is not null
group by account_no
having count(*) > 1

-- not_null_dim_account_account_no
select *
from `analytics_marts`.`dim_account`
where account_no is null

-- accepted_values_dim_account_account_type
select account_type as value_field, count(*) as n_records
from `analytics_marts`.`dim_account`
where account_type is not null
  and account_type not in ('balancesheet', 'incomestatement')
group by account_type

-- accepted_values_dim_account_normal_balance
select normal_balance as value_field, count(*) as n_records
from `analytics_marts`.`dim_account`
where normal_balance is not null
  and normal_balance not in ('debit', 'credit')
group by normal_balance

-- unique_dim_class_class_id
select class_id as unique_field, count(*) as n_records
from `analytics_marts`.`dim_class`
where class_id is not null
group by class_id
having count(*) > 1

-- not_null_dim_class_class_id
select *
from `analytics_marts`.`dim_class`
where class_id is null

-- unique_dim_customer_customer_id
select customer_id as unique_field, count(*) as n_records
from `analytics_marts`.`dim_customer`
where customer_id is not null
group by customer_id
having count(*) > 1

-- not_null_dim_customer_customer_id
select *
from `analytics_marts`.`dim_customer`
where customer_id is null

-- unique_dim_date_date_day
select date_day as unique_field, count(*) as n_records
from `analytics_marts`.`dim_date`
where date_day is not null
group by date_day
having count(*) > 1

-- not_null_dim_date_date_day
select *
from `analytics_marts`.`dim_date`
where date_day is null

-- unique_dim_department_department_id
select department_id as unique_field, count(*) as n_records
from `analytics_marts`.`dim_department`
where department_id is not null
group by department_id
having count(*) > 1

-- not_null_dim_department_department_id
select *
from `analytics_marts`.`dim_department`
where department_id is null

-- unique_dim_employee_employee_id
select employee_id as unique_field, count(*) as n_records
from `analytics_marts`.`dim_employee`
where employee_id is not null
group by employee_id
having count(*) > 1

-- not_null_dim_employee_employee_id
select *
from `analytics_marts`.`dim_employee`
where employee_id is null

-- unique_dim_entity_entity_id
select entity_id as unique_field, count(*) as n_records
from `analytics_marts`.`dim_entity`
where entity_id is not null
group by entity_id
having count(*) > 1

-- not_null_dim_entity_entity_id
select *
from `analytics_marts`.`dim_entity`
where entity_id is null

-- unique_dim_fiscal_period_period_start_date
select period_start_date as unique_field, count(*) as n_records
from `analytics_marts`.`dim_fiscal_period`
where period_start_date is not null
group by period_start_date
having count(*) > 1

-- not_null_dim_fiscal_period_period_start_date
select *
from `analytics_marts`.`dim_fiscal_period`
where period_start_date is null

-- unique_dim_fund_fund_id
select fund_id as unique_field, count(*) as n_records
from `analytics_marts`.`dim_fund`
where fund_id is not null
group by fund_id
having count(*) > 1

-- unique_dim_item_item_id
select item_id as unique_field, count(*) as n_records
from `analytics_marts`.`dim_item`
where item_id is not null
group by item_id
having count(*) > 1

-- not_null_dim_item_item_id
select *
from `analytics_marts`.`dim_item`
where item_id is null

-- unique_dim_location_location_id
select location_id as unique_field, count(*) as n_records
from `analytics_marts`.`dim_location`
where location_id is not null
group by location_id
having count(*) > 1

-- not_null_dim_location_location_id
select *
from `analytics_marts`.`dim_location`
where location_id is null

-- unique_dim_project_project_id
select project_id as unique_field, count(*) as n_records
from `analytics_marts`.`dim_project`
where project_id is not null
group by project_id
having count(*) > 1

-- not_null_dim_project_project_id
select *
from `analytics_marts`.`dim_project`
where project_id is null

-- unique_dim_task_task_key
select task_key as unique_field, count(*) as n_records
from `analytics_marts`.`dim_task`
where task_key is not null
group by task_key
having count(*) > 1

-- not_null_dim_task_task_key
select *
from `analytics_marts`.`dim_task`
where task_key is null

-- unique_dim_vendor_vendor_id
select vendor_id as unique_field, count(*) as n_records
from `analytics_marts`.`dim_vendor`
where vendor_id is not null
group by vendor_id
having count(*) > 1

-- not_null_dim_vendor_vendor_id
select *
from `analytics_marts`.`dim_vendor`
where vendor_id is null

-- unique_fct_ap_bill_ap_bill_key
select ap_bill_key as unique_field, count(*) as n_records
from `analytics_marts`.`fct_ap_bill`
where ap_bill_key is not null
group by ap_bill_key
having count(*) > 1

-- not_null_fct_ap_bill_ap_bill_key
select *
from `analytics_marts`.`fct_ap_bill`
where ap_bill_key is null

-- has_gl_entries_fct_ap_bill_gl_batch_key
select doc.gl_batch_key as document_key
from `analytics_marts`.`fct_ap_bill` as doc
left join (select distinct batch_key as batch from `analytics_marts`.`fct_gl_entry`) as gl
    on doc.gl_batch_key = gl.batch
where doc.gl_batch_key is not null
  and gl.batch is null

-- unique_fct_ap_bill_line_ap_bill_line_key
select ap_bill_line_key as unique_field, count(*) as n_records
from `analytics_marts`.`fct_ap_bill_line`
where ap_bill_line_key is not null
group by ap_bill_line_key
having count(*) > 1

-- not_null_fct_ap_bill_line_ap_bill_line_key
select *
from `analytics_marts`.`fct_ap_bill_line`
where ap_bill_line_key is null

-- unique_fct_ap_payment_ap_payment_detail_key
select ap_payment_detail_key as unique_field, count(*) as n_records
from `analytics_marts`.`fct_ap_payment`
where ap_payment_detail_key is not null
group by ap_payment_detail_key
having count(*) > 1

-- not_null_fct_ap_payment_ap_payment_detail_key
select *
from `analytics_marts`.`fct_ap_payment`
where ap_payment_detail_key is null

-- unique_fct_ar_invoice_ar_invoice_key
select ar_invoice_key as unique_field, count(*) as n_records
from `analytics_marts`.`fct_ar_invoice`
where ar_invoice_key is not null
group by ar_invoice_key
having count(*) > 1

-- not_null_fct_ar_invoice_ar_invoice_key
select *
from `analytics_marts`.`fct_ar_invoice`
where ar_invoice_key is null

-- has_gl_entries_fct_ar_invoice_gl_batch_key
select doc.gl_batch_key as document_key
from `analytics_marts`.`fct_ar_invoice` as doc
left join (select distinct batch_key as batch from `analytics_marts`.`fct_gl_entry`) as gl
    on doc.gl_batch_key = gl.batch
where doc.gl_batch_key is not null
  and gl.batch is null

-- unique_fct_ar_invoice_line_ar_invoice_line_key
select ar_invoice_line_key as unique_field, count(*) as n_records
from `analytics_marts`.`fct_ar_invoice_line`
where ar_invoice_line_key is not null
group by ar_invoice_line_key
having count(*) > 1

-- not_null_fct_ar_invoice_line_ar_invoice_line_key
select *
from `analytics_marts`.`fct_ar_invoice_line`
where ar_invoice_line_key is null

-- unique_fct_ar_payment_ar_payment_detail_key
select ar_payment_detail_key as unique_field, count(*) as n_records
from `analytics_marts`.`fct_ar_payment`
where ar_payment_detail_key is not null
group by ar_payment_detail_key
having count(*) > 1

-- not_null_fct_ar_payment_ar_payment_detail_key
select *
from `analytics_marts`.`fct_ar_payment`
where ar_payment_detail_key is null

-- unique_fct_budget_budget_item_key
select budget_item_key as unique_field, count(*) as n_records
from `analytics_marts`.`fct_budget`
where budget_item_key is not null
group by budget_item_key
having count(*) > 1

-- not_null_fct_budget_budget_item_key
select *
from `analytics_marts`.`fct_budget`
where budget_item_key is null

-- unique_fct_gl_entry_gl_entry_key
select gl_entry_key as unique_field, count(*) as n_records
from `analytics_marts`.`fct_gl_entry`
where gl_entry_key is not null
group by gl_entry_key
having count(*) > 1

-- not_null_fct_gl_entry_gl_entry_key
select *
from `analytics_marts`.`fct_gl_entry`
where gl_entry_key is null

-- not_null_fct_gl_entry_batch_key
select *
from `analytics_marts`.`fct_gl_entry`
where batch_key is null

-- relationships_fct_gl_entry_entity_id
select child.entity_id as from_field
from `analytics_marts`.`fct_gl_entry` as child
left join `analytics_marts`.`dim_entity` as parent
  on child.entity_id = parent.entity_id
where child.entity_id is not null
  and parent.entity_id is null

-- not_null_fct_gl_entry_account_no
select *
from `analytics_marts`.`fct_gl_entry`
where account_no is null

-- relationships_fct_gl_entry_account_no
select child.account_no as from_field
from `analytics_marts`.`fct_gl_entry` as child
left join `analytics_marts`.`dim_account` as parent
  on child.account_no = parent.account_no
where child.account_no is not null
  and parent.account_no is null

-- relationships_fct_gl_entry_department_id
select child.department_id as from_field
from `analytics_marts`.`fct_gl_entry` as child
left join `analytics_marts`.`dim_department` as parent
  on child.department_id = parent.department_id
where child.department_id is not null
  and parent.department_id is null

-- balanced_batches_fct_gl_entry
select
    entity_id, batch_key,
    sum(debit_amount) as debits,
    sum(credit_amount) as credits,
    sum(debit_amount) - sum(credit_amount) as difference
from `analytics_marts`.`fct_gl_entry`
group by entity_id, batch_key
having abs(sum(debit_amount) - sum(credit_amount)) > 0

-- unique_fct_timesheet_entry_timesheet_entry_key
select timesheet_entry_key as unique_field, count(*) as n_records
from `analytics_marts`.`fct_timesheet_entry`
where timesheet_entry_key is not null
group by timesheet_entry_key
having count(*) > 1

-- not_null_fct_timesheet_entry_timesheet_entry_key
select *
from `analytics_marts`.`fct_timesheet_entry`
where timesheet_entry_key is null

-- not_null_intercompany_reconciliation_creditor_entity_id
select *
from `analytics_marts`.`intercompany_reconciliation`
where creditor_entity_id is null

-- not_null_intercompany_reconciliation_debtor_entity_id
select *
from `analytics_marts`.`intercompany_reconciliation`
where debtor_entity_id is null

-- ties_out_intercompany_reconciliation
select *
from `analytics_marts`.`intercompany_reconciliation`
where abs(coalesce(abs(difference) + abs(coalesce(reporting_difference, 1)), 0)) > 0

-- ties_out_subledger_tie_out
select *
from `analytics_marts`.`subledger_tie_out`
where abs(coalesce(difference, 0)) > 0

-- nets_to_zero_trial_balance
select
    entity_id, book_id, period_start_date,
    sum(closing_balance) as net_balance,
    sum(period_debits) as debits,
    sum(period_credits) as credits
from `analytics_marts`.`trial_balance`
group by entity_id, book_id, period_start_date
having abs(sum(closing_balance)) > 0
    or abs(sum(period_debits) - sum(period_credits)) > 0

-- nets_to_zero_trial_balance_consolidated
select
    base_currency, book_id, period_start_date,
    sum(closing_balance) as net_balance,
    sum(period_debits) as debits,
    sum(period_credits) as credits
from `analytics_marts`.`trial_balance_consolidated`
group by base_currency, book_id, period_start_date
having abs(sum(closing_balance)) > 0
    or abs(sum(period_debits) - sum(period_credits)) > 0

-- ties_out_trial_balance_tie_out
select *
from `analytics_marts`.`trial_balance_tie_out`
where abs(coalesce(difference, 0)) > 0

-- not_null_rev_card_payments_external_key
select *
from `analytics_reverse`.`rev_card_payments`
where external_key is null

-- unique_rev_card_payments_external_key
select external_key as unique_field, count(*) as n_records
from `analytics_reverse`.`rev_card_payments`
where external_key is not null
group by external_key
having count(*) > 1

-- not_null_rev_crm_customers_external_key
select *
from `analytics_reverse`.`rev_crm_customers`
where external_key is null

-- unique_rev_crm_customers_external_key
select external_key as unique_field, count(*) as n_records
from `analytics_reverse`.`rev_crm_customers`
where external_key is not null
group by external_key
having count(*) > 1

-- not_null_rev_crm_customers_name
select *
from `analytics_reverse`.`rev_crm_customers`
where name is null

-- not_null_rev_crm_invoices_external_key
select *
from `analytics_reverse`.`rev_crm_invoices`
where external_key is null

-- not_null_rev_intercompany_eliminations_external_key
select *
from `analytics_reverse`.`rev_intercompany_eliminations`
where external_key is null

-- accepted_values_rev_intercompany_eliminations_line_side
select line_side as value_field, count(*) as n_records
from `analytics_reverse`.`rev_intercompany_eliminations`
where line_side is not null
  and line_side not in ('debit', 'credit')
group by line_side

-- not_null_rev_intercompany_transactions_external_key
select *
from `analytics_reverse`.`rev_intercompany_transactions`
where external_key is null

-- accepted_values_rev_intercompany_transactions_line_side
select line_side as value_field, count(*) as n_records
from `analytics_reverse`.`rev_intercompany_transactions`
where line_side is not null
  and line_side not in ('debit', 'credit')
group by line_side

-- not_null_rev_payroll_journal_external_key
select *
from `analytics_reverse`.`rev_payroll_journal`
where external_key is null

-- accepted_values_rev_payroll_journal_line_side
select line_side as value_field, count(*) as n_records
from `analytics_reverse`.`rev_payroll_journal`
where line_side is not null
  and line_side not in ('debit', 'credit')
group by line_side

-- not_null_rev_procurement_bills_external_key
select *
from `analytics_reverse`.`rev_procurement_bills`
where external_key is null

-- not_null_rev_subscription_revenue_external_key
select *
from `analytics_reverse`.`rev_subscription_revenue`
where external_key is null

-- accepted_values_rev_subscription_revenue_line_side
select line_side as value_field, count(*) as n_records
from `analytics_reverse`.`rev_subscription_revenue`
where line_side is not null
  and line_side not in ('debit', 'credit')
group by line_side

-- not_null_rev_timesheet_costs_external_key
select *
from `analytics_reverse`.`rev_timesheet_costs`
where external_key is null

-- accepted_values_rev_timesheet_costs_line_side
select line_side as value_field, count(*) as n_records
from `analytics_reverse`.`rev_timesheet_costs`
where line_side is not null
  and line_side not in ('debit', 'credit')
group by line_side

-- unique_stg_intacct__ap_bill_ap_bill_key
select ap_bill_key as unique_field, count(*) as n_records
from `analytics_staging`.`stg_intacct__ap_bill`
where ap_bill_key is not null
group by ap_bill_key
having count(*) > 1

-- not_null_stg_intacct__ap_bill_ap_bill_key
select *
from `analytics_staging`.`stg_intacct__ap_bill`
where ap_bill_key is null

-- not_null_stg_intacct__ap_bill_entity_id
select *
from `analytics_staging`.`stg_intacct__ap_bill`
where entity_id is null

-- unique_stg_intacct__ap_bill_item_ap_bill_line_key
select ap_bill_line_key as unique_field, count(*) as n_records
from `analytics_staging`.`stg_intacct__ap_bill_item`
where ap_bill_line_key is not null
group by ap_bill_line_key
having count(*) > 1

-- not_null_stg_intacct__ap_bill_item_ap_bill_line_key
select *
from `analytics_staging`.`stg_intacct__ap_bill_item`
where ap_bill_line_key is null

-- not_null_stg_intacct__ap_bill_item_entity_id
select *
from `analytics_staging`.`stg_intacct__ap_bill_item`
where entity_id is null

-- unique_stg_intacct__ap_payment_ap_payment_key
select ap_payment_key as unique_field, count(*) as n_records
from `analytics_staging`.`stg_intacct__ap_payment`
where ap_payment_key is not null
group by ap_payment_key
having count(*) > 1

-- not_null_stg_intacct__ap_payment_ap_payment_key
select *
from `analytics_staging`.`stg_intacct__ap_payment`
where ap_payment_key is null

-- not_null_stg_intacct__ap_payment_entity_id
select *
from `analytics_staging`.`stg_intacct__ap_payment`
where entity_id is null

-- unique_stg_intacct__ap_payment_detail_ap_payment_detail_key
select ap_payment_detail_key as unique_field, count(*) as n_records
from `analytics_staging`.`stg_intacct__ap_payment_detail`
where ap_payment_detail_key is not null
group by ap_payment_detail_key
having count(*) > 1

-- not_null_stg_intacct__ap_payment_detail_ap_payment_detail_key
select *
from `analytics_staging`.`stg_intacct__ap_payment_detail`
where ap_payment_detail_key is null

-- not_null_stg_intacct__ap_payment_detail_entity_id
select *
from `analytics_staging`.`stg_intacct__ap_payment_detail`
where entity_id is null

-- unique_stg_intacct__ar_invoice_ar_invoice_key
select ar_invoice_key as unique_field, count(*) as n_records
from `analytics_staging`.`stg_intacct__ar_invoice`
where ar_invoice_key is not null
group by ar_invoice_key
having count(*) > 1

-- not_null_stg_intacct__ar_invoice_ar_invoice_key
select *
from `analytics_staging`.`stg_intacct__ar_invoice`
where ar_invoice_key is null

-- not_null_stg_intacct__ar_invoice_entity_id
select *
from `analytics_staging`.`stg_intacct__ar_invoice`
where entity_id is null

-- unique_stg_intacct__ar_invoice_item_ar_invoice_line_key
select ar_invoice_line_key as unique_field, count(*) as n_records
from `analytics_staging`.`stg_intacct__ar_invoice_item`
where ar_invoice_line_key is not null
group by ar_invoice_line_key
having count(*) > 1

-- not_null_stg_intacct__ar_invoice_item_ar_invoice_line_key
select *
from `analytics_staging`.`stg_intacct__ar_invoice_item`
where ar_invoice_line_key is null

-- not_null_stg_intacct__ar_invoice_item_entity_id
select *
from `analytics_staging`.`stg_intacct__ar_invoice_item`
where entity_id is null

-- unique_stg_intacct__ar_payment_ar_payment_key
select ar_payment_key as unique_field, count(*) as n_records
from `analytics_staging`.`stg_intacct__ar_payment`
where ar_payment_key is not null
group by ar_payment_key
having count(*) > 1

-- not_null_stg_intacct__ar_payment_ar_payment_key
select *
from `analytics_staging`.`stg_intacct__ar_payment`
where ar_payment_key is null

-- not_null_stg_intacct__ar_payment_entity_id
select *
from `analytics_staging`.`stg_intacct__ar_payment`
where entity_id is null

-- unique_stg_intacct__ar_payment_detail_ar_payment_detail_key
select ar_payment_detail_key as unique_field, count(*) as n_records
from `analytics_staging`.`stg_intacct__ar_payment_detail`
where ar_payment_detail_key is not null
group by ar_payment_detail_key
having count(*) > 1

-- not_null_stg_intacct__ar_payment_detail_ar_payment_detail_key
select *
from `analytics_staging`.`stg_intacct__ar_payment_detail`
where ar_payment_detail_key is null

-- not_null_stg_intacct__ar_payment_detail_entity_id
select *
from `analytics_staging`.`stg_intacct__ar_payment_detail`
where entity_id is null

-- unique_stg_intacct__class_class_key
select class_key as unique_field, count(*) as n_records
from `analytics_staging`.`stg_intacct__class`
where class_key is not null
group by class_key
having count(*) > 1

-- not_null_stg_intacct__class_class_key
select *
from `analytics_staging`.`stg_intacct__class`
where class_key is null

-- unique_stg_intacct__customer_customer_key
select customer_key as unique_field, count(*) as n_records
from `analytics_staging`.`stg_intacct__customer`
where customer_key is not null
group by customer_key
having count(*) > 1

-- not_null_stg_intacct__customer_customer_key
select *
from `analytics_staging`.`stg_intacct__customer`
where customer_key is null

-- unique_stg_intacct__department_department_key
select department_key as unique_field, count(*) as n_records
from `analytics_staging`.`stg_intacct__department`
where department_key is not null
group by department_key
having count(*) > 1

-- not_null_stg_intacct__department_department_key
select *
from `analytics_staging`.`stg_intacct__department`
where department_key is null

-- unique_stg_intacct__employee_employee_key
select employee_key as unique_field, count(*) as n_records
from `analytics_staging`.`stg_intacct__employee`
where employee_key is not null
group by employee_key
having count(*) > 1

-- not_null_stg_intacct__employee_employee_key
select *
from `analytics_staging`.`stg_intacct__employee`
where employee_key is null

-- unique_stg_intacct__exchange_rate_exchange_rate_key
select exchange_rate_key as unique_field, count(*) as n_records
from `analytics_staging`.`stg_intacct__exchange_rate`
where exchange_rate_key is not null
group by exchange_rate_key
having count(*) > 1

-- not_null_stg_intacct__exchange_rate_exchange_rate_key
select *
from `analytics_staging`.`stg_intacct__exchange_rate`
where exchange_rate_key is null

-- unique_stg_intacct__exchange_rate_entry_exchange_rate_entry_key
select exchange_rate_entry_key as unique_field, count(*) as n_records
from `analytics_staging`.`stg_intacct__exchange_rate_entry`
where exchange_rate_entry_key is not null
group by exchange_rate_entry_key
having count(*) > 1

-- not_null_stg_intacct__exchange_rate_entry_exchange_rate_entry_key
select *
from `analytics_staging`.`stg_intacct__exchange_rate_entry`
where exchange_rate_entry_key is null

-- unique_stg_intacct__fund_fund_key
select fund_key as unique_field, count(*) as n_records
from `analytics_staging`.`stg_intacct__fund`
where fund_key is not null
group by fund_key
having count(*) > 1

-- not_null_stg_intacct__fund_fund_key
select *
from `analytics_staging`.`stg_intacct__fund`
where fund_key is null

-- unique_stg_intacct__gl_account_account_key
select account_key as unique_field, count(*) as n_records
from `analytics_staging`.`stg_intacct__gl_account`
where account_key is not null
group by account_key
having count(*) > 1

-- not_null_stg_intacct__gl_account_account_key
select *
from `analytics_staging`.`stg_intacct__gl_account`
where account_key is null

-- unique_stg_intacct__gl_batch_batch_key
select batch_key as unique_field, count(*) as n_records
from `analytics_staging`.`stg_intacct__gl_batch`
where batch_key is not null
group by batch_key
having count(*) > 1

-- not_null_stg_intacct__gl_batch_batch_key
select *
from `analytics_staging`.`stg_intacct__gl_batch`
where batch_key is null

-- not_null_stg_intacct__gl_batch_entity_id
select *
from `analytics_staging`.`stg_intacct__gl_batch`
where entity_id is null

-- unique_stg_intacct__gl_budget_header_budget_key
select budget_key as unique_field, count(*) as n_records
from `analytics_staging`.`stg_intacct__gl_budget_header`
where budget_key is not null
group by budget_key
having count(*) > 1

-- not_null_stg_intacct__gl_budget_header_budget_key
select *
from `analytics_staging`.`stg_intacct__gl_budget_header`
where budget_key is null

-- not_null_stg_intacct__gl_budget_header_entity_id
select *
from `analytics_staging`.`stg_intacct__gl_budget_header`
where entity_id is null

-- unique_stg_intacct__gl_budget_item_budget_item_key
select budget_item_key as unique_field, count(*) as n_records
from `analytics_staging`.`stg_intacct__gl_budget_item`
where budget_item_key is not null
group by budget_item_key
having count(*) > 1

-- not_null_stg_intacct__gl_budget_item_budget_item_key
select *
from `analytics_staging`.`stg_intacct__gl_budget_item`
where budget_item_key is null

-- not_null_stg_intacct__gl_budget_item_entity_id
select *
from `analytics_staging`.`stg_intacct__gl_budget_item`
where entity_id is null

-- unique_stg_intacct__gl_detail_gl_entry_key
select gl_entry_key as unique_field, count(*) as n_records
from `analytics_staging`.`stg_intacct__gl_detail`
where gl_entry_key is not null
group by gl_entry_key
having count(*) > 1

-- not_null_stg_intacct__gl_detail_gl_entry_key
select *
from `analytics_staging`.`stg_intacct__gl_detail`
where gl_entry_key is null

-- not_null_stg_intacct__gl_detail_entity_id
select *
from `analytics_staging`.`stg_intacct__gl_detail`
where entity_id is null

-- unique_stg_intacct__item_item_key
select item_key as unique_field, count(*) as n_records
from `analytics_staging`.`stg_intacct__item`
where item_key is not null
group by item_key
having count(*) > 1

-- not_null_stg_intacct__item_item_key
select *
from `analytics_staging`.`stg_intacct__item`
where item_key is null

-- unique_stg_intacct__location_location_key
select location_key as unique_field, count(*) as n_records
from `analytics_staging`.`stg_intacct__location`
where location_key is not null
group by location_key
having count(*) > 1

-- not_null_stg_intacct__location_location_key
select *
from `analytics_staging`.`stg_intacct__location`
where location_key is null

-- unique_stg_intacct__location_entity_entity_key
select entity_key as unique_field, count(*) as n_records
from `analytics_staging`.`stg_intacct__location_entity`
where entity_key is not null
group by entity_key
having count(*) > 1

-- not_null_stg_intacct__location_entity_entity_key
select *
from `analytics_staging`.`stg_intacct__location_entity`
where entity_key is null

-- unique_stg_intacct__po_document_po_document_key
select po_document_key as unique_field, count(*) as n_records
from `analytics_staging`.`stg_intacct__po_document`
where po_document_key is not null
group by po_document_key
having count(*) > 1

-- not_null_stg_intacct__po_document_po_document_key
select *
from `analytics_staging`.`stg_intacct__po_document`
where po_document_key is null

-- not_null_stg_intacct__po_document_entity_id
select *
from `analytics_staging`.`stg_intacct__po_document`
where entity_id is null

-- unique_stg_intacct__po_document_entry_po_document_line_key
select po_document_line_key as unique_field, count(*) as n_records
from `analytics_staging`.`stg_intacct__po_document_entry`
where po_document_line_key is not null
group by po_document_line_key
having count(*) > 1

-- not_null_stg_intacct__po_document_entry_po_document_line_key
select *
from `analytics_staging`.`stg_intacct__po_document_entry`
where po_document_line_key is null

-- not_null_stg_intacct__po_document_entry_entity_id
select *
from `analytics_staging`.`stg_intacct__po_document_entry`
where entity_id is null

-- unique_stg_intacct__project_project_key
select project_key as unique_field, count(*) as n_records
from `analytics_staging`.`stg_intacct__project`
where project_key is not null
group by project_key
having count(*) > 1

-- not_null_stg_intacct__project_project_key
select *
from `analytics_staging`.`stg_intacct__project`
where project_key is null

-- unique_stg_intacct__reporting_period_period_key
select period_key as unique_field, count(*) as n_records
from `analytics_staging`.`stg_intacct__reporting_period`
where period_key is not null
group by period_key
having count(*) > 1

-- not_null_stg_intacct__reporting_period_period_key
select *
from `analytics_staging`.`stg_intacct__reporting_period`
where period_key is null

-- unique_stg_intacct__task_task_key
select task_key as unique_field, count(*) as n_records
from `analytics_staging`.`stg_intacct__task`
where task_key is not null
group by task_key
having count(*) > 1

-- not_null_stg_intacct__task_task_key
select *
from `analytics_staging`.`stg_intacct__task`
where task_key is null

-- unique_stg_intacct__timesheet_timesheet_key
select timesheet_key as unique_field, count(*) as n_records
from `analytics_staging`.`stg_intacct__timesheet`
where timesheet_key is not null
group by timesheet_key
having count(*) > 1

-- not_null_stg_intacct__timesheet_timesheet_key
select *
from `analytics_staging`.`stg_intacct__timesheet`
where timesheet_key is null

-- not_null_stg_intacct__timesheet_entity_id
select *
from `analytics_staging`.`stg_intacct__timesheet`
where entity_id is null

-- unique_stg_intacct__timesheet_entry_timesheet_entry_key
select timesheet_entry_key as unique_field, count(*) as n_records
from `analytics_staging`.`stg_intacct__timesheet_entry`
where timesheet_entry_key is not null
group by timesheet_entry_key
having count(*) > 1

-- not_null_stg_intacct__timesheet_entry_timesheet_entry_key
select *
from `analytics_staging`.`stg_intacct__timesheet_entry`
where timesheet_entry_key is null

-- not_null_stg_intacct__timesheet_entry_entity_id
select *
from `analytics_staging`.`stg_intacct__timesheet_entry`
where entity_id is null

-- unique_stg_intacct__trx_currencies_currency_key
select currency_key as unique_field, count(*) as n_records
from `analytics_staging`.`stg_intacct__trx_currencies`
where currency_key is not null
group by currency_key
having count(*) > 1

-- not_null_stg_intacct__trx_currencies_currency_key
select *
from `analytics_staging`.`stg_intacct__trx_currencies`
where currency_key is null

-- unique_stg_intacct__vendor_vendor_key
select vendor_key as unique_field, count(*) as n_records
from `analytics_staging`.`stg_intacct__vendor`
where vendor_key is not null
group by vendor_key
having count(*) > 1

-- not_null_stg_intacct__vendor_vendor_key
select *
from `analytics_staging`.`stg_intacct__vendor`
where vendor_key is null
