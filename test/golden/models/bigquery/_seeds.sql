-- account_categories
create or replace table `analytics_seeds`.`account_categories` as
select cast('Cash and Cash Equivalents' as string) as `category`, cast('Balance Sheet' as string) as `statement`, cast('Current Assets' as string) as `section`, cast('Assets' as string) as `account_class`, cast('10' as int64) as `sort_order`
union all
select cast('Accounts Receivable' as string) as `category`, cast('Balance Sheet' as string) as `statement`, cast('Current Assets' as string) as `section`, cast('Assets' as string) as `account_class`, cast('20' as int64) as `sort_order`
union all
select cast('Other Current Assets' as string) as `category`, cast('Balance Sheet' as string) as `statement`, cast('Current Assets' as string) as `section`, cast('Assets' as string) as `account_class`, cast('30' as int64) as `sort_order`
union all
select cast('Inventory' as string) as `category`, cast('Balance Sheet' as string) as `statement`, cast('Current Assets' as string) as `section`, cast('Assets' as string) as `account_class`, cast('40' as int64) as `sort_order`
union all
select cast('Fixed Assets' as string) as `category`, cast('Balance Sheet' as string) as `statement`, cast('Non-current Assets' as string) as `section`, cast('Assets' as string) as `account_class`, cast('50' as int64) as `sort_order`
union all
select cast('Other Assets' as string) as `category`, cast('Balance Sheet' as string) as `statement`, cast('Non-current Assets' as string) as `section`, cast('Assets' as string) as `account_class`, cast('60' as int64) as `sort_order`
union all
select cast('Accounts Payable' as string) as `category`, cast('Balance Sheet' as string) as `statement`, cast('Current Liabilities' as string) as `section`, cast('Liabilities' as string) as `account_class`, cast('110' as int64) as `sort_order`
union all
select cast('Accrued Liabilities' as string) as `category`, cast('Balance Sheet' as string) as `statement`, cast('Current Liabilities' as string) as `section`, cast('Liabilities' as string) as `account_class`, cast('120' as int64) as `sort_order`
union all
select cast('Other Current Liabilities' as string) as `category`, cast('Balance Sheet' as string) as `statement`, cast('Current Liabilities' as string) as `section`, cast('Liabilities' as string) as `account_class`, cast('130' as int64) as `sort_order`
union all
select cast('Long Term Liabilities' as string) as `category`, cast('Balance Sheet' as string) as `statement`, cast('Non-current Liabilities' as string) as `section`, cast('Liabilities' as string) as `account_class`, cast('140' as int64) as `sort_order`
union all
select cast('Equity' as string) as `category`, cast('Balance Sheet' as string) as `statement`, cast('Equity' as string) as `section`, cast('Equity' as string) as `account_class`, cast('210' as int64) as `sort_order`
union all
select cast('Retained Earnings' as string) as `category`, cast('Balance Sheet' as string) as `statement`, cast('Equity' as string) as `section`, cast('Equity' as string) as `account_class`, cast('220' as int64) as `sort_order`
union all
select cast('Revenue' as string) as `category`, cast('Income Statement' as string) as `statement`, cast('Revenue' as string) as `section`, cast('Revenue' as string) as `account_class`, cast('310' as int64) as `sort_order`
union all
select cast('Other Income' as string) as `category`, cast('Income Statement' as string) as `statement`, cast('Other Income' as string) as `section`, cast('Revenue' as string) as `account_class`, cast('320' as int64) as `sort_order`
union all
select cast('Cost of Sales' as string) as `category`, cast('Income Statement' as string) as `statement`, cast('Cost of Sales' as string) as `section`, cast('Expenses' as string) as `account_class`, cast('410' as int64) as `sort_order`
union all
select cast('Operating Expenses' as string) as `category`, cast('Income Statement' as string) as `statement`, cast('Operating Expenses' as string) as `section`, cast('Expenses' as string) as `account_class`, cast('420' as int64) as `sort_order`
union all
select cast('Other Expense' as string) as `category`, cast('Income Statement' as string) as `statement`, cast('Other Expense' as string) as `section`, cast('Expenses' as string) as `account_class`, cast('430' as int64) as `sort_order`

