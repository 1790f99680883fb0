-- account_categories
create or replace table "analytics_seeds"."account_categories" as
select cast('Cash and Cash Equivalents' as varchar) as "category", cast('Balance Sheet' as varchar) as "statement", cast('Current Assets' as varchar) as "section", cast('Assets' as varchar) as "account_class", cast('10' as bigint) as "sort_order"
union all
select cast('Accounts Receivable' as varchar) as "category", cast('Balance Sheet' as varchar) as "statement", cast('Current Assets' as varchar) as "section", cast('Assets' as varchar) as "account_class", cast('20' as bigint) as "sort_order"
union all
select cast('Other Current Assets' as varchar) as "category", cast('Balance Sheet' as varchar) as "statement", cast('Current Assets' as varchar) as "section", cast('Assets' as varchar) as "account_class", cast('30' as bigint) as "sort_order"
union all
select cast('Inventory' as varchar) as "category", cast('Balance Sheet' as varchar) as "statement", cast('Current Assets' as varchar) as "section", cast('Assets' as varchar) as "account_class", cast('40' as bigint) as "sort_order"
union all
select cast('Fixed Assets' as varchar) as "category", cast('Balance Sheet' as varchar) as "statement", cast('Non-current Assets' as varchar) as "section", cast('Assets' as varchar) as "account_class", cast('50' as bigint) as "sort_order"
union all
select cast('Other Assets' as varchar) as "category", cast('Balance Sheet' as varchar) as "statement", cast('Non-current Assets' as varchar) as "section", cast('Assets' as varchar) as "account_class", cast('60' as bigint) as "sort_order"
union all
select cast('Accounts Payable' as varchar) as "category", cast('Balance Sheet' as varchar) as "statement", cast('Current Liabilities' as varchar) as "section", cast('Liabilities' as varchar) as "account_class", cast('110' as bigint) as "sort_order"
union all
select cast('Accrued Liabilities' as varchar) as "category", cast('Balance Sheet' as varchar) as "statement", cast('Current Liabilities' as varchar) as "section", cast('Liabilities' as varchar) as "account_class", cast('120' as bigint) as "sort_order"
union all
select cast('Other Current Liabilities' as varchar) as "category", cast('Balance Sheet' as varchar) as "statement", cast('Current Liabilities' as varchar) as "section", cast('Liabilities' as varchar) as "account_class", cast('130' as bigint) as "sort_order"
union all
select cast('Long Term Liabilities' as varchar) as "category", cast('Balance Sheet' as varchar) as "statement", cast('Non-current Liabilities' as varchar) as "section", cast('Liabilities' as varchar) as "account_class", cast('140' as bigint) as "sort_order"
union all
select cast('Equity' as varchar) as "category", cast('Balance Sheet' as varchar) as "statement", cast('Equity' as varchar) as "section", cast('Equity' as varchar) as "account_class", cast('210' as bigint) as "sort_order"
union all
select cast('Retained Earnings' as varchar) as "category", cast('Balance Sheet' as varchar) as "statement", cast('Equity' as varchar) as "section", cast('Equity' as varchar) as "account_class", cast('220' as bigint) as "sort_order"
union all
select cast('Revenue' as varchar) as "category", cast('Income Statement' as varchar) as "statement", cast('Revenue' as varchar) as "section", cast('Revenue' as varchar) as "account_class", cast('310' as bigint) as "sort_order"
union all
select cast('Other Income' as varchar) as "category", cast('Income Statement' as varchar) as "statement", cast('Other Income' as varchar) as "section", cast('Revenue' as varchar) as "account_class", cast('320' as bigint) as "sort_order"
union all
select cast('Cost of Sales' as varchar) as "category", cast('Income Statement' as varchar) as "statement", cast('Cost of Sales' as varchar) as "section", cast('Expenses' as varchar) as "account_class", cast('410' as bigint) as "sort_order"
union all
select cast('Operating Expenses' as varchar) as "category", cast('Income Statement' as varchar) as "statement", cast('Operating Expenses' as varchar) as "section", cast('Expenses' as varchar) as "account_class", cast('420' as bigint) as "sort_order"
union all
select cast('Other Expense' as varchar) as "category", cast('Income Statement' as varchar) as "statement", cast('Other Expense' as varchar) as "section", cast('Expenses' as varchar) as "account_class", cast('430' as bigint) as "sort_order"

-- adp_payroll_register
create or replace table "analytics_seeds"."adp_payroll_register" as
select cast('PR-2026-10-B' as varchar) as "run_id", cast('2026-10-31' as varchar) as "pay_date", cast('ACME-US' as varchar) as "company_code", cast('W1001' as varchar) as "worker_id", cast('R&D' as varchar) as "home_department", cast('earning' as varchar) as "code_type", cast('REG' as varchar) as "code", cast('7500.00' as numeric(38,9)) as "amount"
union all
select cast('PR-2026-10-B' as varchar) as "run_id", cast('2026-10-31' as varchar) as "pay_date", cast('ACME-US' as varchar) as "company_code", cast('W1001' as varchar) as "worker_id", cast('R&D' as varchar) as "home_department", cast('earning' as varchar) as "code_type", cast('OT' as varchar) as "code", cast('420.00' as numeric(38,9)) as "amount"
union all
select cast('PR-2026-10-B' as varchar) as "run_id", cast('2026-10-31' as varchar) as "pay_date", cast('ACME-US' as varchar) as "company_code", cast('W1001' as varchar) as "worker_id", cast('R&D' as varchar) as "home_department", cast('employee_tax' as varchar) as "code_type", cast('FIT' as varchar) as "code", cast('1310.25' as numeric(38,9)) as "amount"
union all
select cast('PR-2026-10-B' as varchar) as "run_id", cast('2026-10-31' as varchar) as "pay_date", cast('ACME-US' as varchar) as "company_code", cast('W1001' as varchar) as "worker_id", cast('R&D' as varchar) as "home_department", cast('deduction' as varchar) as "code_type", cast('401K' as varchar) as "code", cast('450.00' as numeric(38,9)) as "amount"
union all
select cast('PR-2026-10-B' as varchar) as "run_id", cast('2026-10-31' as varchar) as "pay_date", cast('ACME-US' as varchar) as "company_code", cast('W1001' as varchar) as "worker_id", cast('R&D' as varchar) as "home_department", cast('employer_tax' as varchar) as "code_type", cast('ER_FICA' as varchar) as "code", cast('605.88' as numeric(38,9)) as "amount"
union all
select cast('PR-2026-10-B' as varchar) as "run_id", cast('2026-10-31' as varchar) as "pay_date", cast('ACME-US' as varchar) as "company_code", cast('W1002' as varchar) as "worker_id", cast('Sales' as varchar) as "home_department", cast('earning' as varchar) as "code_type", cast('REG' as varchar) as "code", cast('6200.00' as numeric(38,9)) as "amount"
union all
select cast('PR-2026-10-B' as varchar) as "run_id", cast('2026-10-31' as varchar) as "pay_date", cast('ACME-US' as varchar) as "company_code", cast('W1002' as varchar) as "worker_id", cast('Sales' as varchar) as "home_department", cast('earning' as varchar) as "code_type", cast('BONUS' as varchar) as "code", cast('1500.00' as numeric(38,9)) as "amount"
union all
select cast('PR-2026-10-B' as varchar) as "run_id", cast('2026-10-31' as varchar) as "pay_date", cast('ACME-US' as varchar) as "company_code", cast('W1002' as varchar) as "worker_id", cast('Sales' as varchar) as "home_department", cast('employee_tax' as varchar) as "code_type", cast('FIT' as varchar) as "code", cast('1402.10' as numeric(38,9)) as "amount"
union all
select cast('PR-2026-10-B' as varchar) as "run_id", cast('2026-10-31' as varchar) as "pay_date", cast('ACME-US' as varchar) as "company_code", cast('W1002' as varchar) as "worker_id", cast('Sales' as varchar) as "home_department", cast('deduction' as varchar) as "code_type", cast('401K' as varchar) as "code", cast('310.00' as numeric(38,9)) as "amount"
union all
select cast('PR-2026-10-B' as varchar) as "run_id", cast('2026-10-31' as varchar) as "pay_date", cast('ACME-US' as varchar) as "company_code", cast('W1002' as varchar) as "worker_id", cast('Sales' as varchar) as "home_department", cast('employer_tax' as varchar) as "code_type", cast('ER_FICA' as varchar) as "code", cast('589.05' as numeric(38,9)) as "amount"
union all
select cast('PR-2026-10-B' as varchar) as "run_id", cast('2026-10-31' as varchar) as "pay_date", cast('ACME-US' as varchar) as "company_code", cast('W1003' as varchar) as "worker_id", cast('Finance' as varchar) as "home_department", cast('earning' as varchar) as "code_type", cast('REG' as varchar) as "code", cast('5800.00' as numeric(38,9)) as "amount"
union all
select cast('PR-2026-10-B' as varchar) as "run_id", cast('2026-10-31' as varchar) as "pay_date", cast('ACME-US' as varchar) as "company_code", cast('W1003' as varchar) as "worker_id", cast('Finance' as varchar) as "home_department", cast('employee_tax' as varchar) as "code_type", cast('FIT' as varchar) as "code", cast('980.40' as numeric(38,9)) as "amount"
union all
select cast('PR-2026-10-B' as varchar) as "run_id", cast('2026-10-31' as varchar) as "pay_date", cast('ACME-US' as varchar) as "company_code", cast('W1003' as varchar) as "worker_id", cast('Finance' as varchar) as "home_department", cast('employer_tax' as varchar) as "code_type", cast('ER_FICA' as varchar) as "code", cast('443.70' as numeric(38,9)) as "amount"
union all
select cast('PR-2026-10-B' as varchar) as "run_id", cast('2026-10-31' as varchar) as "pay_date", cast('ACME-UK' as varchar) as "company_code", cast('W2001' as varchar) as "worker_id", cast('R&D' as varchar) as "home_department", cast('earning' as varchar) as "code_type", cast('REG' as varchar) as "code", cast('5100.00' as numeric(38,9)) as "amount"
union all
select cast('PR-2026-10-B' as varchar) as "run_id", cast('2026-10-31' as varchar) as "pay_date", cast('ACME-UK' as varchar) as "company_code", cast('W2001' as varchar) as "worker_id", cast('R&D' as varchar) as "home_department", cast('employee_tax' as varchar) as "code_type", cast('PAYE' as varchar) as "code", cast('1020.00' as numeric(38,9)) as "amount"
union all
select cast('PR-2026-10-B' as varchar) as "run_id", cast('2026-10-31' as varchar) as "pay_date", cast('ACME-UK' as varchar) as "company_code", cast('W2001' as varchar) as "worker_id", cast('R&D' as varchar) as "home_department", cast('employer_tax' as varchar) as "code_type", cast('ER_NIC' as varchar) as "code", cast('612.00' as numeric(38,9)) as "amount"
union all
select cast('PR-2026-10-B' as varchar) as "run_id", cast('2026-10-31' as varchar) as "pay_date", cast('ACME-UK' as varchar) as "company_code", cast('W2002' as varchar) as "worker_id", cast('Ops' as varchar) as "home_department", cast('earning' as varchar) as "code_type", cast('REG' as varchar) as "code", cast('4300.00' as numeric(38,9)) as "amount"
union all
select cast('PR-2026-10-B' as varchar) as "run_id", cast('2026-10-31' as varchar) as "pay_date", cast('ACME-UK' as varchar) as "company_code", cast('W2002' as varchar) as "worker_id", cast('Ops' as varchar) as "home_department", cast('employee_tax' as varchar) as "code_type", cast('PAYE' as varchar) as "code", cast('860.00' as numeric(38,9)) as "amount"
union all
select cast('PR-2026-10-B' as varchar) as "run_id", cast('2026-10-31' as varchar) as "pay_date", cast('ACME-UK' as varchar) as "company_code", cast('W2002' as varchar) as "worker_id", cast('Ops' as varchar) as "home_department", cast('employer_tax' as varchar) as "code_type", cast('ER_NIC' as varchar) as "code", cast('516.00' as numeric(38,9)) as "amount"
union all
select cast('PR-2026-10-B' as varchar) as "run_id", cast('2026-10-31' as varchar) as "pay_date", cast('ACME-US' as varchar) as "company_code", cast('W1001' as varchar) as "worker_id", cast('R&D' as varchar) as "home_department", cast('net_pay' as varchar) as "code_type", cast('NET' as varchar) as "code", cast('6159.75' as numeric(38,9)) as "amount"
union all
select cast('PR-2026-10-B' as varchar) as "run_id", cast('2026-10-31' as varchar) as "pay_date", cast('ACME-US' as varchar) as "company_code", cast('W1002' as varchar) as "worker_id", cast('Sales' as varchar) as "home_department", cast('net_pay' as varchar) as "code_type", cast('NET' as varchar) as "code", cast('5987.90' as numeric(38,9)) as "amount"
union all
select cast('PR-2026-10-B' as varchar) as "run_id", cast('2026-10-31' as varchar) as "pay_date", cast('ACME-US' as varchar) as "company_code", cast('W1003' as varchar) as "worker_id", cast('Finance' as varchar) as "home_department", cast('net_pay' as varchar) as "code_type", cast('NET' as varchar) as "code", cast('4819.60' as numeric(38,9)) as "amount"
union all
select cast('PR-2026-10-B' as varchar) as "run_id", cast('2026-10-31' as varchar) as "pay_date", cast('ACME-UK' as varchar) as "company_code", cast('W2001' as varchar) as "worker_id", cast('R&D' as varchar) as "home_department", cast('net_pay' as varchar) as "code_type", cast('NET' as varchar) as "code", cast('4080.00' as numeric(38,9)) as "amount"
union all
select cast('PR-2026-10-B' as varchar) as "run_id", cast('2026-10-31' as varchar) as "pay_date", cast('ACME-UK' as varchar) as "company_code", cast('W2002' as varchar) as "worker_id", cast('Ops' as varchar) as "home_department", cast('net_pay' as varchar) as "code_type", cast('NET' as varchar) as "code", cast('3440.00' as numeric(38,9)) as "amount"