-- adp_payroll_register
create or replace table `analytics_seeds`.`adp_payroll_register` as
select cast('PR-2026-10-B' as string) as `run_id`, cast('2026-10-31' as string) as `pay_date`, cast('ACME-US' as string) as `company_code`, cast('W1001' as string) as `worker_id`, cast('R&D' as string) as `home_department`, cast('earning' as string) as `code_type`, cast('REG' as string) as `code`, cast('7500.00' as numeric(38,9)) as `amount`
union all
select cast('PR-2026-10-B' as string) as `run_id`, cast('2026-10-31' as string) as `pay_date`, cast('ACME-US' as string) as `company_code`, cast('W1001' as string) as `worker_id`, cast('R&D' as string) as `home_department`, cast('earning' as string) as `code_type`, cast('OT' as string) as `code`, cast('420.00' as numeric(38,9)) as `amount`
union all
select cast('PR-2026-10-B' as string) as `run_id`, cast('2026-10-31' as string) as `pay_date`, cast('ACME-US' as string) as `company_code`, cast('W1001' as string) as `worker_id`, cast('R&D' as string) as `home_department`, cast('employee_tax' as string) as `code_type`, cast('FIT' as string) as `code`, cast('1310.25' as numeric(38,9)) as `amount`
union all
select cast('PR-2026-10-B' as string) as `run_id`, cast('2026-10-31' as string) as `pay_date`, cast('ACME-US' as string) as `company_code`, cast('W1001' as string) as `worker_id`, cast('R&D' as string) as `home_department`, cast('deduction' as string) as `code_type`, cast('401K' as string) as `code`, cast('450.00' as numeric(38,9)) as `amount`
union all
select cast('PR-2026-10-B' as string) as `run_id`, cast('2026-10-31' as string) as `pay_date`, cast('ACME-US' as string) as `company_code`, cast('W1001' as string) as `worker_id`, cast('R&D' as string) as `home_department`, cast('employer_tax' as string) as `code_type`, cast('ER_FICA' as string) as `code`, cast('605.88' as numeric(38,9)) as `amount`
union all
select cast('PR-2026-10-B' as string) as `run_id`, cast('2026-10-31' as string) as `pay_date`, cast('ACME-US' as string) as `company_code`, cast('W1002' as string) as `worker_id`, cast('Sales' as string) as `home_department`, cast('earning' as string) as `code_type`, cast('REG' as string) as `code`, cast('6200.00' as numeric(38,9)) as `amount`
union all
select cast('PR-2026-10-B' as string) as `run_id`, cast('2026-10-31' as string) as `pay_date`, cast('ACME-US' as string) as `company_code`, cast('W1002' as string) as `worker_id`, cast('Sales' as string) as `home_department`, cast('earning' as string) as `code_type`, cast('BONUS' as string) as `code`, cast('1500.00' as numeric(38,9)) as `amount`
union all
select cast('PR-2026-10-B' as string) as `run_id`, cast('2026-10-31' as string) as `pay_date`, cast('ACME-US' as string) as `company_code`, cast('W1002' as string) as `worker_id`, cast('Sales' as string) as `home_department`, cast('employee_tax' as string) as `code_type`, cast('FIT' as string) as `code`, cast('1402.10' as numeric(38,9)) as `amount`
union all
select cast('PR-2026-10-B' as string) as `run_id`, cast('2026-10-31' as string) as `pay_date`, cast('ACME-US' as string) as `company_code`, cast('W1002' as string) as `worker_id`, cast('Sales' as string) as `home_department`, cast('deduction' as string) as `code_type`, cast('401K' as string) as `code`, cast('310.00' as numeric(38,9)) as `amount`
union all
select cast('PR-2026-10-B' as string) as `run_id`, cast('2026-10-31' as string) as `pay_date`, cast('ACME-US' as string) as `company_code`, cast('W1002' as string) as `worker_id`, cast('Sales' as string) as `home_department`, cast('employer_tax' as string) as `code_type`, cast('ER_FICA' as string) as `code`, cast('589.05' as numeric(38,9)) as `amount`
union all
select cast('PR-2026-10-B' as string) as `run_id`, cast('2026-10-31' as string) as `pay_date`, cast('ACME-US' as string) as `company_code`, cast('W1003' as string) as `worker_id`, cast('Finance' as string) as `home_department`, cast('earning' as string) as `code_type`, cast('REG' as string) as `code`, cast('5800.00' as numeric(38,9)) as `amount`
union all
select cast('PR-2026-10-B' as string) as `run_id`, cast('2026-10-31' as string) as `pay_date`, cast('ACME-US' as string) as `company_code`, cast('W1003' as string) as `worker_id`, cast('Finance' as string) as `home_department`, cast('employee_tax' as string) as `code_type`, cast('FIT' as string) as `code`, cast('980.40' as numeric(38,9)) as `amount`
union all
select cast('PR-2026-10-B' as string) as `run_id`, cast('2026-10-31' as string) as `pay_date`, cast('ACME-US' as string) as `company_code`, cast('W1003' as string) as `worker_id`, cast('Finance' as string) as `home_department`, cast('employer_tax' as string) as `code_type`, cast('ER_FICA' as string) as `code`, cast('443.70' as numeric(38,9)) as `amount`
union all
select cast('PR-2026-10-B' as string) as `run_id`, cast('2026-10-31' as string) as `pay_date`, cast('ACME-UK' as string) as `company_code`, cast('W2001' as string) as `worker_id`, cast('R&D' as string) as `home_department`, cast('earning' as string) as `code_type`, cast('REG' as string) as `code`, cast('5100.00' as numeric(38,9)) as `amount`
union all
select cast('PR-2026-10-B' as string) as `run_id`, cast('2026-10-31' as string) as `pay_date`, cast('ACME-UK' as string) as `company_code`, cast('W2001' as string) as `worker_id`, cast('R&D' as string) as `home_department`, cast('employee_tax' as string) as `code_type`, cast('PAYE' as string) as `code`, cast('1020.00' as numeric(38,9)) as `amount`
union all
select cast('PR-2026-10-B' as string) as `run_id`, cast('2026-10-31' as string) as `pay_date`, cast('ACME-UK' as string) as `company_code`, cast('W2001' as string) as `worker_id`, cast('R&D' as string) as `home_department`, cast('employer_tax' as string) as `code_type`, cast('ER_NIC' as string) as `code`, cast('612.00' as numeric(38,9)) as `amount`
union all
select cast('PR-2026-10-B' as string) as `run_id`, cast('2026-10-31' as string) as `pay_date`, cast('ACME-UK' as string) as `company_code`, cast('W2002' as string) as `worker_id`, cast('Ops' as string) as `home_department`, cast('earning' as string) as `code_type`, cast('REG' as string) as `code`, cast('4300.00' as numeric(38,9)) as `amount`
union all
select cast('PR-2026-10-B' as string) as `run_id`, cast('2026-10-31' as string) as `pay_date`, cast('ACME-UK' as string) as `company_code`, cast('W2002' as string) as `worker_id`, cast('Ops' as string) as `home_department`, cast('employee_tax' as string) as `code_type`, cast('PAYE' as string) as `code`, cast('860.00' as numeric(38,9)) as `amount`
union all
select cast('PR-2026-10-B' as string) as `run_id`, cast('2026-10-31' as string) as `pay_date`, cast('ACME-UK' as string) as `company_code`, cast('W2002' as string) as `worker_id`, cast('Ops' as string) as `home_department`, cast('employer_tax' as string) as `code_type`, cast('ER_NIC' as string) as `code`, cast('516.00' as numeric(38,9)) as `amount`
union all
select cast('PR-2026-10-B' as string) as `run_id`, cast('2026-10-31' as string) as `pay_date`, cast('ACME-US' as string) as `company_code`, cast('W1001' as string) as `worker_id`, cast('R&D' as string) as `home_department`, cast('net_pay' as string) as `code_type`, cast('NET' as string) as `code`, cast('6159.75' as numeric(38,9)) as `amount`
union all
select cast('PR-2026-10-B' as string) as `run_id`, cast('2026-10-31' as string) as `pay_date`, cast('ACME-US' as string) as `company_code`, cast('W1002' as string) as `worker_id`, cast('Sales' as string) as `home_department`, cast('net_pay' as string) as `code_type`, cast('NET' as string) as `code`, cast('5987.90' as numeric(38,9)) as `amount`
union all
select cast('PR-2026-10-B' as string) as `run_id`, cast('2026-10-31' as string) as `pay_date`, cast('ACME-US' as string) as `company_code`, cast('W1003' as string) as `worker_id`, cast('Finance' as string) as `home_department`, cast('net_pay' as string) as `code_type`, cast('NET' as string) as `code`, cast('4819.60' as numeric(38,9)) as `amount`
union all
select cast('PR-2026-10-B' as string) as `run_id`, cast('2026-10-31' as string) as `pay_date`, cast('ACME-UK' as string) as `company_code`, cast('W2001' as string) as `worker_id`, cast('R&D' as string) as `home_department`, cast('net_pay' as string) as `code_type`, cast('NET' as string) as `code`, cast('4080.00' as numeric(38,9)) as `amount`
union all
select cast('PR-2026-10-B' as string) as `run_id`, cast('2026-10-31' as string) as `pay_date`, cast('ACME-UK' as string) as `company_code`, cast('W2002' as string) as `worker_id`, cast('Ops' as string) as `home_department`, cast('net_pay' as string) as `code_type`, cast('NET' as string) as `code`, cast('3440.00' as numeric(38,9)) as `amount`

-- chargebee_invoice
create or replace table `analytics_seeds`.`chargebee_invoice` as
select cast('inv_0001' as string) as `id`, cast('sub_A001' as string) as `subscription_id`, cast('cb_cust_01' as string) as `customer_id`, cast('2026-08-01' as string) as `date`, cast('120000' as int64) as `total`, cast('USD' as string) as `currency_code`, cast('paid' as string) as `status`, cast('2026-08-01' as string) as `period_start`, cast('2027-08-01' as string) as `period_end`, cast('new' as string) as `reason`
union all
select cast('inv_0002' as string) as `id`, cast('sub_A002' as string) as `subscription_id`, cast('cb_cust_02' as string) as `customer_id`, cast('2026-07-01' as string) as `date`, cast('240000' as int64) as `total`, cast('USD' as string) as `currency_code`, cast('paid' as string) as `status`, cast('2026-07-01' as string) as `period_start`, cast('2027-07-01' as string) as `period_end`, cast('new' as string) as `reason`
union all
select cast('inv_0003' as string) as `id`, cast('sub_A001' as string) as `subscription_id`, cast('cb_cust_01' as string) as `customer_id`, cast('2026-11-01' as string) as `date`, cast('90000' as int64) as `total`, cast('USD' as string) as `currency_code`, cast('paid' as string) as `status`, cast('2026-11-01' as string) as `period_start`, cast('2027-08-01' as string) as `period_end`, cast('upgrade' as string) as `reason`
union all
select cast('inv_0004' as string) as `id`, cast('sub_A002' as string) as `subscription_id`, cast('cb_cust_02' as string) as `customer_id`, cast('2026-11-01' as string) as `date`, cast('-80000' as int64) as `total`, cast('USD' as string) as `currency_code`, cast('paid' as string) as `status`, cast('2026-11-01' as string) as `period_start`, cast('2027-07-01' as string) as `period_end`, cast('downgrade' as string) as `reason`
union all
select cast('inv_0005' as string) as `id`, cast('sub_A003' as string) as `subscription_id`, cast('cb_cust_03' as string) as `customer_id`, cast('2026-09-01' as string) as `date`, cast('96000' as int64) as `total`, cast('GBP' as string) as `currency_code`, cast('paid' as string) as `status`, cast('2026-09-01' as string) as `period_start`, cast('2027-09-01' as string) as `period_end`, cast('new' as string) as `reason`
union all
select cast('inv_0006' as string) as `id`, cast('sub_A004' as string) as `subscription_id`, cast('cb_cust_04' as string) as `customer_id`, cast('2026-08-01' as string) as `date`, cast('108000' as int64) as `total`, cast('EUR' as string) as `currency_code`, cast('paid' as string) as `status`, cast('2026-08-01' as string) as `period_start`, cast('2027-08-01' as string) as `period_end`, cast('new' as string) as `reason`

-- chargebee_plan
create or replace table `analytics_seeds`.`chargebee_plan` as
select cast('team-annual-usd' as string) as `id`, cast('Team (annual)' as string) as `name`, cast('120000' as int64) as `price`, cast('USD' as string) as `currency_code`, cast('1' as int64) as `period`, cast('year' as string) as `period_unit`
union all
select cast('business-annual-usd' as string) as `id`, cast('Business (annual)' as string) as `name`, cast('240000' as int64) as `price`, cast('USD' as string) as `currency_code`, cast('1' as int64) as `period`, cast('year' as string) as `period_unit`
union all
select cast('team-annual-gbp' as string) as `id`, cast('Team (annual)' as string) as `name`, cast('96000' as int64) as `price`, cast('GBP' as string) as `currency_code`, cast('1' as int64) as `period`, cast('year' as string) as `period_unit`
union all
select cast('team-annual-eur' as string) as `id`, cast('Team (annual)' as string) as `name`, cast('108000' as int64) as `price`, cast('EUR' as string) as `currency_code`, cast('1' as int64) as `period`, cast('year' as string) as `period_unit`