-- chargebee_invoice
create or replace table "analytics_seeds"."chargebee_invoice" as
select cast('inv_0001' as varchar) as "id", cast('sub_A001' as varchar) as "subscription_id", cast('cb_cust_01' as varchar) as "customer_id", cast('2026-08-01' as varchar) as "date", cast('120000' as bigint) as "total", cast('USD' as varchar) as "currency_code", cast('paid' as varchar) as "status", cast('2026-08-01' as varchar) as "period_start", cast('2027-08-01' as varchar) as "period_end", cast('new' as varchar) as "reason"
union all
select cast('inv_0002' as varchar) as "id", cast('sub_A002' as varchar) as "subscription_id", cast('cb_cust_02' as varchar) as "customer_id", cast('2026-07-01' as varchar) as "date", cast('240000' as bigint) as "total", cast('USD' as varchar) as "currency_code", cast('paid' as varchar) as "status", cast('2026-07-01' as varchar) as "period_start", cast('2027-07-01' as varchar) as "period_end", cast('new' as varchar) as "reason"
union all
select cast('inv_0003' as varchar) as "id", cast('sub_A001' as varchar) as "subscription_id", cast('cb_cust_01' as varchar) as "customer_id", cast('2026-11-01' as varchar) as "date", cast('90000' as bigint) as "total", cast('USD' as varchar) as "currency_code", cast('paid' as varchar) as "status", cast('2026-11-01' as varchar) as "period_start", cast('2027-08-01' as varchar) as "period_end", cast('upgrade' as varchar) as "reason"
union all
select cast('inv_0004' as varchar) as "id", cast('sub_A002' as varchar) as "subscription_id", cast('cb_cust_02' as varchar) as "customer_id", cast('2026-11-01' as varchar) as "date", cast('-80000' as bigint) as "total", cast('USD' as varchar) as "currency_code", cast('paid' as varchar) as "status", cast('2026-11-01' as varchar) as "period_start", cast('2027-07-01' as varchar) as "period_end", cast('downgrade' as varchar) as "reason"
union all
select cast('inv_0005' as varchar) as "id", cast('sub_A003' as varchar) as "subscription_id", cast('cb_cust_03' as varchar) as "customer_id", cast('2026-09-01' as varchar) as "date", cast('96000' as bigint) as "total", cast('GBP' as varchar) as "currency_code", cast('paid' as varchar) as "status", cast('2026-09-01' as varchar) as "period_start", cast('2027-09-01' as varchar) as "period_end", cast('new' as varchar) as "reason"
union all
select cast('inv_0006' as varchar) as "id", cast('sub_A004' as varchar) as "subscription_id", cast('cb_cust_04' as varchar) as "customer_id", cast('2026-08-01' as varchar) as "date", cast('108000' as bigint) as "total", cast('EUR' as varchar) as "currency_code", cast('paid' as varchar) as "status", cast('2026-08-01' as varchar) as "period_start", cast('2027-08-01' as varchar) as "period_end", cast('new' as varchar) as "reason"

-- chargebee_plan
create or replace table "analytics_seeds"."chargebee_plan" as
select cast('team-annual-usd' as varchar) as "id", cast('Team (annual)' as varchar) as "name", cast('120000' as bigint) as "price", cast('USD' as varchar) as "currency_code", cast('1' as bigint) as "period", cast('year' as varchar) as "period_unit"
union all
select cast('business-annual-usd' as varchar) as "id", cast('Business (annual)' as varchar) as "name", cast('240000' as bigint) as "price", cast('USD' as varchar) as "currency_code", cast('1' as bigint) as "period", cast('year' as varchar) as "period_unit"
union all
select cast('team-annual-gbp' as varchar) as "id", cast('Team (annual)' as varchar) as "name", cast('96000' as bigint) as "price", cast('GBP' as varchar) as "currency_code", cast('1' as bigint) as "period", cast('year' as varchar) as "period_unit"
union all
select cast('team-annual-eur' as varchar) as "id", cast('Team (annual)' as varchar) as "name", cast('108000' as bigint) as "price", cast('EUR' as varchar) as "currency_code", cast('1' as bigint) as "period", cast('year' as varchar) as "period_unit"

-- chargebee_subscription
create or replace table "analytics_seeds"."chargebee_subscription" as
select cast('sub_A001' as varchar) as "id", cast('cb_cust_01' as varchar) as "customer_id", cast('team-annual-usd' as varchar) as "plan_id", cast('active' as varchar) as "status", cast('2026-08-01' as varchar) as "started_at", cast('2026-08-01' as varchar) as "current_term_start", cast('2027-08-01' as varchar) as "current_term_end", cast(null as varchar) as "cancelled_at"
union all
select cast('sub_A002' as varchar) as "id", cast('cb_cust_02' as varchar) as "customer_id", cast('business-annual-usd' as varchar) as "plan_id", cast('active' as varchar) as "status", cast('2026-07-01' as varchar) as "started_at", cast('2026-07-01' as varchar) as "current_term_start", cast('2027-07-01' as varchar) as "current_term_end", cast(null as varchar) as "cancelled_at"
union all
select cast('sub_A003' as varchar) as "id", cast('cb_cust_03' as varchar) as "customer_id", cast('team-annual-gbp' as varchar) as "plan_id", cast('active' as varchar) as "status", cast('2026-09-01' as varchar) as "started_at", cast('2026-09-01' as varchar) as "current_term_start", cast('2027-09-01' as varchar) as "current_term_end", cast(null as varchar) as "cancelled_at"
union all
select cast('sub_A004' as varchar) as "id", cast('cb_cust_04' as varchar) as "customer_id", cast('team-annual-eur' as varchar) as "plan_id", cast('cancelled' as varchar) as "status", cast('2026-08-01' as varchar) as "started_at", cast('2026-08-01' as varchar) as "current_term_start", cast('2027-08-01' as varchar) as "current_term_end", cast('2026-11-15' as varchar) as "cancelled_at"

-- intercompany_accounts
create or replace table "analytics_seeds"."intercompany_accounts" as
select cast('1400' as bigint) as "account_no", cast('due_from' as varchar) as "side"
union all
select cast('2400' as bigint) as "account_no", cast('due_to' as varchar) as "side"

-- month_offsets
create or replace table "analytics_seeds"."month_offsets" as
select cast('0' as bigint) as "month_offset"
union all
select cast('1' as bigint) as "month_offset"
union all
select cast('2' as bigint) as "month_offset"
union all
select cast('3' as bigint) as "month_offset"
union all
select cast('4' as bigint) as "month_offset"
union all
select cast('5' as bigint) as "month_offset"
union all
select cast('6' as bigint) as "month_offset"
union all
select cast('7' as bigint) as "month_offset"
union all
select cast('8' as bigint) as "month_offset"
union all
select cast('9' as bigint) as "month_offset"
union all
select cast('10' as bigint) as "month_offset"
union all
select cast('11' as bigint) as "month_offset"
union all
select cast('12' as bigint) as "month_offset"
union all
select cast('13' as bigint) as "month_offset"
union all
select cast('14' as bigint) as "month_offset"
union all
select cast('15' as bigint) as "month_offset"
union all
select cast('16' as bigint) as "month_offset"
union all
select cast('17' as bigint) as "month_offset"
union all
select cast('18' as bigint) as "month_offset"
union all
select cast('19' as bigint) as "month_offset"
union all
select cast('20' as bigint) as "month_offset"
union all
select cast('21' as bigint) as "month_offset"
union all
select cast('22' as bigint) as "month_offset"
union all
select cast('23' as bigint) as "month_offset"
union all
select cast('24' as bigint) as "month_offset"
union all
select cast('25' as bigint) as "month_offset"
union all
select cast('26' as bigint) as "month_offset"
union all
select cast('27' as bigint) as "month_offset"
union all
select cast('28' as bigint) as "month_offset"
union all
select cast('29' as bigint) as "month_offset"
union all
select cast('30' as bigint) as "month_offset"
union all
select cast('31' as bigint) as "month_offset"
union all
select cast('32' as bigint) as "month_offset"
union all
select cast('33' as bigint) as "month_offset"
union all
select cast('34' as bigint) as "month_offset"
union all
select cast('35' as bigint) as "month_offset"