-- chargebee_subscription
create or replace table `analytics_seeds`.`chargebee_subscription` as
select cast('sub_A001' as string) as `id`, cast('cb_cust_01' as string) as `customer_id`, cast('team-annual-usd' as string) as `plan_id`, cast('active' as string) as `status`, cast('2026-08-01' as string) as `started_at`, cast('2026-08-01' as string) as `current_term_start`, cast('2027-08-01' as string) as `current_term_end`, cast(null as string) as `cancelled_at`
union all
select cast('sub_A002' as string) as `id`, cast('cb_cust_02' as string) as `customer_id`, cast('business-annual-usd' as string) as `plan_id`, cast('active' as string) as `status`, cast('2026-07-01' as string) as `started_at`, cast('2026-07-01' as string) as `current_term_start`, cast('2027-07-01' as string) as `current_term_end`, cast(null as string) as `cancelled_at`
union all
select cast('sub_A003' as string) as `id`, cast('cb_cust_03' as string) as `customer_id`, cast('team-annual-gbp' as string) as `plan_id`, cast('active' as string) as `status`, cast('2026-09-01' as string) as `started_at`, cast('2026-09-01' as string) as `current_term_start`, cast('2027-09-01' as string) as `current_term_end`, cast(null as string) as `cancelled_at`
union all
select cast('sub_A004' as string) as `id`, cast('cb_cust_04' as string) as `customer_id`, cast('team-annual-eur' as string) as `plan_id`, cast('cancelled' as string) as `status`, cast('2026-08-01' as string) as `started_at`, cast('2026-08-01' as string) as `current_term_start`, cast('2027-08-01' as string) as `current_term_end`, cast('2026-11-15' as string) as `cancelled_at`

-- intercompany_accounts
create or replace table `analytics_seeds`.`intercompany_accounts` as
select cast('1400' as int64) as `account_no`, cast('due_from' as string) as `side`
union all
select cast('2400' as int64) as `account_no`, cast('due_to' as string) as `side`

-- month_offsets
create or replace table `analytics_seeds`.`month_offsets` as
select cast('0' as int64) as `month_offset`
union all
select cast('1' as int64) as `month_offset`
union all
select cast('2' as int64) as `month_offset`
union all
select cast('3' as int64) as `month_offset`
union all
select cast('4' as int64) as `month_offset`
union all
select cast('5' as int64) as `month_offset`
union all
select cast('6' as int64) as `month_offset`
union all
select cast('7' as int64) as `month_offset`
union all
select cast('8' as int64) as `month_offset`
union all
select cast('9' as int64) as `month_offset`
union all
select cast('10' as int64) as `month_offset`
union all
select cast('11' as int64) as `month_offset`
union all
select cast('12' as int64) as `month_offset`
union all
select cast('13' as int64) as `month_offset`
union all
select cast('14' as int64) as `month_offset`
union all
select cast('15' as int64) as `month_offset`
union all
select cast('16' as int64) as `month_offset`
union all
select cast('17' as int64) as `month_offset`
union all
select cast('18' as int64) as `month_offset`
union all
select cast('19' as int64) as `month_offset`
union all
select cast('20' as int64) as `month_offset`
union all
select cast('21' as int64) as `month_offset`
union all
select cast('22' as int64) as `month_offset`
union all
select cast('23' as int64) as `month_offset`
union all
select cast('24' as int64) as `month_offset`
union all
select cast('25' as int64) as `month_offset`
union all
select cast('26' as int64) as `month_offset`
union all
select cast('27' as int64) as `month_offset`
union all
select cast('28' as int64) as `month_offset`
union all
select cast('29' as int64) as `month_offset`
union all
select cast('30' as int64) as `month_offset`
union all
select cast('31' as int64) as `month_offset`
union all
select cast('32' as int64) as `month_offset`
union all
select cast('33' as int64) as `month_offset`
union all
select cast('34' as int64) as `month_offset`
union all
select cast('35' as int64) as `month_offset`

-- procurement_invoice
create or replace table `analytics_seeds`.`procurement_invoice` as
select cast('AWS-2026-10' as string) as `invoice_number`, cast('SUP-AWS' as string) as `supplier_id`, cast('Acme US' as string) as `buyer_company`, cast('2026-10-31' as string) as `invoice_date`, cast('2026-11-30' as string) as `due_date`, cast(null as string) as `po_number`, cast('USD' as string) as `currency`, cast('1' as int64) as `line_no`, cast('Hosting October' as string) as `description`, cast('HOSTING' as string) as `gl_code`, cast('CC-100' as string) as `cost_center`, cast('4210.37' as numeric(38,9)) as `amount`
union all
select cast('AWS-2026-10' as string) as `invoice_number`, cast('SUP-AWS' as string) as `supplier_id`, cast('Acme US' as string) as `buyer_company`, cast('2026-10-31' as string) as `invoice_date`, cast('2026-11-30' as string) as `due_date`, cast(null as string) as `po_number`, cast('USD' as string) as `currency`, cast('2' as int64) as `line_no`, cast('Support plan' as string) as `description`, cast('SOFTWARE' as string) as `gl_code`, cast('CC-100' as string) as `cost_center`, cast('389.00' as numeric(38,9)) as `amount`
union all
select cast('LAW-7781' as string) as `invoice_number`, cast('SUP-LAW' as string) as `supplier_id`, cast('Acme US' as string) as `buyer_company`, cast('2026-10-20' as string) as `invoice_date`, cast('2026-11-19' as string) as `due_date`, cast(null as string) as `po_number`, cast('USD' as string) as `currency`, cast('1' as int64) as `line_no`, cast('Contract review' as string) as `description`, cast('LEGAL' as string) as `gl_code`, cast('CC-200' as string) as `cost_center`, cast('2750.00' as numeric(38,9)) as `amount`
union all
select cast('DELL-55102' as string) as `invoice_number`, cast('SUP-DELL' as string) as `supplier_id`, cast('Acme US' as string) as `buyer_company`, cast('2026-10-22' as string) as `invoice_date`, cast('2026-11-21' as string) as `due_date`, cast('PO-US1-000001' as string) as `po_number`, cast('USD' as string) as `currency`, cast('1' as int64) as `line_no`, cast('Laptops (12)' as string) as `description`, cast('OFFICE' as string) as `gl_code`, cast('CC-100' as string) as `cost_center`, cast('18960.00' as numeric(38,9)) as `amount`
union all
select cast('DELL-55102' as string) as `invoice_number`, cast('SUP-DELL' as string) as `supplier_id`, cast('Acme US' as string) as `buyer_company`, cast('2026-10-22' as string) as `invoice_date`, cast('2026-11-21' as string) as `due_date`, cast('PO-US1-000001' as string) as `po_number`, cast('USD' as string) as `currency`, cast('2' as int64) as `line_no`, cast('Docking stations' as string) as `description`, cast('OFFICE' as string) as `gl_code`, cast('CC-100' as string) as `cost_center`, cast('1440.00' as numeric(38,9)) as `amount`
union all
select cast('TRV-2026-10' as string) as `invoice_number`, cast('SUP-TRAVEL' as string) as `supplier_id`, cast('Acme US' as string) as `buyer_company`, cast('2026-10-30' as string) as `invoice_date`, cast('2026-11-29' as string) as `due_date`, cast(null as string) as `po_number`, cast('USD' as string) as `currency`, cast('1' as int64) as `line_no`, cast('Sales kickoff travel' as string) as `description`, cast('TRAVEL' as string) as `gl_code`, cast('CC-300' as string) as `cost_center`, cast('6125.50' as numeric(38,9)) as `amount`