-- procurement_invoice
create or replace table "analytics_seeds"."procurement_invoice" as
select cast('AWS-2026-10' as varchar) as "invoice_number", cast('SUP-AWS' as varchar) as "supplier_id", cast('Acme US' as varchar) as "buyer_company", cast('2026-10-31' as varchar) as "invoice_date", cast('2026-11-30' as varchar) as "due_date", cast(null as varchar) as "po_number", cast('USD' as varchar) as "currency", cast('1' as bigint) as "line_no", cast('Hosting October' as varchar) as "description", cast('HOSTING' as varchar) as "gl_code", cast('CC-100' as varchar) as "cost_center", cast('4210.37' as numeric(38,9)) as "amount"
union all
select cast('AWS-2026-10' as varchar) as "invoice_number", cast('SUP-AWS' as varchar) as "supplier_id", cast('Acme US' as varchar) as "buyer_company", cast('2026-10-31' as varchar) as "invoice_date", cast('2026-11-30' as varchar) as "due_date", cast(null as varchar) as "po_number", cast('USD' as varchar) as "currency", cast('2' as bigint) as "line_no", cast('Support plan' as varchar) as "description", cast('SOFTWARE' as varchar) as "gl_code", cast('CC-100' as varchar) as "cost_center", cast('389.00' as numeric(38,9)) as "amount"
union all
select cast('LAW-7781' as varchar) as "invoice_number", cast('SUP-LAW' as varchar) as "supplier_id", cast('Acme US' as varchar) as "buyer_company", cast('2026-10-20' as varchar) as "invoice_date", cast('2026-11-19' as varchar) as "due_date", cast(null as varchar) as "po_number", cast('USD' as varchar) as "currency", cast('1' as bigint) as "line_no", cast('Contract review' as varchar) as "description", cast('LEGAL' as varchar) as "gl_code", cast('CC-200' as varchar) as "cost_center", cast('2750.00' as numeric(38,9)) as "amount"
union all
select cast('DELL-55102' as varchar) as "invoice_number", cast('SUP-DELL' as varchar) as "supplier_id", cast('Acme US' as varchar) as "buyer_company", cast('2026-10-22' as varchar) as "invoice_date", cast('2026-11-21' as varchar) as "due_date", cast('PO-US1-000001' as varchar) as "po_number", cast('USD' as varchar) as "currency", cast('1' as bigint) as "line_no", cast('Laptops (12)' as varchar) as "description", cast('OFFICE' as varchar) as "gl_code", cast('CC-100' as varchar) as "cost_center", cast('18960.00' as numeric(38,9)) as "amount"
union all
select cast('DELL-55102' as varchar) as "invoice_number", cast('SUP-DELL' as varchar) as "supplier_id", cast('Acme US' as varchar) as "buyer_company", cast('2026-10-22' as varchar) as "invoice_date", cast('2026-11-21' as varchar) as "due_date", cast('PO-US1-000001' as varchar) as "po_number", cast('USD' as varchar) as "currency", cast('2' as bigint) as "line_no", cast('Docking stations' as varchar) as "description", cast('OFFICE' as varchar) as "gl_code", cast('CC-100' as varchar) as "cost_center", cast('1440.00' as numeric(38,9)) as "amount"
union all
select cast('TRV-2026-10' as varchar) as "invoice_number", cast('SUP-TRAVEL' as varchar) as "supplier_id", cast('Acme US' as varchar) as "buyer_company", cast('2026-10-30' as varchar) as "invoice_date", cast('2026-11-29' as varchar) as "due_date", cast(null as varchar) as "po_number", cast('USD' as varchar) as "currency", cast('1' as bigint) as "line_no", cast('Sales kickoff travel' as varchar) as "description", cast('TRAVEL' as varchar) as "gl_code", cast('CC-300' as varchar) as "cost_center", cast('6125.50' as numeric(38,9)) as "amount"