-- reverse_dimension_map
create or replace table `analytics_seeds`.`reverse_dimension_map` as
select cast('salesforce' as string) as `source_system`, cast('entity' as string) as `dimension`, cast('United States' as string) as `source_value`, cast('US1' as string) as `intacct_value`
union all
select cast('salesforce' as string) as `source_system`, cast('entity' as string) as `dimension`, cast('United Kingdom' as string) as `source_value`, cast('UK1' as string) as `intacct_value`
union all
select cast('salesforce' as string) as `source_system`, cast('entity' as string) as `dimension`, cast('Germany' as string) as `source_value`, cast('DE1' as string) as `intacct_value`
union all
select cast('salesforce' as string) as `source_system`, cast('gl_account' as string) as `dimension`, cast('SW-SUB' as string) as `source_value`, cast('4200' as string) as `intacct_value`
union all
select cast('salesforce' as string) as `source_system`, cast('gl_account' as string) as `dimension`, cast('SW-LIC' as string) as `source_value`, cast('4000' as string) as `intacct_value`
union all
select cast('salesforce' as string) as `source_system`, cast('gl_account' as string) as `dimension`, cast('SVC-IMPL' as string) as `source_value`, cast('4100' as string) as `intacct_value`
union all
select cast('salesforce' as string) as `source_system`, cast('gl_account' as string) as `dimension`, cast('SVC-TRAIN' as string) as `source_value`, cast('4100' as string) as `intacct_value`
union all
select cast('chargebee' as string) as `source_system`, cast('entity' as string) as `dimension`, cast('USD' as string) as `source_value`, cast('US1' as string) as `intacct_value`
union all
select cast('chargebee' as string) as `source_system`, cast('entity' as string) as `dimension`, cast('GBP' as string) as `source_value`, cast('UK1' as string) as `intacct_value`
union all
select cast('chargebee' as string) as `source_system`, cast('entity' as string) as `dimension`, cast('EUR' as string) as `source_value`, cast('DE1' as string) as `intacct_value`
union all
select cast('adp' as string) as `source_system`, cast('entity' as string) as `dimension`, cast('ACME-US' as string) as `source_value`, cast('US1' as string) as `intacct_value`
union all
select cast('adp' as string) as `source_system`, cast('entity' as string) as `dimension`, cast('ACME-UK' as string) as `source_value`, cast('UK1' as string) as `intacct_value`
union all
select cast('adp' as string) as `source_system`, cast('department' as string) as `dimension`, cast('R&D' as string) as `source_value`, cast('ENG' as string) as `intacct_value`
union all
select cast('adp' as string) as `source_system`, cast('department' as string) as `dimension`, cast('Sales' as string) as `source_value`, cast('SALES' as string) as `intacct_value`
union all
select cast('adp' as string) as `source_system`, cast('department' as string) as `dimension`, cast('Ops' as string) as `source_value`, cast('OPS' as string) as `intacct_value`
union all
select cast('adp' as string) as `source_system`, cast('department' as string) as `dimension`, cast('Finance' as string) as `source_value`, cast('FIN' as string) as `intacct_value`
union all
select cast('adp' as string) as `source_system`, cast('department' as string) as `dimension`, cast('Old Programs' as string) as `source_value`, cast('LEGACY' as string) as `intacct_value`
union all
select cast('adp' as string) as `source_system`, cast('gl_account' as string) as `dimension`, cast('REG' as string) as `source_value`, cast('6000' as string) as `intacct_value`
union all
select cast('adp' as string) as `source_system`, cast('gl_account' as string) as `dimension`, cast('OT' as string) as `source_value`, cast('6000' as string) as `intacct_value`
union all
select cast('adp' as string) as `source_system`, cast('gl_account' as string) as `dimension`, cast('BONUS' as string) as `source_value`, cast('6000' as string) as `intacct_value`
union all
select cast('adp' as string) as `source_system`, cast('gl_account' as string) as `dimension`, cast('ER_FICA' as string) as `source_value`, cast('6010' as string) as `intacct_value`
union all
select cast('adp' as string) as `source_system`, cast('gl_account' as string) as `dimension`, cast('ER_NIC' as string) as `source_value`, cast('6010' as string) as `intacct_value`
union all
select cast('timesheet' as string) as `source_system`, cast('entity' as string) as `dimension`, cast('US' as string) as `source_value`, cast('US1' as string) as `intacct_value`
union all
select cast('timesheet' as string) as `source_system`, cast('employee' as string) as `dimension`, cast('W1001' as string) as `source_value`, cast('E-0001' as string) as `intacct_value`
union all
select cast('timesheet' as string) as `source_system`, cast('employee' as string) as `dimension`, cast('W1002' as string) as `source_value`, cast('E-0002' as string) as `intacct_value`
union all
select cast('timesheet' as string) as `source_system`, cast('project' as string) as `dimension`, cast('IMPL-ACME' as string) as `source_value`, cast('P-US1-001' as string) as `intacct_value`
union all
select cast('timesheet' as string) as `source_system`, cast('project' as string) as `dimension`, cast('IMPL-GLOBEX' as string) as `source_value`, cast('P-US1-002' as string) as `intacct_value`
union all
select cast('timesheet' as string) as `source_system`, cast('task' as string) as `dimension`, cast('IMPL-ACME/DESIGN' as string) as `source_value`, cast('P-US1-001-T1' as string) as `intacct_value`
union all
select cast('timesheet' as string) as `source_system`, cast('task' as string) as `dimension`, cast('IMPL-ACME/BUILD' as string) as `source_value`, cast('P-US1-001-T2' as string) as `intacct_value`
union all
select cast('timesheet' as string) as `source_system`, cast('task' as string) as `dimension`, cast('IMPL-GLOBEX/DESIGN' as string) as `source_value`, cast('P-US1-002-T1' as string) as `intacct_value`
union all
select cast('procurement' as string) as `source_system`, cast('entity' as string) as `dimension`, cast('Acme US' as string) as `source_value`, cast('US1' as string) as `intacct_value`
union all
select cast('procurement' as string) as `source_system`, cast('entity' as string) as `dimension`, cast('Acme GmbH' as string) as `source_value`, cast('DE1' as string) as `intacct_value`
union all
select cast('procurement' as string) as `source_system`, cast('vendor' as string) as `dimension`, cast('SUP-AWS' as string) as `source_value`, cast('V-00001' as string) as `intacct_value`
union all
select cast('procurement' as string) as `source_system`, cast('vendor' as string) as `dimension`, cast('SUP-LAW' as string) as `source_value`, cast('V-00002' as string) as `intacct_value`
union all
select cast('procurement' as string) as `source_system`, cast('vendor' as string) as `dimension`, cast('SUP-DELL' as string) as `source_value`, cast('V-00003' as string) as `intacct_value`
union all
select cast('procurement' as string) as `source_system`, cast('vendor' as string) as `dimension`, cast('SUP-TRAVEL' as string) as `source_value`, cast('V-00005' as string) as `intacct_value`
union all
select cast('procurement' as string) as `source_system`, cast('gl_account' as string) as `dimension`, cast('HOSTING' as string) as `source_value`, cast('5200' as string) as `intacct_value`
union all
select cast('procurement' as string) as `source_system`, cast('gl_account' as string) as `dimension`, cast('SOFTWARE' as string) as `source_value`, cast('6200' as string) as `intacct_value`
union all
select cast('procurement' as string) as `source_system`, cast('gl_account' as string) as `dimension`, cast('LEGAL' as string) as `source_value`, cast('6410' as string) as `intacct_value`
union all
select cast('procurement' as string) as `source_system`, cast('gl_account' as string) as `dimension`, cast('OFFICE' as string) as `source_value`, cast('6210' as string) as `intacct_value`
union all
select cast('procurement' as string) as `source_system`, cast('gl_account' as string) as `dimension`, cast('TRAVEL' as string) as `source_value`, cast('6300' as string) as `intacct_value`
union all
select cast('procurement' as string) as `source_system`, cast('department' as string) as `dimension`, cast('CC-100' as string) as `source_value`, cast('ENG' as string) as `intacct_value`
union all
select cast('procurement' as string) as `source_system`, cast('department' as string) as `dimension`, cast('CC-200' as string) as `source_value`, cast('G&A' as string) as `intacct_value`
union all
select cast('procurement' as string) as `source_system`, cast('department' as string) as `dimension`, cast('CC-300' as string) as `source_value`, cast('SALES' as string) as `intacct_value`

-- salesforce_account
create or replace table `analytics_seeds`.`salesforce_account` as
select cast('001A000001' as string) as `id`, cast('Northwind Traders' as string) as `name`, cast('Customer' as string) as `type`, cast('Retail' as string) as `industry`, cast('Seattle' as string) as `billing_city`, cast('United States' as string) as `billing_country`
union all
select cast('001A000002' as string) as `id`, cast('Globex Manufacturing' as string) as `name`, cast('Customer' as string) as `type`, cast('Manufacturing' as string) as `industry`, cast('Chicago' as string) as `billing_city`, cast('United States' as string) as `billing_country`
union all
select cast('001A000003' as string) as `id`, cast('Initech Ltd' as string) as `name`, cast('Customer' as string) as `type`, cast('Technology' as string) as `industry`, cast('London' as string) as `billing_city`, cast('United Kingdom' as string) as `billing_country`
union all
select cast('001A000004' as string) as `id`, cast('Umbrella Logistik GmbH' as string) as `name`, cast('Customer' as string) as `type`, cast('Logistics' as string) as `industry`, cast('Hamburg' as string) as `billing_city`, cast('Germany' as string) as `billing_country`
union all
select cast('001A000005' as string) as `id`, cast('Hooli Prospects' as string) as `name`, cast('Prospect' as string) as `type`, cast('Technology' as string) as `industry`, cast('Palo Alto' as string) as `billing_city`, cast('United States' as string) as `billing_country`