-- reverse_dimension_map
create or replace table "analytics_seeds"."reverse_dimension_map" as
select cast('salesforce' as varchar) as "source_system", cast('entity' as varchar) as "dimension", cast('United States' as varchar) as "source_value", cast('US1' as varchar) as "intacct_value"
union all
select cast('salesforce' as varchar) as "source_system", cast('entity' as varchar) as "dimension", cast('United Kingdom' as varchar) as "source_value", cast('UK1' as varchar) as "intacct_value"
union all
select cast('salesforce' as varchar) as "source_system", cast('entity' as varchar) as "dimension", cast('Germany' as varchar) as "source_value", cast('DE1' as varchar) as "intacct_value"
union all
select cast('salesforce' as varchar) as "source_system", cast('gl_account' as varchar) as "dimension", cast('SW-SUB' as varchar) as "source_value", cast('4200' as varchar) as "intacct_value"
union all
select cast('salesforce' as varchar) as "source_system", cast('gl_account' as varchar) as "dimension", cast('SW-LIC' as varchar) as "source_value", cast('4000' as varchar) as "intacct_value"
union all
select cast('salesforce' as varchar) as "source_system", cast('gl_account' as varchar) as "dimension", cast('SVC-IMPL' as varchar) as "source_value", cast('4100' as varchar) as "intacct_value"
union all
select cast('salesforce' as varchar) as "source_system", cast('gl_account' as varchar) as "dimension", cast('SVC-TRAIN' as varchar) as "source_value", cast('4100' as varchar) as "intacct_value"
union all
select cast('chargebee' as varchar) as "source_system", cast('entity' as varchar) as "dimension", cast('USD' as varchar) as "source_value", cast('US1' as varchar) as "intacct_value"
union all
select cast('chargebee' as varchar) as "source_system", cast('entity' as varchar) as "dimension", cast('GBP' as varchar) as "source_value", cast('UK1' as varchar) as "intacct_value"
union all
select cast('chargebee' as varchar) as "source_system", cast('entity' as varchar) as "dimension", cast('EUR' as varchar) as "source_value", cast('DE1' as varchar) as "intacct_value"
union all
select cast('adp' as varchar) as "source_system", cast('entity' as varchar) as "dimension", cast('ACME-US' as varchar) as "source_value", cast('US1' as varchar) as "intacct_value"
union all
select cast('adp' as varchar) as "source_system", cast('entity' as varchar) as "dimension", cast('ACME-UK' as varchar) as "source_value", cast('UK1' as varchar) as "intacct_value"
union all
select cast('adp' as varchar) as "source_system", cast('department' as varchar) as "dimension", cast('R&D' as varchar) as "source_value", cast('ENG' as varchar) as "intacct_value"
union all
select cast('adp' as varchar) as "source_system", cast('department' as varchar) as "dimension", cast('Sales' as varchar) as "source_value", cast('SALES' as varchar) as "intacct_value"
union all
select cast('adp' as varchar) as "source_system", cast('department' as varchar) as "dimension", cast('Ops' as varchar) as "source_value", cast('OPS' as varchar) as "intacct_value"
union all
select cast('adp' as varchar) as "source_system", cast('department' as varchar) as "dimension", cast('Finance' as varchar) as "source_value", cast('FIN' as varchar) as "intacct_value"
union all
select cast('adp' as varchar) as "source_system", cast('department' as varchar) as "dimension", cast('Old Programs' as varchar) as "source_value", cast('LEGACY' as varchar) as "intacct_value"
union all
select cast('adp' as varchar) as "source_system", cast('gl_account' as varchar) as "dimension", cast('REG' as varchar) as "source_value", cast('6000' as varchar) as "intacct_value"
union all
select cast('adp' as varchar) as "source_system", cast('gl_account' as varchar) as "dimension", cast('OT' as varchar) as "source_value", cast('6000' as varchar) as "intacct_value"
union all
select cast('adp' as varchar) as "source_system", cast('gl_account' as varchar) as "dimension", cast('BONUS' as varchar) as "source_value", cast('6000' as varchar) as "intacct_value"
union all
select cast('adp' as varchar) as "source_system", cast('gl_account' as varchar) as "dimension", cast('ER_FICA' as varchar) as "source_value", cast('6010' as varchar) as "intacct_value"
union all
select cast('adp' as varchar) as "source_system", cast('gl_account' as varchar) as "dimension", cast('ER_NIC' as varchar) as "source_value", cast('6010' as varchar) as "intacct_value"
union all
select cast('timesheet' as varchar) as "source_system", cast('entity' as varchar) as "dimension", cast('US' as varchar) as "source_value", cast('US1' as varchar) as "intacct_value"
union all
select cast('timesheet' as varchar) as "source_system", cast('employee' as varchar) as "dimension", cast('W1001' as varchar) as "source_value", cast('E-0001' as varchar) as "intacct_value"
union all
select cast('timesheet' as varchar) as "source_system", cast('employee' as varchar) as "dimension", cast('W1002' as varchar) as "source_value", cast('E-0002' as varchar) as "intacct_value"
union all
select cast('timesheet' as varchar) as "source_system", cast('project' as varchar) as "dimension", cast('IMPL-ACME' as varchar) as "source_value", cast('P-US1-001' as varchar) as "intacct_value"
union all
select cast('timesheet' as varchar) as "source_system", cast('project' as varchar) as "dimension", cast('IMPL-GLOBEX' as varchar) as "source_value", cast('P-US1-002' as varchar) as "intacct_value"
union all
select cast('timesheet' as varchar) as "source_system", cast('task' as varchar) as "dimension", cast('IMPL-ACME/DESIGN' as varchar) as "source_value", cast('P-US1-001-T1' as varchar) as "intacct_value"
union all
select cast('timesheet' as varchar) as "source_system", cast('task' as varchar) as "dimension", cast('IMPL-ACME/BUILD' as varchar) as "source_value", cast('P-US1-001-T2' as varchar) as "intacct_value"
union all
select cast('timesheet' as varchar) as "source_system", cast('task' as varchar) as "dimension", cast('IMPL-GLOBEX/DESIGN' as varchar) as "source_value", cast('P-US1-002-T1' as varchar) as "intacct_value"
union all
select cast('procurement' as varchar) as "source_system", cast('entity' as varchar) as "dimension", cast('Acme US' as varchar) as "source_value", cast('US1' as varchar) as "intacct_value"
union all
select cast('procurement' as varchar) as "source_system", cast('entity' as varchar) as "dimension", cast('Acme GmbH' as varchar) as "source_value", cast('DE1' as varchar) as "intacct_value"
union all
select cast('procurement' as varchar) as "source_system", cast('vendor' as varchar) as "dimension", cast('SUP-AWS' as varchar) as "source_value", cast('V-00001' as varchar) as "intacct_value"
union all
select cast('procurement' as varchar) as "source_system", cast('vendor' as varchar) as "dimension", cast('SUP-LAW' as varchar) as "source_value", cast('V-00002' as varchar) as "intacct_value"
union all
select cast('procurement' as varchar) as "source_system", cast('vendor' as varchar) as "dimension", cast('SUP-DELL' as varchar) as "source_value", cast('V-00003' as varchar) as "intacct_value"
union all
select cast('procurement' as varchar) as "source_system", cast('vendor' as varchar) as "dimension", cast('SUP-TRAVEL' as varchar) as "source_value", cast('V-00005' as varchar) as "intacct_value"
union all
select cast('procurement' as varchar) as "source_system", cast('gl_account' as varchar) as "dimension", cast('HOSTING' as varchar) as "source_value", cast('5200' as varchar) as "intacct_value"
union all
select cast('procurement' as varchar) as "source_system", cast('gl_account' as varchar) as "dimension", cast('SOFTWARE' as varchar) as "source_value", cast('6200' as varchar) as "intacct_value"
union all
select cast('procurement' as varchar) as "source_system", cast('gl_account' as varchar) as "dimension", cast('LEGAL' as varchar) as "source_value", cast('6410' as varchar) as "intacct_value"
union all
select cast('procurement' as varchar) as "source_system", cast('gl_account' as varchar) as "dimension", cast('OFFICE' as varchar) as "source_value", cast('6210' as varchar) as "intacct_value"
union all
select cast('procurement' as varchar) as "source_system", cast('gl_account' as varchar) as "dimension", cast('TRAVEL' as varchar) as "source_value", cast('6300' as varchar) as "intacct_value"
union all
select cast('procurement' as varchar) as "source_system", cast('department' as varchar) as "dimension", cast('CC-100' as varchar) as "source_value", cast('ENG' as varchar) as "intacct_value"
union all
select cast('procurement' as varchar) as "source_system", cast('department' as varchar) as "dimension", cast('CC-200' as varchar) as "source_value", cast('G&A' as varchar) as "intacct_value"
union all
select cast('procurement' as varchar) as "source_system", cast('department' as varchar) as "dimension", cast('CC-300' as varchar) as "source_value", cast('SALES' as varchar) as "intacct_value"

-- salesforce_account
create or replace table "analytics_seeds"."salesforce_account" as
select cast('001A000001' as varchar) as "id", cast('Northwind Traders' as varchar) as "name", cast('Customer' as varchar) as "type", cast('Retail' as varchar) as "industry", cast('Seattle' as varchar) as "billing_city", cast('United States' as varchar) as "billing_country"
union all
select cast('001A000002' as varchar) as "id", cast('Globex Manufacturing' as varchar) as "name", cast('Customer' as varchar) as "type", cast('Manufacturing' as varchar) as "industry", cast('Chicago' as varchar) as "billing_city", cast('United States' as varchar) as "billing_country"
union all
select cast('001A000003' as varchar) as "id", cast('Initech Ltd' as varchar) as "name", cast('Customer' as varchar) as "type", cast('Technology' as varchar) as "industry", cast('London' as varchar) as "billing_city", cast('United Kingdom' as varchar) as "billing_country"
union all
select cast('001A000004' as varchar) as "id", cast('Umbrella Logistik GmbH' as varchar) as "name", cast('Customer' as varchar) as "type", cast('Logistics' as varchar) as "industry", cast('Hamburg' as varchar) as "billing_city", cast('Germany' as varchar) as "billing_country"
union all
select cast('001A000005' as varchar) as "id", cast('Hooli Prospects' as varchar) as "name", cast('Prospect' as varchar) as "type", cast('Technology' as varchar) as "industry", cast('Palo Alto' as varchar) as "billing_city", cast('United States' as varchar) as "billing_country"

-- salesforce_opportunity
create or replace table "analytics_seeds"."salesforce_opportunity" as
select cast('006A000001' as varchar) as "id", cast('001A000001' as varchar) as "account_id", cast('Northwind - Platform annual' as varchar) as "name", cast('Closed Won' as varchar) as "stage_name", cast('true' as varchar) as "is_won", cast('true' as varchar) as "is_closed", cast('2026-10-05' as varchar) as "close_date", cast('14400.00' as numeric(38,9)) as "amount", cast('USD' as varchar) as "currency_iso_code", cast('New Business' as varchar) as "type"
union all
select cast('006A000002' as varchar) as "id", cast('001A000002' as varchar) as "account_id", cast('Globex - Implementation' as varchar) as "name", cast('Closed Won' as varchar) as "stage_name", cast('true' as varchar) as "is_won", cast('true' as varchar) as "is_closed", cast('2026-10-12' as varchar) as "close_date", cast('27500.00' as numeric(38,9)) as "amount", cast('USD' as varchar) as "currency_iso_code", cast('New Business' as varchar) as "type"
union all
select cast('006A000003' as varchar) as "id", cast('001A000003' as varchar) as "account_id", cast('Initech - Licences' as varchar) as "name", cast('Closed Won' as varchar) as "stage_name", cast('true' as varchar) as "is_won", cast('true' as varchar) as "is_closed", cast('2026-10-20' as varchar) as "close_date", cast('9800.00' as numeric(38,9)) as "amount", cast('GBP' as varchar) as "currency_iso_code", cast('New Business' as varchar) as "type"
union all
select cast('006A000004' as varchar) as "id", cast('001A000004' as varchar) as "account_id", cast('Umbrella - Rollout' as varchar) as "name", cast('Closed Won' as varchar) as "stage_name", cast('true' as varchar) as "is_won", cast('true' as varchar) as "is_closed", cast('2026-10-28' as varchar) as "close_date", cast('18250.00' as numeric(38,9)) as "amount", cast('EUR' as varchar) as "currency_iso_code", cast('New Business' as varchar) as "type"
union all
select cast('006A000005' as varchar) as "id", cast('001A000005' as varchar) as "account_id", cast('Hooli - Pilot' as varchar) as "name", cast('Negotiation' as varchar) as "stage_name", cast('false' as varchar) as "is_won", cast('false' as varchar) as "is_closed", cast('2026-12-15' as varchar) as "close_date", cast('5000.00' as numeric(38,9)) as "amount", cast('USD' as varchar) as "currency_iso_code", cast('New Business' as varchar) as "type"
union all
select cast('006A000006' as varchar) as "id", cast('001A000002' as varchar) as "account_id", cast('Globex - Training' as varchar) as "name", cast('Closed Won' as varchar) as "stage_name", cast('true' as varchar) as "is_won", cast('true' as varchar) as "is_closed", cast('2026-10-30' as varchar) as "close_date", cast('3600.00' as numeric(38,9)) as "amount", cast('USD' as varchar) as "currency_iso_code", cast('Upsell' as varchar) as "type"

-- salesforce_opportunity_line_item
create or replace table "analytics_seeds"."salesforce_opportunity_line_item" as
select cast('00kA000001' as varchar) as "id", cast('006A000001' as varchar) as "opportunity_id", cast('SW-SUB' as varchar) as "product_code", cast('Annual Subscription' as varchar) as "name", cast('12' as bigint) as "quantity", cast('1200.00' as numeric(38,9)) as "unit_price", cast('14400.00' as numeric(38,9)) as "total_price"
union all
select cast('00kA000002' as varchar) as "id", cast('006A000002' as varchar) as "opportunity_id", cast('SVC-IMPL' as varchar) as "product_code", cast('Implementation Services' as varchar) as "name", cast('1' as bigint) as "quantity", cast('25000.00' as numeric(38,9)) as "unit_price", cast('25000.00' as numeric(38,9)) as "total_price"
union all
select cast('00kA000003' as varchar) as "id", cast('006A000002' as varchar) as "opportunity_id", cast('SVC-TRAIN' as varchar) as "product_code", cast('Training Day' as varchar) as "name", cast('1' as bigint) as "quantity", cast('2500.00' as numeric(38,9)) as "unit_price", cast('2500.00' as numeric(38,9)) as "total_price"
union all
select cast('00kA000004' as varchar) as "id", cast('006A000003' as varchar) as "opportunity_id", cast('SW-LIC' as varchar) as "product_code", cast('Software License' as varchar) as "name", cast('7' as bigint) as "quantity", cast('1400.00' as numeric(38,9)) as "unit_price", cast('9800.00' as numeric(38,9)) as "total_price"
union all
select cast('00kA000005' as varchar) as "id", cast('006A000004' as varchar) as "opportunity_id", cast('SW-LIC' as varchar) as "product_code", cast('Software License' as varchar) as "name", cast('5' as bigint) as "quantity", cast('2250.00' as numeric(38,9)) as "unit_price", cast('11250.00' as numeric(38,9)) as "total_price"
union all
select cast('00kA000006' as varchar) as "id", cast('006A000004' as varchar) as "opportunity_id", cast('SVC-IMPL' as varchar) as "product_code", cast('Implementation Services' as varchar) as "name", cast('1' as bigint) as "quantity", cast('7000.00' as numeric(38,9)) as "unit_price", cast('7000.00' as numeric(38,9)) as "total_price"
union all
select cast('00kA000007' as varchar) as "id", cast('006A000005' as varchar) as "opportunity_id", cast('SW-SUB' as varchar) as "product_code", cast('Annual Subscription' as varchar) as "name", cast('1' as bigint) as "quantity", cast('5000.00' as numeric(38,9)) as "unit_price", cast('5000.00' as numeric(38,9)) as "total_price"
union all
select cast('00kA000008' as varchar) as "id", cast('006A000006' as varchar) as "opportunity_id", cast('SVC-TRAIN' as varchar) as "product_code", cast('Training Day' as varchar) as "name", cast('3' as bigint) as "quantity", cast('1200.00' as numeric(38,9)) as "unit_price", cast('3600.00' as numeric(38,9)) as "total_price"