-- salesforce_opportunity
create or replace table `analytics_seeds`.`salesforce_opportunity` as
select cast('006A000001' as string) as `id`, cast('001A000001' as string) as `account_id`, cast('Northwind - Platform annual' as string) as `name`, cast('Closed Won' as string) as `stage_name`, cast('true' as string) as `is_won`, cast('true' as string) as `is_closed`, cast('2026-10-05' as string) as `close_date`, cast('14400.00' as numeric(38,9)) as `amount`, cast('USD' as string) as `currency_iso_code`, cast('New Business' as string) as `type`
union all
select cast('006A000002' as string) as `id`, cast('001A000002' as string) as `account_id`, cast('Globex - Implementation' as string) as `name`, cast('Closed Won' as string) as `stage_name`, cast('true' as string) as `is_won`, cast('true' as string) as `is_closed`, cast('2026-10-12' as string) as `close_date`, cast('27500.00' as numeric(38,9)) as `amount`, cast('USD' as string) as `currency_iso_code`, cast('New Business' as string) as `type`
union all
select cast('006A000003' as string) as `id`, cast('001A000003' as string) as `account_id`, cast('Initech - Licences' as string) as `name`, cast('Closed Won' as string) as `stage_name`, cast('true' as string) as `is_won`, cast('true' as string) as `is_closed`, cast('2026-10-20' as string) as `close_date`, cast('9800.00' as numeric(38,9)) as `amount`, cast('GBP' as string) as `currency_iso_code`, cast('New Business' as string) as `type`
union all
select cast('006A000004' as string) as `id`, cast('001A000004' as string) as `account_id`, cast('Umbrella - Rollout' as string) as `name`, cast('Closed Won' as string) as `stage_name`, cast('true' as string) as `is_won`, cast('true' as string) as `is_closed`, cast('2026-10-28' as string) as `close_date`, cast('18250.00' as numeric(38,9)) as `amount`, cast('EUR' as string) as `currency_iso_code`, cast('New Business' as string) as `type`
union all
select cast('006A000005' as string) as `id`, cast('001A000005' as string) as `account_id`, cast('Hooli - Pilot' as string) as `name`, cast('Negotiation' as string) as `stage_name`, cast('false' as string) as `is_won`, cast('false' as string) as `is_closed`, cast('2026-12-15' as string) as `close_date`, cast('5000.00' as numeric(38,9)) as `amount`, cast('USD' as string) as `currency_iso_code`, cast('New Business' as string) as `type`
union all
select cast('006A000006' as string) as `id`, cast('001A000002' as string) as `account_id`, cast('Globex - Training' as string) as `name`, cast('Closed Won' as string) as `stage_name`, cast('true' as string) as `is_won`, cast('true' as string) as `is_closed`, cast('2026-10-30' as string) as `close_date`, cast('3600.00' as numeric(38,9)) as `amount`, cast('USD' as string) as `currency_iso_code`, cast('Upsell' as string) as `type`

-- salesforce_opportunity_line_item
create or replace table `analytics_seeds`.`salesforce_opportunity_line_item` as
select cast('00kA000001' as string) as `id`, cast('006A000001' as string) as `opportunity_id`, cast('SW-SUB' as string) as `product_code`, cast('Annual Subscription' as string) as `name`, cast('12' as int64) as `quantity`, cast('1200.00' as numeric(38,9)) as `unit_price`, cast('14400.00' as numeric(38,9)) as `total_price`
union all
select cast('00kA000002' as string) as `id`, cast('006A000002' as string) as `opportunity_id`, cast('SVC-IMPL' as string) as `product_code`, cast('Implementation Services' as string) as `name`, cast('1' as int64) as `quantity`, cast('25000.00' as numeric(38,9)) as `unit_price`, cast('25000.00' as numeric(38,9)) as `total_price`
union all
select cast('00kA000003' as string) as `id`, cast('006A000002' as string) as `opportunity_id`, cast('SVC-TRAIN' as string) as `product_code`, cast('Training Day' as string) as `name`, cast('1' as int64) as `quantity`, cast('2500.00' as numeric(38,9)) as `unit_price`, cast('2500.00' as numeric(38,9)) as `total_price`
union all
select cast('00kA000004' as string) as `id`, cast('006A000003' as string) as `opportunity_id`, cast('SW-LIC' as string) as `product_code`, cast('Software License' as string) as `name`, cast('7' as int64) as `quantity`, cast('1400.00' as numeric(38,9)) as `unit_price`, cast('9800.00' as numeric(38,9)) as `total_price`
union all
select cast('00kA000005' as string) as `id`, cast('006A000004' as string) as `opportunity_id`, cast('SW-LIC' as string) as `product_code`, cast('Software License' as string) as `name`, cast('5' as int64) as `quantity`, cast('2250.00' as numeric(38,9)) as `unit_price`, cast('11250.00' as numeric(38,9)) as `total_price`
union all
select cast('00kA000006' as string) as `id`, cast('006A000004' as string) as `opportunity_id`, cast('SVC-IMPL' as string) as `product_code`, cast('Implementation Services' as string) as `name`, cast('1' as int64) as `quantity`, cast('7000.00' as numeric(38,9)) as `unit_price`, cast('7000.00' as numeric(38,9)) as `total_price`
union all
select cast('00kA000007' as string) as `id`, cast('006A000005' as string) as `opportunity_id`, cast('SW-SUB' as string) as `product_code`, cast('Annual Subscription' as string) as `name`, cast('1' as int64) as `quantity`, cast('5000.00' as numeric(38,9)) as `unit_price`, cast('5000.00' as numeric(38,9)) as `total_price`
union all
select cast('00kA000008' as string) as `id`, cast('006A000006' as string) as `opportunity_id`, cast('SVC-TRAIN' as string) as `product_code`, cast('Training Day' as string) as `name`, cast('3' as int64) as `quantity`, cast('1200.00' as numeric(38,9)) as `unit_price`, cast('3600.00' as numeric(38,9)) as `total_price`