-- stripe_charge
create or replace table "analytics_seeds"."stripe_charge" as
select cast('ch_3Q0001' as varchar) as "id", cast('pi_3Q0001' as varchar) as "payment_intent_id", cast('1440000' as bigint) as "amount", cast('0' as bigint) as "amount_refunded", cast('usd' as varchar) as "currency", cast('succeeded' as varchar) as "status", cast('true' as varchar) as "paid", cast('2026-10-15 14:02:11' as varchar) as "created", cast('Northwind annual platform' as varchar) as "description"
union all
select cast('ch_3Q0002' as varchar) as "id", cast('pi_3Q0002' as varchar) as "payment_intent_id", cast('2750000' as bigint) as "amount", cast('0' as bigint) as "amount_refunded", cast('usd' as varchar) as "currency", cast('succeeded' as varchar) as "status", cast('true' as varchar) as "paid", cast('2026-10-25 09:41:55' as varchar) as "created", cast('Globex implementation' as varchar) as "description"
union all
select cast('ch_3Q0003' as varchar) as "id", cast('pi_3Q0003' as varchar) as "payment_intent_id", cast('500000' as bigint) as "amount", cast('0' as bigint) as "amount_refunded", cast('gbp' as varchar) as "currency", cast('succeeded' as varchar) as "status", cast('true' as varchar) as "paid", cast('2026-10-29 16:20:03' as varchar) as "created", cast('Initech licences (first instalment)' as varchar) as "description"
union all
select cast('ch_3Q0004' as varchar) as "id", cast('pi_3Q0004' as varchar) as "payment_intent_id", cast('1825000' as bigint) as "amount", cast('0' as bigint) as "amount_refunded", cast('eur' as varchar) as "currency", cast('failed' as varchar) as "status", cast('false' as varchar) as "paid", cast('2026-10-30 11:05:40' as varchar) as "created", cast('Umbrella rollout' as varchar) as "description"

-- stripe_payment_intent
create or replace table "analytics_seeds"."stripe_payment_intent" as
select cast('pi_3Q0001' as varchar) as "id", cast('1440000' as bigint) as "amount", cast('usd' as varchar) as "currency", cast('succeeded' as varchar) as "status", cast('cus_NW01' as varchar) as "customer_id", cast('006A000001' as varchar) as "metadata__opportunity_id"
union all
select cast('pi_3Q0002' as varchar) as "id", cast('2750000' as bigint) as "amount", cast('usd' as varchar) as "currency", cast('succeeded' as varchar) as "status", cast('cus_GX01' as varchar) as "customer_id", cast('006A000002' as varchar) as "metadata__opportunity_id"
union all
select cast('pi_3Q0003' as varchar) as "id", cast('500000' as bigint) as "amount", cast('gbp' as varchar) as "currency", cast('succeeded' as varchar) as "status", cast('cus_IT01' as varchar) as "customer_id", cast('006A000003' as varchar) as "metadata__opportunity_id"
union all
select cast('pi_3Q0004' as varchar) as "id", cast('1825000' as bigint) as "amount", cast('eur' as varchar) as "currency", cast('requires_payment_method' as varchar) as "status", cast('cus_UM01' as varchar) as "customer_id", cast('006A000004' as varchar) as "metadata__opportunity_id"

-- timesheet_export
create or replace table "analytics_seeds"."timesheet_export" as
select cast('TS-2026-W44' as varchar) as "batch_id", cast('TE-0001' as varchar) as "entry_id", cast('US' as varchar) as "company", cast('W1001' as varchar) as "worker_id", cast('IMPL-ACME' as varchar) as "project_code", cast('DESIGN' as varchar) as "task_code", cast('2026-10-26' as varchar) as "work_date", cast('6.5' as varchar) as "hours", cast('85.00' as numeric(38,9)) as "cost_rate"
union all
select cast('TS-2026-W44' as varchar) as "batch_id", cast('TE-0002' as varchar) as "entry_id", cast('US' as varchar) as "company", cast('W1001' as varchar) as "worker_id", cast('IMPL-ACME' as varchar) as "project_code", cast('BUILD' as varchar) as "task_code", cast('2026-10-27' as varchar) as "work_date", cast('8' as varchar) as "hours", cast('85.00' as numeric(38,9)) as "cost_rate"
union all
select cast('TS-2026-W44' as varchar) as "batch_id", cast('TE-0003' as varchar) as "entry_id", cast('US' as varchar) as "company", cast('W1002' as varchar) as "worker_id", cast('IMPL-GLOBEX' as varchar) as "project_code", cast('DESIGN' as varchar) as "task_code", cast('2026-10-28' as varchar) as "work_date", cast('4.25' as varchar) as "hours", cast('72.50' as numeric(38,9)) as "cost_rate"
union all
select cast('TS-2026-W45' as varchar) as "batch_id", cast('TE-0004' as varchar) as "entry_id", cast('US' as varchar) as "company", cast('W1001' as varchar) as "worker_id", cast('IMPL-ACME' as varchar) as "project_code", cast('BUILD' as varchar) as "task_code", cast('2026-11-02' as varchar) as "work_date", cast('7.75' as varchar) as "hours", cast('85.00' as numeric(38,9)) as "cost_rate"
union all
select cast('TS-2026-W45' as varchar) as "batch_id", cast('TE-0005' as varchar) as "entry_id", cast('US' as varchar) as "company", cast('W1002' as varchar) as "worker_id", cast('IMPL-GLOBEX' as varchar) as "project_code", cast('DESIGN' as varchar) as "task_code", cast('2026-11-03' as varchar) as "work_date", cast('5' as varchar) as "hours", cast('72.50' as numeric(38,9)) as "cost_rate"