-- stripe_charge
create or replace table `analytics_seeds`.`stripe_charge` as
select cast('ch_3Q0001' as string) as `id`, cast('pi_3Q0001' as string) as `payment_intent_id`, cast('1440000' as int64) as `amount`, cast('0' as int64) as `amount_refunded`, cast('usd' as string) as `currency`, cast('succeeded' as string) as `status`, cast('true' as string) as `paid`, cast('2026-10-15 14:02:11' as string) as `created`, cast('Northwind annual platform' as string) as `description`
union all
select cast('ch_3Q0002' as string) as `id`, cast('pi_3Q0002' as string) as `payment_intent_id`, cast('2750000' as int64) as `amount`, cast('0' as int64) as `amount_refunded`, cast('usd' as string) as `currency`, cast('succeeded' as string) as `status`, cast('true' as string) as `paid`, cast('2026-10-25 09:41:55' as string) as `created`, cast('Globex implementation' as string) as `description`
union all
select cast('ch_3Q0003' as string) as `id`, cast('pi_3Q0003' as string) as `payment_intent_id`, cast('500000' as int64) as `amount`, cast('0' as int64) as `amount_refunded`, cast('gbp' as string) as `currency`, cast('succeeded' as string) as `status`, cast('true' as string) as `paid`, cast('2026-10-29 16:20:03' as string) as `created`, cast('Initech licences (first instalment)' as string) as `description`
union all
select cast('ch_3Q0004' as string) as `id`, cast('pi_3Q0004' as string) as `payment_intent_id`, cast('1825000' as int64) as `amount`, cast('0' as int64) as `amount_refunded`, cast('eur' as string) as `currency`, cast('failed' as string) as `status`, cast('false' as string) as `paid`, cast('2026-10-30 11:05:40' as string) as `created`, cast('Umbrella rollout' as string) as `description`

-- stripe_payment_intent
create or replace table `analytics_seeds`.`stripe_payment_intent` as
select cast('pi_3Q0001' as string) as `id`, cast('1440000' as int64) as `amount`, cast('usd' as string) as `currency`, cast('succeeded' as string) as `status`, cast('cus_NW01' as string) as `customer_id`, cast('006A000001' as string) as `metadata__opportunity_id`
union all
select cast('pi_3Q0002' as string) as `id`, cast('2750000' as int64) as `amount`, cast('usd' as string) as `currency`, cast('succeeded' as string) as `status`, cast('cus_GX01' as string) as `customer_id`, cast('006A000002' as string) as `metadata__opportunity_id`
union all
select cast('pi_3Q0003' as string) as `id`, cast('500000' as int64) as `amount`, cast('gbp' as string) as `currency`, cast('succeeded' as string) as `status`, cast('cus_IT01' as string) as `customer_id`, cast('006A000003' as string) as `metadata__opportunity_id`
union all
select cast('pi_3Q0004' as string) as `id`, cast('1825000' as int64) as `amount`, cast('eur' as string) as `currency`, cast('requires_payment_method' as string) as `status`, cast('cus_UM01' as string) as `customer_id`, cast('006A000004' as string) as `metadata__opportunity_id`

-- timesheet_export
create or replace table `analytics_seeds`.`timesheet_export` as
select cast('TS-2026-W44' as string) as `batch_id`, cast('TE-0001' as string) as `entry_id`, cast('US' as string) as `company`, cast('W1001' as string) as `worker_id`, cast('IMPL-ACME' as string) as `project_code`, cast('DESIGN' as string) as `task_code`, cast('2026-10-26' as string) as `work_date`, cast('6.5' as string) as `hours`, cast('85.00' as numeric(38,9)) as `cost_rate`
union all
select cast('TS-2026-W44' as string) as `batch_id`, cast('TE-0002' as string) as `entry_id`, cast('US' as string) as `company`, cast('W1001' as string) as `worker_id`, cast('IMPL-ACME' as string) as `project_code`, cast('BUILD' as string) as `task_code`, cast('2026-10-27' as string) as `work_date`, cast('8' as string) as `hours`, cast('85.00' as numeric(38,9)) as `cost_rate`
union all
select cast('TS-2026-W44' as string) as `batch_id`, cast('TE-0003' as string) as `entry_id`, cast('US' as string) as `company`, cast('W1002' as string) as `worker_id`, cast('IMPL-GLOBEX' as string) as `project_code`, cast('DESIGN' as string) as `task_code`, cast('2026-10-28' as string) as `work_date`, cast('4.25' as string) as `hours`, cast('72.50' as numeric(38,9)) as `cost_rate`
union all
select cast('TS-2026-W45' as string) as `batch_id`, cast('TE-0004' as string) as `entry_id`, cast('US' as string) as `company`, cast('W1001' as string) as `worker_id`, cast('IMPL-ACME' as string) as `project_code`, cast('BUILD' as string) as `task_code`, cast('2026-11-02' as string) as `work_date`, cast('7.75' as string) as `hours`, cast('85.00' as numeric(38,9)) as `cost_rate`
union all
select cast('TS-2026-W45' as string) as `batch_id`, cast('TE-0005' as string) as `entry_id`, cast('US' as string) as `company`, cast('W1002' as string) as `worker_id`, cast('IMPL-GLOBEX' as string) as `project_code`, cast('DESIGN' as string) as `task_code`, cast('2026-11-03' as string) as `work_date`, cast('5' as string) as `hours`, cast('72.50' as numeric(38,9)) as `cost_rate`
