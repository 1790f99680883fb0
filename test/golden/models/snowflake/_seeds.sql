-- account_categories
create or replace table "analytics_seeds"."account_categories" as
select cast('Cash and Cash Equivalents' as varchar) as "CATEGORY", cast('Balance Sheet' as varchar) as "STATEMENT", cast('Current Assets' as varchar) as "SECTION", cast('Assets' as varchar) as "ACCOUNT_CLASS", cast('10' as bigint) as "SORT_ORDER"
union all
select cast('Accounts Receivable' as varchar) as "CATEGORY", cast('Balance Sheet' as varchar) as "STATEMENT", cast('Current Assets' as varchar) as "SECTION", cast('Assets' as varchar) as "ACCOUNT_CLASS", cast('20' as bigint) as "SORT_ORDER"
union all
select cast('Other Current Assets' as varchar) as "CATEGORY", cast('Balance Sheet' as varchar) as "STATEMENT", cast('Current Assets' as varchar) as "SECTION", cast('Assets' as varchar) as "ACCOUNT_CLASS", cast('30' as bigint) as "SORT_ORDER"
union all
select cast('Inventory' as varchar) as "CATEGORY", cast('Balance Sheet' as varchar) as "STATEMENT", cast('Current Assets' as varchar) as "SECTION", cast('Assets' as varchar) as "ACCOUNT_CLASS", cast('40' as bigint) as "SORT_ORDER"
union all
select cast('Fixed Assets' as varchar) as "CATEGORY", cast('Balance Sheet' as varchar) as "STATEMENT", cast('Non-current Assets' as varchar) as "SECTION", cast('Assets' as varchar) as "ACCOUNT_CLASS", cast('50' as bigint) as "SORT_ORDER"
union all
select cast('Other Assets' as varchar) as "CATEGORY", cast('Balance Sheet' as varchar) as "STATEMENT", cast('Non-current Assets' as varchar) as "SECTION", cast('Assets' as varchar) as "ACCOUNT_CLASS", cast('60' as bigint) as "SORT_ORDER"
union all
select cast('Accounts Payable' as varchar) as "CATEGORY", cast('Balance Sheet' as varchar) as "STATEMENT", cast('Current Liabilities' as varchar) as "SECTION", cast('Liabilities' as varchar) as "ACCOUNT_CLASS", cast('110' as bigint) as "SORT_ORDER"
union all
select cast('Accrued Liabilities' as varchar) as "CATEGORY", cast('Balance Sheet' as varchar) as "STATEMENT", cast('Current Liabilities' as varchar) as "SECTION", cast('Liabilities' as varchar) as "ACCOUNT_CLASS", cast('120' as bigint) as "SORT_ORDER"
union all
select cast('Other Current Liabilities' as varchar) as "CATEGORY", cast('Balance Sheet' as varchar) as "STATEMENT", cast('Current Liabilities' as varchar) as "SECTION", cast('Liabilities' as varchar) as "ACCOUNT_CLASS", cast('130' as bigint) as "SORT_ORDER"
union all
select cast('Long Term Liabilities' as varchar) as "CATEGORY", cast('Balance Sheet' as varchar) as "STATEMENT", cast('Non-current Liabilities' as varchar) as "SECTION", cast('Liabilities' as varchar) as "ACCOUNT_CLASS", cast('140' as bigint) as "SORT_ORDER"
union all
select cast('Equity' as varchar) as "CATEGORY", cast('Balance Sheet' as varchar) as "STATEMENT", cast('Equity' as varchar) as "SECTION", cast('Equity' as varchar) as "ACCOUNT_CLASS", cast('210' as bigint) as "SORT_ORDER"
union all
select cast('Retained Earnings' as varchar) as "CATEGORY", cast('Balance Sheet' as varchar) as "STATEMENT", cast('Equity' as varchar) as "SECTION", cast('Equity' as varchar) as "ACCOUNT_CLASS", cast('220' as bigint) as "SORT_ORDER"
union all
select cast('Revenue' as varchar) as "CATEGORY", cast('Income Statement' as varchar) as "STATEMENT", cast('Revenue' as varchar) as "SECTION", cast('Revenue' as varchar) as "ACCOUNT_CLASS", cast('310' as bigint) as "SORT_ORDER"
union all
select cast('Other Income' as varchar) as "CATEGORY", cast('Income Statement' as varchar) as "STATEMENT", cast('Other Income' as varchar) as "SECTION", cast('Revenue' as varchar) as "ACCOUNT_CLASS", cast('320' as bigint) as "SORT_ORDER"
union all
select cast('Cost of Sales' as varchar) as "CATEGORY", cast('Income Statement' as varchar) as "STATEMENT", cast('Cost of Sales' as varchar) as "SECTION", cast('Expenses' as varchar) as "ACCOUNT_CLASS", cast('410' as bigint) as "SORT_ORDER"
union all
select cast('Operating Expenses' as varchar) as "CATEGORY", cast('Income Statement' as varchar) as "STATEMENT", cast('Operating Expenses' as varchar) as "SECTION", cast('Expenses' as varchar) as "ACCOUNT_CLASS", cast('420' as bigint) as "SORT_ORDER"
union all
select cast('Other Expense' as varchar) as "CATEGORY", cast('Income Statement' as varchar) as "STATEMENT", cast('Other Expense' as varchar) as "SECTION", cast('Expenses' as varchar) as "ACCOUNT_CLASS", cast('430' as bigint) as "SORT_ORDER"

-- adp_payroll_register
create or replace table "analytics_seeds"."adp_payroll_register" as
select cast('PR-2026-10-B' as varchar) as "RUN_ID", cast('2026-10-31' as varchar) as "PAY_DATE", cast('ACME-US' as varchar) as "COMPANY_CODE", cast('W1001' as varchar) as "WORKER_ID", cast('R&D' as varchar) as "HOME_DEPARTMENT", cast('earning' as varchar) as "CODE_TYPE", cast('REG' as varchar) as "CODE", cast('7500.00' as numeric(38,9)) as "AMOUNT"
union all
select cast('PR-2026-10-B' as varchar) as "RUN_ID", cast('2026-10-31' as varchar) as "PAY_DATE", cast('ACME-US' as varchar) as "COMPANY_CODE", cast('W1001' as varchar) as "WORKER_ID", cast('R&D' as varchar) as "HOME_DEPARTMENT", cast('earning' as varchar) as "CODE_TYPE", cast('OT' as varchar) as "CODE", cast('420.00' as numeric(38,9)) as "AMOUNT"
union all
select cast('PR-2026-10-B' as varchar) as "RUN_ID", cast('2026-10-31' as varchar) as "PAY_DATE", cast('ACME-US' as varchar) as "COMPANY_CODE", cast('W1001' as varchar) as "WORKER_ID", cast('R&D' as varchar) as "HOME_DEPARTMENT", cast('employee_tax' as varchar) as "CODE_TYPE", cast('FIT' as varchar) as "CODE", cast('1310.25' as numeric(38,9)) as "AMOUNT"
union all
select cast('PR-2026-10-B' as varchar) as "RUN_ID", cast('2026-10-31' as varchar) as "PAY_DATE", cast('ACME-US' as varchar) as "COMPANY_CODE", cast('W1001' as varchar) as "WORKER_ID", cast('R&D' as varchar) as "HOME_DEPARTMENT", cast('deduction' as varchar) as "CODE_TYPE", cast('401K' as varchar) as "CODE", cast('450.00' as numeric(38,9)) as "AMOUNT"
union all
select cast('PR-2026-10-B' as varchar) as "RUN_ID", cast('2026-10-31' as varchar) as "PAY_DATE", cast('ACME-US' as varchar) as "COMPANY_CODE", cast('W1001' as varchar) as "WORKER_ID", cast('R&D' as varchar) as "HOME_DEPARTMENT", cast('employer_tax' as varchar) as "CODE_TYPE", cast('ER_FICA' as varchar) as "CODE", cast('605.88' as numeric(38,9)) as "AMOUNT"
union all
select cast('PR-2026-10-B' as varchar) as "RUN_ID", cast('2026-10-31' as varchar) as "PAY_DATE", cast('ACME-US' as varchar) as "COMPANY_CODE", cast('W1002' as varchar) as "WORKER_ID", cast('Sales' as varchar) as "HOME_DEPARTMENT", cast('earning' as varchar) as "CODE_TYPE", cast('REG' as varchar) as "CODE", cast('6200.00' as numeric(38,9)) as "AMOUNT"
union all
select cast('PR-2026-10-B' as varchar) as "RUN_ID", cast('2026-10-31' as varchar) as "PAY_DATE", cast('ACME-US' as varchar) as "COMPANY_CODE", cast('W1002' as varchar) as "WORKER_ID", cast('Sales' as varchar) as "HOME_DEPARTMENT", cast('earning' as varchar) as "CODE_TYPE", cast('BONUS' as varchar) as "CODE", cast('1500.00' as numeric(38,9)) as "AMOUNT"
union all
select cast('PR-2026-10-B' as varchar) as "RUN_ID", cast('2026-10-31' as varchar) as "PAY_DATE", cast('ACME-US' as varchar) as "COMPANY_CODE", cast('W1002' as varchar) as "WORKER_ID", cast('Sales' as varchar) as "HOME_DEPARTMENT", cast('employee_tax' as varchar) as "CODE_TYPE", cast('FIT' as varchar) as "CODE", cast('1402.10' as numeric(38,9)) as "AMOUNT"
union all
select cast('PR-2026-10-B' as varchar) as "RUN_ID", cast('2026-10-31' as varchar) as "PAY_DATE", cast('ACME-US' as varchar) as "COMPANY_CODE", cast('W1002' as varchar) as "WORKER_ID", cast('Sales' as varchar) as "HOME_DEPARTMENT", cast('deduction' as varchar) as "CODE_TYPE", cast('401K' as varchar) as "CODE", cast('310.00' as numeric(38,9)) as "AMOUNT"
union all
select cast('PR-2026-10-B' as varchar) as "RUN_ID", cast('2026-10-31' as varchar) as "PAY_DATE", cast('ACME-US' as varchar) as "COMPANY_CODE", cast('W1002' as varchar) as "WORKER_ID", cast('Sales' as varchar) as "HOME_DEPARTMENT", cast('employer_tax' as varchar) as "CODE_TYPE", cast('ER_FICA' as varchar) as "CODE", cast('589.05' as numeric(38,9)) as "AMOUNT"
union all
select cast('PR-2026-10-B' as varchar) as "RUN_ID", cast('2026-10-31' as varchar) as "PAY_DATE", cast('ACME-US' as varchar) as "COMPANY_CODE", cast('W1003' as varchar) as "WORKER_ID", cast('Finance' as varchar) as "HOME_DEPARTMENT", cast('earning' as varchar) as "CODE_TYPE", cast('REG' as varchar) as "CODE", cast('5800.00' as numeric(38,9)) as "AMOUNT"
union all
select cast('PR-2026-10-B' as varchar) as "RUN_ID", cast('2026-10-31' as varchar) as "PAY_DATE", cast('ACME-US' as varchar) as "COMPANY_CODE", cast('W1003' as varchar) as "WORKER_ID", cast('Finance' as varchar) as "HOME_DEPARTMENT", cast('employee_tax' as varchar) as "CODE_TYPE", cast('FIT' as varchar) as "CODE", cast('980.40' as numeric(38,9)) as "AMOUNT"
union all
select cast('PR-2026-10-B' as varchar) as "RUN_ID", cast('2026-10-31' as varchar) as "PAY_DATE", cast('ACME-US' as varchar) as "COMPANY_CODE", cast('W1003' as varchar) as "WORKER_ID", cast('Finance' as varchar) as "HOME_DEPARTMENT", cast('employer_tax' as varchar) as "CODE_TYPE", cast('ER_FICA' as varchar) as "CODE", cast('443.70' as numeric(38,9)) as "AMOUNT"
union all
select cast('PR-2026-10-B' as varchar) as "RUN_ID", cast('2026-10-31' as varchar) as "PAY_DATE", cast('ACME-UK' as varchar) as "COMPANY_CODE", cast('W2001' as varchar) as "WORKER_ID", cast('R&D' as varchar) as "HOME_DEPARTMENT", cast('earning' as varchar) as "CODE_TYPE", cast('REG' as varchar) as "CODE", cast('5100.00' as numeric(38,9)) as "AMOUNT"
union all
select cast('PR-2026-10-B' as varchar) as "RUN_ID", cast('2026-10-31' as varchar) as "PAY_DATE", cast('ACME-UK' as varchar) as "COMPANY_CODE", cast('W2001' as varchar) as "WORKER_ID", cast('R&D' as varchar) as "HOME_DEPARTMENT", cast('employee_tax' as varchar) as "CODE_TYPE", cast('PAYE' as varchar) as "CODE", cast('1020.00' as numeric(38,9)) as "AMOUNT"
union all
select cast('PR-2026-10-B' as varchar) as "RUN_ID", cast('2026-10-31' as varchar) as "PAY_DATE", cast('ACME-UK' as varchar) as "COMPANY_CODE", cast('W2001' as varchar) as "WORKER_ID", cast('R&D' as varchar) as "HOME_DEPARTMENT", cast('employer_tax' as varchar) as "CODE_TYPE", cast('ER_NIC' as varchar) as "CODE", cast('612.00' as numeric(38,9)) as "AMOUNT"
union all
select cast('PR-2026-10-B' as varchar) as "RUN_ID", cast('2026-10-31' as varchar) as "PAY_DATE", cast('ACME-UK' as varchar) as "COMPANY_CODE", cast('W2002' as varchar) as "WORKER_ID", cast('Ops' as varchar) as "HOME_DEPARTMENT", cast('earning' as varchar) as "CODE_TYPE", cast('REG' as varchar) as "CODE", cast('4300.00' as numeric(38,9)) as "AMOUNT"
union all
select cast('PR-2026-10-B' as varchar) as "RUN_ID", cast('2026-10-31' as varchar) as "PAY_DATE", cast('ACME-UK' as varchar) as "COMPANY_CODE", cast('W2002' as varchar) as "WORKER_ID", cast('Ops' as varchar) as "HOME_DEPARTMENT", cast('employee_tax' as varchar) as "CODE_TYPE", cast('PAYE' as varchar) as "CODE", cast('860.00' as numeric(38,9)) as "AMOUNT"
union all
select cast('PR-2026-10-B' as varchar) as "RUN_ID", cast('2026-10-31' as varchar) as "PAY_DATE", cast('ACME-UK' as varchar) as "COMPANY_CODE", cast('W2002' as varchar) as "WORKER_ID", cast('Ops' as varchar) as "HOME_DEPARTMENT", cast('employer_tax' as varchar) as "CODE_TYPE", cast('ER_NIC' as varchar) as "CODE", cast('516.00' as numeric(38,9)) as "AMOUNT"
union all
select cast('PR-2026-10-B' as varchar) as "RUN_ID", cast('2026-10-31' as varchar) as "PAY_DATE", cast('ACME-US' as varchar) as "COMPANY_CODE", cast('W1001' as varchar) as "WORKER_ID", cast('R&D' as varchar) as "HOME_DEPARTMENT", cast('net_pay' as varchar) as "CODE_TYPE", cast('NET' as varchar) as "CODE", cast('6159.75' as numeric(38,9)) as "AMOUNT"
union all
select cast('PR-2026-10-B' as varchar) as "RUN_ID", cast('2026-10-31' as varchar) as "PAY_DATE", cast('ACME-US' as varchar) as "COMPANY_CODE", cast('W1002' as varchar) as "WORKER_ID", cast('Sales' as varchar) as "HOME_DEPARTMENT", cast('net_pay' as varchar) as "CODE_TYPE", cast('NET' as varchar) as "CODE", cast('5987.90' as numeric(38,9)) as "AMOUNT"
union all
select cast('PR-2026-10-B' as varchar) as "RUN_ID", cast('2026-10-31' as varchar) as "PAY_DATE", cast('ACME-US' as varchar) as "COMPANY_CODE", cast('W1003' as varchar) as "WORKER_ID", cast('Finance' as varchar) as "HOME_DEPARTMENT", cast('net_pay' as varchar) as "CODE_TYPE", cast('NET' as varchar) as "CODE", cast('4819.60' as numeric(38,9)) as "AMOUNT"
union all
select cast('PR-2026-10-B' as varchar) as "RUN_ID", cast('2026-10-31' as varchar) as "PAY_DATE", cast('ACME-UK' as varchar) as "COMPANY_CODE", cast('W2001' as varchar) as "WORKER_ID", cast('R&D' as varchar) as "HOME_DEPARTMENT", cast('net_pay' as varchar) as "CODE_TYPE", cast('NET' as varchar) as "CODE", cast('4080.00' as numeric(38,9)) as "AMOUNT"
union all
select cast('PR-2026-10-B' as varchar) as "RUN_ID", cast('2026-10-31' as varchar) as "PAY_DATE", cast('ACME-UK' as varchar) as "COMPANY_CODE", cast('W2002' as varchar) as "WORKER_ID", cast('Ops' as varchar) as "HOME_DEPARTMENT", cast('net_pay' as varchar) as "CODE_TYPE", cast('NET' as varchar) as "CODE", cast('3440.00' as numeric(38,9)) as "AMOUNT"

-- chargebee_invoice
create or replace table "analytics_seeds"."chargebee_invoice" as
select cast('inv_0001' as varchar) as "ID", cast('sub_A001' as varchar) as "SUBSCRIPTION_ID", cast('cb_cust_01' as varchar) as "CUSTOMER_ID", cast('2026-08-01' as varchar) as "DATE", cast('120000' as bigint) as "TOTAL", cast('USD' as varchar) as "CURRENCY_CODE", cast('paid' as varchar) as "STATUS", cast('2026-08-01' as varchar) as "PERIOD_START", cast('2027-08-01' as varchar) as "PERIOD_END", cast('new' as varchar) as "REASON"
union all
select cast('inv_0002' as varchar) as "ID", cast('sub_A002' as varchar) as "SUBSCRIPTION_ID", cast('cb_cust_02' as varchar) as "CUSTOMER_ID", cast('2026-07-01' as varchar) as "DATE", cast('240000' as bigint) as "TOTAL", cast('USD' as varchar) as "CURRENCY_CODE", cast('paid' as varchar) as "STATUS", cast('2026-07-01' as varchar) as "PERIOD_START", cast('2027-07-01' as varchar) as "PERIOD_END", cast('new' as varchar) as "REASON"
union all
select cast('inv_0003' as varchar) as "ID", cast('sub_A001' as varchar) as "SUBSCRIPTION_ID", cast('cb_cust_01' as varchar) as "CUSTOMER_ID", cast('2026-11-01' as varchar) as "DATE", cast('90000' as bigint) as "TOTAL", cast('USD' as varchar) as "CURRENCY_CODE", cast('paid' as varchar) as "STATUS", cast('2026-11-01' as varchar) as "PERIOD_START", cast('2027-08-01' as varchar) as "PERIOD_END", cast('upgrade' as varchar) as "REASON"
union all
select cast('inv_0004' as varchar) as "ID", cast('sub_A002' as varchar) as "SUBSCRIPTION_ID", cast('cb_cust_02' as varchar) as "CUSTOMER_ID", cast('2026-11-01' as varchar) as "DATE", cast('-80000' as bigint) as "TOTAL", cast('USD' as varchar) as "CURRENCY_CODE", cast('paid' as varchar) as "STATUS", cast('2026-11-01' as varchar) as "PERIOD_START", cast('2027-07-01' as varchar) as "PERIOD_END", cast('downgrade' as varchar) as "REASON"
union all
select cast('inv_0005' as varchar) as "ID", cast('sub_A003' as varchar) as "SUBSCRIPTION_ID", cast('cb_cust_03' as varchar) as "CUSTOMER_ID", cast('2026-09-01' as varchar) as "DATE", cast('96000' as bigint) as "TOTAL", cast('GBP' as varchar) as "CURRENCY_CODE", cast('paid' as varchar) as "STATUS", cast('2026-09-01' as varchar) as "PERIOD_START", cast('2027-09-01' as varchar) as "PERIOD_END", cast('new' as varchar) as "REASON"
union all
select cast('inv_0006' as varchar) as "ID", cast('sub_A004' as varchar) as "SUBSCRIPTION_ID", cast('cb_cust_04' as varchar) as "CUSTOMER_ID", cast('2026-08-01' as varchar) as "DATE", cast('108000' as bigint) as "TOTAL", cast('EUR' as varchar) as "CURRENCY_CODE", cast('paid' as varchar) as "STATUS", cast('2026-08-01' as varchar) as "PERIOD_START", cast('2027-08-01' as varchar) as "PERIOD_END", cast('new' as varchar) as "REASON"

-- chargebee_plan
create or replace table "analytics_seeds"."chargebee_plan" as
select cast('team-annual-usd' as varchar) as "ID", cast('Team (annual)' as varchar) as "NAME", cast('120000' as bigint) as "PRICE", cast('USD' as varchar) as "CURRENCY_CODE", cast('1' as bigint) as "PERIOD", cast('year' as varchar) as "PERIOD_UNIT"
union all
select cast('business-annual-usd' as varchar) as "ID", cast('Business (annual)' as varchar) as "NAME", cast('240000' as bigint) as "PRICE", cast('USD' as varchar) as "CURRENCY_CODE", cast('1' as bigint) as "PERIOD", cast('year' as varchar) as "PERIOD_UNIT"
union all
select cast('team-annual-gbp' as varchar) as "ID", cast('Team (annual)' as varchar) as "NAME", cast('96000' as bigint) as "PRICE", cast('GBP' as varchar) as "CURRENCY_CODE", cast('1' as bigint) as "PERIOD", cast('year' as varchar) as "PERIOD_UNIT"
union all
select cast('team-annual-eur' as varchar) as "ID", cast('Team (annual)' as varchar) as "NAME", cast('108000' as bigint) as "PRICE", cast('EUR' as varchar) as "CURRENCY_CODE", cast('1' as bigint) as "PERIOD", cast('year' as varchar) as "PERIOD_UNIT"

-- chargebee_subscription
create or replace table "analytics_seeds"."chargebee_subscription" as
select cast('sub_A001' as varchar) as "ID", cast('cb_cust_01' as varchar) as "CUSTOMER_ID", cast('team-annual-usd' as varchar) as "PLAN_ID", cast('active' as varchar) as "STATUS", cast('2026-08-01' as varchar) as "STARTED_AT", cast('2026-08-01' as varchar) as "CURRENT_TERM_START", cast('2027-08-01' as varchar) as "CURRENT_TERM_END", cast(null as varchar) as "CANCELLED_AT"
union all
select cast('sub_A002' as varchar) as "ID", cast('cb_cust_02' as varchar) as "CUSTOMER_ID", cast('business-annual-usd' as varchar) as "PLAN_ID", cast('active' as varchar) as "STATUS", cast('2026-07-01' as varchar) as "STARTED_AT", cast('2026-07-01' as varchar) as "CURRENT_TERM_START", cast('2027-07-01' as varchar) as "CURRENT_TERM_END", cast(null as varchar) as "CANCELLED_AT"
union all
select cast('sub_A003' as varchar) as "ID", cast('cb_cust_03' as varchar) as "CUSTOMER_ID", cast('team-annual-gbp' as varchar) as "PLAN_ID", cast('active' as varchar) as "STATUS", cast('2026-09-01' as varchar) as "STARTED_AT", cast('2026-09-01' as varchar) as "CURRENT_TERM_START", cast('2027-09-01' as varchar) as "CURRENT_TERM_END", cast(null as varchar) as "CANCELLED_AT"
union all
select cast('sub_A004' as varchar) as "ID", cast('cb_cust_04' as varchar) as "CUSTOMER_ID", cast('team-annual-eur' as varchar) as "PLAN_ID", cast('cancelled' as varchar) as "STATUS", cast('2026-08-01' as varchar) as "STARTED_AT", cast('2026-08-01' as varchar) as "CURRENT_TERM_START", cast('2027-08-01' as varchar) as "CURRENT_TERM_END", cast('2026-11-15' as varchar) as "CANCELLED_AT"

-- intercompany_accounts
create or replace table "analytics_seeds"."intercompany_accounts" as
select cast('1400' as bigint) as "ACCOUNT_NO", cast('due_from' as varchar) as "SIDE"
union all
select cast('2400' as bigint) as "ACCOUNT_NO", cast('due_to' as varchar) as "SIDE"

-- month_offsets
create or replace table "analytics_seeds"."month_offsets" as
select cast('0' as bigint) as "MONTH_OFFSET"
union all
select cast('1' as bigint) as "MONTH_OFFSET"
union all
select cast('2' as bigint) as "MONTH_OFFSET"
union all
select cast('3' as bigint) as "MONTH_OFFSET"
union all
select cast('4' as bigint) as "MONTH_OFFSET"
union all
select cast('5' as bigint) as "MONTH_OFFSET"
union all
select cast('6' as bigint) as "MONTH_OFFSET"
union all
select cast('7' as bigint) as "MONTH_OFFSET"
union all
select cast('8' as bigint) as "MONTH_OFFSET"
union all
select cast('9' as bigint) as "MONTH_OFFSET"
union all
select cast('10' as bigint) as "MONTH_OFFSET"
union all
select cast('11' as bigint) as "MONTH_OFFSET"
union all
select cast('12' as bigint) as "MONTH_OFFSET"
union all
select cast('13' as bigint) as "MONTH_OFFSET"
union all
select cast('14' as bigint) as "MONTH_OFFSET"
union all
select cast('15' as bigint) as "MONTH_OFFSET"
union all
select cast('16' as bigint) as "MONTH_OFFSET"
union all
select cast('17' as bigint) as "MONTH_OFFSET"
union all
select cast('18' as bigint) as "MONTH_OFFSET"
union all
select cast('19' as bigint) as "MONTH_OFFSET"
union all
select cast('20' as bigint) as "MONTH_OFFSET"
union all
select cast('21' as bigint) as "MONTH_OFFSET"
union all
select cast('22' as bigint) as "MONTH_OFFSET"
union all
select cast('23' as bigint) as "MONTH_OFFSET"
union all
select cast('24' as bigint) as "MONTH_OFFSET"
union all
select cast('25' as bigint) as "MONTH_OFFSET"
union all
select cast('26' as bigint) as "MONTH_OFFSET"
union all
select cast('27' as bigint) as "MONTH_OFFSET"
union all
select cast('28' as bigint) as "MONTH_OFFSET"
union all
select cast('29' as bigint) as "MONTH_OFFSET"
union all
select cast('30' as bigint) as "MONTH_OFFSET"
union all
select cast('31' as bigint) as "MONTH_OFFSET"
union all
select cast('32' as bigint) as "MONTH_OFFSET"
union all
select cast('33' as bigint) as "MONTH_OFFSET"
union all
select cast('34' as bigint) as "MONTH_OFFSET"
union all
select cast('35' as bigint) as "MONTH_OFFSET"

-- procurement_invoice
create or replace table "analytics_seeds"."procurement_invoice" as
select cast('AWS-2026-10' as varchar) as "INVOICE_NUMBER", cast('SUP-AWS' as varchar) as "SUPPLIER_ID", cast('Acme US' as varchar) as "BUYER_COMPANY", cast('2026-10-31' as varchar) as "INVOICE_DATE", cast('2026-11-30' as varchar) as "DUE_DATE", cast(null as varchar) as "PO_NUMBER", cast('USD' as varchar) as "CURRENCY", cast('1' as bigint) as "LINE_NO", cast('Hosting October' as varchar) as "DESCRIPTION", cast('HOSTING' as varchar) as "GL_CODE", cast('CC-100' as varchar) as "COST_CENTER", cast('4210.37' as numeric(38,9)) as "AMOUNT"
union all
select cast('AWS-2026-10' as varchar) as "INVOICE_NUMBER", cast('SUP-AWS' as varchar) as "SUPPLIER_ID", cast('Acme US' as varchar) as "BUYER_COMPANY", cast('2026-10-31' as varchar) as "INVOICE_DATE", cast('2026-11-30' as varchar) as "DUE_DATE", cast(null as varchar) as "PO_NUMBER", cast('USD' as varchar) as "CURRENCY", cast('2' as bigint) as "LINE_NO", cast('Support plan' as varchar) as "DESCRIPTION", cast('SOFTWARE' as varchar) as "GL_CODE", cast('CC-100' as varchar) as "COST_CENTER", cast('389.00' as numeric(38,9)) as "AMOUNT"
union all
select cast('LAW-7781' as varchar) as "INVOICE_NUMBER", cast('SUP-LAW' as varchar) as "SUPPLIER_ID", cast('Acme US' as varchar) as "BUYER_COMPANY", cast('2026-10-20' as varchar) as "INVOICE_DATE", cast('2026-11-19' as varchar) as "DUE_DATE", cast(null as varchar) as "PO_NUMBER", cast('USD' as varchar) as "CURRENCY", cast('1' as bigint) as "LINE_NO", cast('Contract review' as varchar) as "DESCRIPTION", cast('LEGAL' as varchar) as "GL_CODE", cast('CC-200' as varchar) as "COST_CENTER", cast('2750.00' as numeric(38,9)) as "AMOUNT"
union all
select cast('DELL-55102' as varchar) as "INVOICE_NUMBER", cast('SUP-DELL' as varchar) as "SUPPLIER_ID", cast('Acme US' as varchar) as "BUYER_COMPANY", cast('2026-10-22' as varchar) as "INVOICE_DATE", cast('2026-11-21' as varchar) as "DUE_DATE", cast('PO-US1-000001' as varchar) as "PO_NUMBER", cast('USD' as varchar) as "CURRENCY", cast('1' as bigint) as "LINE_NO", cast('Laptops (12)' as varchar) as "DESCRIPTION", cast('OFFICE' as varchar) as "GL_CODE", cast('CC-100' as varchar) as "COST_CENTER", cast('18960.00' as numeric(38,9)) as "AMOUNT"
union all
select cast('DELL-55102' as varchar) as "INVOICE_NUMBER", cast('SUP-DELL' as varchar) as "SUPPLIER_ID", cast('Acme US' as varchar) as "BUYER_COMPANY", cast('2026-10-22' as varchar) as "INVOICE_DATE", cast('2026-11-21' as varchar) as "DUE_DATE", cast('PO-US1-000001' as varchar) as "PO_NUMBER", cast('USD' as varchar) as "CURRENCY", cast('2' as bigint) as "LINE_NO", cast('Docking stations' as varchar) as "DESCRIPTION", cast('OFFICE' as varchar) as "GL_CODE", cast('CC-100' as varchar) as "COST_CENTER", cast('1440.00' as numeric(38,9)) as "AMOUNT"
union all
select cast('TRV-2026-10' as varchar) as "INVOICE_NUMBER", cast('SUP-TRAVEL' as varchar) as "SUPPLIER_ID", cast('Acme US' as varchar) as "BUYER_COMPANY", cast('2026-10-30' as varchar) as "INVOICE_DATE", cast('2026-11-29' as varchar) as "DUE_DATE", cast(null as varchar) as "PO_NUMBER", cast('USD' as varchar) as "CURRENCY", cast('1' as bigint) as "LINE_NO", cast('Sales kickoff travel' as varchar) as "DESCRIPTION", cast('TRAVEL' as varchar) as "GL_CODE", cast('CC-300' as varchar) as "COST_CENTER", cast('6125.50' as numeric(38,9)) as "AMOUNT"

-- reverse_dimension_map
create or replace table "analytics_seeds"."reverse_dimension_map" as
select cast('salesforce' as varchar) as "SOURCE_SYSTEM", cast('entity' as varchar) as "DIMENSION", cast('United States' as varchar) as "SOURCE_VALUE", cast('US1' as varchar) as "INTACCT_VALUE"
union all
select cast('salesforce' as varchar) as "SOURCE_SYSTEM", cast('entity' as varchar) as "DIMENSION", cast('United Kingdom' as varchar) as "SOURCE_VALUE", cast('UK1' as varchar) as "INTACCT_VALUE"
union all
select cast('salesforce' as varchar) as "SOURCE_SYSTEM", cast('entity' as varchar) as "DIMENSION", cast('Germany' as varchar) as "SOURCE_VALUE", cast('DE1' as varchar) as "INTACCT_VALUE"
union all
select cast('salesforce' as varchar) as "SOURCE_SYSTEM", cast('gl_account' as varchar) as "DIMENSION", cast('SW-SUB' as varchar) as "SOURCE_VALUE", cast('4200' as varchar) as "INTACCT_VALUE"
union all
select cast('salesforce' as varchar) as "SOURCE_SYSTEM", cast('gl_account' as varchar) as "DIMENSION", cast('SW-LIC' as varchar) as "SOURCE_VALUE", cast('4000' as varchar) as "INTACCT_VALUE"
union all
select cast('salesforce' as varchar) as "SOURCE_SYSTEM", cast('gl_account' as varchar) as "DIMENSION", cast('SVC-IMPL' as varchar) as "SOURCE_VALUE", cast('4100' as varchar) as "INTACCT_VALUE"
union all
select cast('salesforce' as varchar) as "SOURCE_SYSTEM", cast('gl_account' as varchar) as "DIMENSION", cast('SVC-TRAIN' as varchar) as "SOURCE_VALUE", cast('4100' as varchar) as "INTACCT_VALUE"
union all
select cast('chargebee' as varchar) as "SOURCE_SYSTEM", cast('entity' as varchar) as "DIMENSION", cast('USD' as varchar) as "SOURCE_VALUE", cast('US1' as varchar) as "INTACCT_VALUE"
union all
select cast('chargebee' as varchar) as "SOURCE_SYSTEM", cast('entity' as varchar) as "DIMENSION", cast('GBP' as varchar) as "SOURCE_VALUE", cast('UK1' as varchar) as "INTACCT_VALUE"
union all
select cast('chargebee' as varchar) as "SOURCE_SYSTEM", cast('entity' as varchar) as "DIMENSION", cast('EUR' as varchar) as "SOURCE_VALUE", cast('DE1' as varchar) as "INTACCT_VALUE"
union all
select cast('adp' as varchar) as "SOURCE_SYSTEM", cast('entity' as varchar) as "DIMENSION", cast('ACME-US' as varchar) as "SOURCE_VALUE", cast('US1' as varchar) as "INTACCT_VALUE"
union all
select cast('adp' as varchar) as "SOURCE_SYSTEM", cast('entity' as varchar) as "DIMENSION", cast('ACME-UK' as varchar) as "SOURCE_VALUE", cast('UK1' as varchar) as "INTACCT_VALUE"
union all
select cast('adp' as varchar) as "SOURCE_SYSTEM", cast('department' as varchar) as "DIMENSION", cast('R&D' as varchar) as "SOURCE_VALUE", cast('ENG' as varchar) as "INTACCT_VALUE"
union all
select cast('adp' as varchar) as "SOURCE_SYSTEM", cast('department' as varchar) as "DIMENSION", cast('Sales' as varchar) as "SOURCE_VALUE", cast('SALES' as varchar) as "INTACCT_VALUE"
union all
select cast('adp' as varchar) as "SOURCE_SYSTEM", cast('department' as varchar) as "DIMENSION", cast('Ops' as varchar) as "SOURCE_VALUE", cast('OPS' as varchar) as "INTACCT_VALUE"
union all
select cast('adp' as varchar) as "SOURCE_SYSTEM", cast('department' as varchar) as "DIMENSION", cast('Finance' as varchar) as "SOURCE_VALUE", cast('FIN' as varchar) as "INTACCT_VALUE"
union all
select cast('adp' as varchar) as "SOURCE_SYSTEM", cast('department' as varchar) as "DIMENSION", cast('Old Programs' as varchar) as "SOURCE_VALUE", cast('LEGACY' as varchar) as "INTACCT_VALUE"
union all
select cast('adp' as varchar) as "SOURCE_SYSTEM", cast('gl_account' as varchar) as "DIMENSION", cast('REG' as varchar) as "SOURCE_VALUE", cast('6000' as varchar) as "INTACCT_VALUE"
union all
select cast('adp' as varchar) as "SOURCE_SYSTEM", cast('gl_account' as varchar) as "DIMENSION", cast('OT' as varchar) as "SOURCE_VALUE", cast('6000' as varchar) as "INTACCT_VALUE"
union all
select cast('adp' as varchar) as "SOURCE_SYSTEM", cast('gl_account' as varchar) as "DIMENSION", cast('BONUS' as varchar) as "SOURCE_VALUE", cast('6000' as varchar) as "INTACCT_VALUE"
union all
select cast('adp' as varchar) as "SOURCE_SYSTEM", cast('gl_account' as varchar) as "DIMENSION", cast('ER_FICA' as varchar) as "SOURCE_VALUE", cast('6010' as varchar) as "INTACCT_VALUE"
union all
select cast('adp' as varchar) as "SOURCE_SYSTEM", cast('gl_account' as varchar) as "DIMENSION", cast('ER_NIC' as varchar) as "SOURCE_VALUE", cast('6010' as varchar) as "INTACCT_VALUE"
union all
select cast('timesheet' as varchar) as "SOURCE_SYSTEM", cast('entity' as varchar) as "DIMENSION", cast('US' as varchar) as "SOURCE_VALUE", cast('US1' as varchar) as "INTACCT_VALUE"
union all
select cast('timesheet' as varchar) as "SOURCE_SYSTEM", cast('employee' as varchar) as "DIMENSION", cast('W1001' as varchar) as "SOURCE_VALUE", cast('E-0001' as varchar) as "INTACCT_VALUE"
union all
select cast('timesheet' as varchar) as "SOURCE_SYSTEM", cast('employee' as varchar) as "DIMENSION", cast('W1002' as varchar) as "SOURCE_VALUE", cast('E-0002' as varchar) as "INTACCT_VALUE"
union all
select cast('timesheet' as varchar) as "SOURCE_SYSTEM", cast('project' as varchar) as "DIMENSION", cast('IMPL-ACME' as varchar) as "SOURCE_VALUE", cast('P-US1-001' as varchar) as "INTACCT_VALUE"
union all
select cast('timesheet' as varchar) as "SOURCE_SYSTEM", cast('project' as varchar) as "DIMENSION", cast('IMPL-GLOBEX' as varchar) as "SOURCE_VALUE", cast('P-US1-002' as varchar) as "INTACCT_VALUE"
union all
select cast('timesheet' as varchar) as "SOURCE_SYSTEM", cast('task' as varchar) as "DIMENSION", cast('IMPL-ACME/DESIGN' as varchar) as "SOURCE_VALUE", cast('P-US1-001-T1' as varchar) as "INTACCT_VALUE"
union all
select cast('timesheet' as varchar) as "SOURCE_SYSTEM", cast('task' as varchar) as "DIMENSION", cast('IMPL-ACME/BUILD' as varchar) as "SOURCE_VALUE", cast('P-US1-001-T2' as varchar) as "INTACCT_VALUE"
union all
select cast('timesheet' as varchar) as "SOURCE_SYSTEM", cast('task' as varchar) as "DIMENSION", cast('IMPL-GLOBEX/DESIGN' as varchar) as "SOURCE_VALUE", cast('P-US1-002-T1' as varchar) as "INTACCT_VALUE"
union all
select cast('procurement' as varchar) as "SOURCE_SYSTEM", cast('entity' as varchar) as "DIMENSION", cast('Acme US' as varchar) as "SOURCE_VALUE", cast('US1' as varchar) as "INTACCT_VALUE"
union all
select cast('procurement' as varchar) as "SOURCE_SYSTEM", cast('entity' as varchar) as "DIMENSION", cast('Acme GmbH' as varchar) as "SOURCE_VALUE", cast('DE1' as varchar) as "INTACCT_VALUE"
union all
select cast('procurement' as varchar) as "SOURCE_SYSTEM", cast('vendor' as varchar) as "DIMENSION", cast('SUP-AWS' as varchar) as "SOURCE_VALUE", cast('V-00001' as varchar) as "INTACCT_VALUE"
union all
select cast('procurement' as varchar) as "SOURCE_SYSTEM", cast('vendor' as varchar) as "DIMENSION", cast('SUP-LAW' as varchar) as "SOURCE_VALUE", cast('V-00002' as varchar) as "INTACCT_VALUE"
union all
select cast('procurement' as varchar) as "SOURCE_SYSTEM", cast('vendor' as varchar) as "DIMENSION", cast('SUP-DELL' as varchar) as "SOURCE_VALUE", cast('V-00003' as varchar) as "INTACCT_VALUE"
union all
select cast('procurement' as varchar) as "SOURCE_SYSTEM", cast('vendor' as varchar) as "DIMENSION", cast('SUP-TRAVEL' as varchar) as "SOURCE_VALUE", cast('V-00005' as varchar) as "INTACCT_VALUE"
union all
select cast('procurement' as varchar) as "SOURCE_SYSTEM", cast('gl_account' as varchar) as "DIMENSION", cast('HOSTING' as varchar) as "SOURCE_VALUE", cast('5200' as varchar) as "INTACCT_VALUE"
union all
select cast('procurement' as varchar) as "SOURCE_SYSTEM", cast('gl_account' as varchar) as "DIMENSION", cast('SOFTWARE' as varchar) as "SOURCE_VALUE", cast('6200' as varchar) as "INTACCT_VALUE"
union all
select cast('procurement' as varchar) as "SOURCE_SYSTEM", cast('gl_account' as varchar) as "DIMENSION", cast('LEGAL' as varchar) as "SOURCE_VALUE", cast('6410' as varchar) as "INTACCT_VALUE"
union all
select cast('procurement' as varchar) as "SOURCE_SYSTEM", cast('gl_account' as varchar) as "DIMENSION", cast('OFFICE' as varchar) as "SOURCE_VALUE", cast('6210' as varchar) as "INTACCT_VALUE"
union all
select cast('procurement' as varchar) as "SOURCE_SYSTEM", cast('gl_account' as varchar) as "DIMENSION", cast('TRAVEL' as varchar) as "SOURCE_VALUE", cast('6300' as varchar) as "INTACCT_VALUE"
union all
select cast('procurement' as varchar) as "SOURCE_SYSTEM", cast('department' as varchar) as "DIMENSION", cast('CC-100' as varchar) as "SOURCE_VALUE", cast('ENG' as varchar) as "INTACCT_VALUE"
union all
select cast('procurement' as varchar) as "SOURCE_SYSTEM", cast('department' as varchar) as "DIMENSION", cast('CC-200' as varchar) as "SOURCE_VALUE", cast('G&A' as varchar) as "INTACCT_VALUE"
union all
select cast('procurement' as varchar) as "SOURCE_SYSTEM", cast('department' as varchar) as "DIMENSION", cast('CC-300' as varchar) as "SOURCE_VALUE", cast('SALES' as varchar) as "INTACCT_VALUE"

-- salesforce_account
create or replace table "analytics_seeds"."salesforce_account" as
select cast('001A000001' as varchar) as "ID", cast('Northwind Traders' as varchar) as "NAME", cast('Customer' as varchar) as "TYPE", cast('Retail' as varchar) as "INDUSTRY", cast('Seattle' as varchar) as "BILLING_CITY", cast('United States' as varchar) as "BILLING_COUNTRY"
union all
select cast('001A000002' as varchar) as "ID", cast('Globex Manufacturing' as varchar) as "NAME", cast('Customer' as varchar) as "TYPE", cast('Manufacturing' as varchar) as "INDUSTRY", cast('Chicago' as varchar) as "BILLING_CITY", cast('United States' as varchar) as "BILLING_COUNTRY"
union all
select cast('001A000003' as varchar) as "ID", cast('Initech Ltd' as varchar) as "NAME", cast('Customer' as varchar) as "TYPE", cast('Technology' as varchar) as "INDUSTRY", cast('London' as varchar) as "BILLING_CITY", cast('United Kingdom' as varchar) as "BILLING_COUNTRY"
union all
select cast('001A000004' as varchar) as "ID", cast('Umbrella Logistik GmbH' as varchar) as "NAME", cast('Customer' as varchar) as "TYPE", cast('Logistics' as varchar) as "INDUSTRY", cast('Hamburg' as varchar) as "BILLING_CITY", cast('Germany' as varchar) as "BILLING_COUNTRY"
union all
select cast('001A000005' as varchar) as "ID", cast('Hooli Prospects' as varchar) as "NAME", cast('Prospect' as varchar) as "TYPE", cast('Technology' as varchar) as "INDUSTRY", cast('Palo Alto' as varchar) as "BILLING_CITY", cast('United States' as varchar) as "BILLING_COUNTRY"

-- salesforce_opportunity
create or replace table "analytics_seeds"."salesforce_opportunity" as
select cast('006A000001' as varchar) as "ID", cast('001A000001' as varchar) as "ACCOUNT_ID", cast('Northwind - Platform annual' as varchar) as "NAME", cast('Closed Won' as varchar) as "STAGE_NAME", cast('true' as varchar) as "IS_WON", cast('true' as varchar) as "IS_CLOSED", cast('2026-10-05' as varchar) as "CLOSE_DATE", cast('14400.00' as numeric(38,9)) as "AMOUNT", cast('USD' as varchar) as "CURRENCY_ISO_CODE", cast('New Business' as varchar) as "TYPE"
union all
select cast('006A000002' as varchar) as "ID", cast('001A000002' as varchar) as "ACCOUNT_ID", cast('Globex - Implementation' as varchar) as "NAME", cast('Closed Won' as varchar) as "STAGE_NAME", cast('true' as varchar) as "IS_WON", cast('true' as varchar) as "IS_CLOSED", cast('2026-10-12' as varchar) as "CLOSE_DATE", cast('27500.00' as numeric(38,9)) as "AMOUNT", cast('USD' as varchar) as "CURRENCY_ISO_CODE", cast('New Business' as varchar) as "TYPE"
union all
select cast('006A000003' as varchar) as "ID", cast('001A000003' as varchar) as "ACCOUNT_ID", cast('Initech - Licences' as varchar) as "NAME", cast('Closed Won' as varchar) as "STAGE_NAME", cast('true' as varchar) as "IS_WON", cast('true' as varchar) as "IS_CLOSED", cast('2026-10-20' as varchar) as "CLOSE_DATE", cast('9800.00' as numeric(38,9)) as "AMOUNT", cast('GBP' as varchar) as "CURRENCY_ISO_CODE", cast('New Business' as varchar) as "TYPE"
union all
select cast('006A000004' as varchar) as "ID", cast('001A000004' as varchar) as "ACCOUNT_ID", cast('Umbrella - Rollout' as varchar) as "NAME", cast('Closed Won' as varchar) as "STAGE_NAME", cast('true' as varchar) as "IS_WON", cast('true' as varchar) as "IS_CLOSED", cast('2026-10-28' as varchar) as "CLOSE_DATE", cast('18250.00' as numeric(38,9)) as "AMOUNT", cast('EUR' as varchar) as "CURRENCY_ISO_CODE", cast('New Business' as varchar) as "TYPE"
union all
select cast('006A000005' as varchar) as "ID", cast('001A000005' as varchar) as "ACCOUNT_ID", cast('Hooli - Pilot' as varchar) as "NAME", cast('Negotiation' as varchar) as "STAGE_NAME", cast('false' as varchar) as "IS_WON", cast('false' as varchar) as "IS_CLOSED", cast('2026-12-15' as varchar) as "CLOSE_DATE", cast('5000.00' as numeric(38,9)) as "AMOUNT", cast('USD' as varchar) as "CURRENCY_ISO_CODE", cast('New Business' as varchar) as "TYPE"
union all
select cast('006A000006' as varchar) as "ID", cast('001A000002' as varchar) as "ACCOUNT_ID", cast('Globex - Training' as varchar) as "NAME", cast('Closed Won' as varchar) as "STAGE_NAME", cast('true' as varchar) as "IS_WON", cast('true' as varchar) as "IS_CLOSED", cast('2026-10-30' as varchar) as "CLOSE_DATE", cast('3600.00' as numeric(38,9)) as "AMOUNT", cast('USD' as varchar) as "CURRENCY_ISO_CODE", cast('Upsell' as varchar) as "TYPE"

-- salesforce_opportunity_line_item
create or replace table "analytics_seeds"."salesforce_opportunity_line_item" as
select cast('00kA000001' as varchar) as "ID", cast('006A000001' as varchar) as "OPPORTUNITY_ID", cast('SW-SUB' as varchar) as "PRODUCT_CODE", cast('Annual Subscription' as varchar) as "NAME", cast('12' as bigint) as "QUANTITY", cast('1200.00' as numeric(38,9)) as "UNIT_PRICE", cast('14400.00' as numeric(38,9)) as "TOTAL_PRICE"
union all
select cast('00kA000002' as varchar) as "ID", cast('006A000002' as varchar) as "OPPORTUNITY_ID", cast('SVC-IMPL' as varchar) as "PRODUCT_CODE", cast('Implementation Services' as varchar) as "NAME", cast('1' as bigint) as "QUANTITY", cast('25000.00' as numeric(38,9)) as "UNIT_PRICE", cast('25000.00' as numeric(38,9)) as "TOTAL_PRICE"
union all
select cast('00kA000003' as varchar) as "ID", cast('006A000002' as varchar) as "OPPORTUNITY_ID", cast('SVC-TRAIN' as varchar) as "PRODUCT_CODE", cast('Training Day' as varchar) as "NAME", cast('1' as bigint) as "QUANTITY", cast('2500.00' as numeric(38,9)) as "UNIT_PRICE", cast('2500.00' as numeric(38,9)) as "TOTAL_PRICE"
union all
select cast('00kA000004' as varchar) as "ID", cast('006A000003' as varchar) as "OPPORTUNITY_ID", cast('SW-LIC' as varchar) as "PRODUCT_CODE", cast('Software License' as varchar) as "NAME", cast('7' as bigint) as "QUANTITY", cast('1400.00' as numeric(38,9)) as "UNIT_PRICE", cast('9800.00' as numeric(38,9)) as "TOTAL_PRICE"
union all
select cast('00kA000005' as varchar) as "ID", cast('006A000004' as varchar) as "OPPORTUNITY_ID", cast('SW-LIC' as varchar) as "PRODUCT_CODE", cast('Software License' as varchar) as "NAME", cast('5' as bigint) as "QUANTITY", cast('2250.00' as numeric(38,9)) as "UNIT_PRICE", cast('11250.00' as numeric(38,9)) as "TOTAL_PRICE"
union all
select cast('00kA000006' as varchar) as "ID", cast('006A000004' as varchar) as "OPPORTUNITY_ID", cast('SVC-IMPL' as varchar) as "PRODUCT_CODE", cast('Implementation Services' as varchar) as "NAME", cast('1' as bigint) as "QUANTITY", cast('7000.00' as numeric(38,9)) as "UNIT_PRICE", cast('7000.00' as numeric(38,9)) as "TOTAL_PRICE"
union all
select cast('00kA000007' as varchar) as "ID", cast('006A000005' as varchar) as "OPPORTUNITY_ID", cast('SW-SUB' as varchar) as "PRODUCT_CODE", cast('Annual Subscription' as varchar) as "NAME", cast('1' as bigint) as "QUANTITY", cast('5000.00' as numeric(38,9)) as "UNIT_PRICE", cast('5000.00' as numeric(38,9)) as "TOTAL_PRICE"
union all
select cast('00kA000008' as varchar) as "ID", cast('006A000006' as varchar) as "OPPORTUNITY_ID", cast('SVC-TRAIN' as varchar) as "PRODUCT_CODE", cast('Training Day' as varchar) as "NAME", cast('3' as bigint) as "QUANTITY", cast('1200.00' as numeric(38,9)) as "UNIT_PRICE", cast('3600.00' as numeric(38,9)) as "TOTAL_PRICE"

-- stripe_charge
create or replace table "analytics_seeds"."stripe_charge" as
select cast('ch_3Q0001' as varchar) as "ID", cast('pi_3Q0001' as varchar) as "PAYMENT_INTENT_ID", cast('1440000' as bigint) as "AMOUNT", cast('0' as bigint) as "AMOUNT_REFUNDED", cast('usd' as varchar) as "CURRENCY", cast('succeeded' as varchar) as "STATUS", cast('true' as varchar) as "PAID", cast('2026-10-15 14:02:11' as varchar) as "CREATED", cast('Northwind annual platform' as varchar) as "DESCRIPTION"
union all
select cast('ch_3Q0002' as varchar) as "ID", cast('pi_3Q0002' as varchar) as "PAYMENT_INTENT_ID", cast('2750000' as bigint) as "AMOUNT", cast('0' as bigint) as "AMOUNT_REFUNDED", cast('usd' as varchar) as "CURRENCY", cast('succeeded' as varchar) as "STATUS", cast('true' as varchar) as "PAID", cast('2026-10-25 09:41:55' as varchar) as "CREATED", cast('Globex implementation' as varchar) as "DESCRIPTION"
union all
select cast('ch_3Q0003' as varchar) as "ID", cast('pi_3Q0003' as varchar) as "PAYMENT_INTENT_ID", cast('500000' as bigint) as "AMOUNT", cast('0' as bigint) as "AMOUNT_REFUNDED", cast('gbp' as varchar) as "CURRENCY", cast('succeeded' as varchar) as "STATUS", cast('true' as varchar) as "PAID", cast('2026-10-29 16:20:03' as varchar) as "CREATED", cast('Initech licences (first instalment)' as varchar) as "DESCRIPTION"
union all
select cast('ch_3Q0004' as varchar) as "ID", cast('pi_3Q0004' as varchar) as "PAYMENT_INTENT_ID", cast('1825000' as bigint) as "AMOUNT", cast('0' as bigint) as "AMOUNT_REFUNDED", cast('eur' as varchar) as "CURRENCY", cast('failed' as varchar) as "STATUS", cast('false' as varchar) as "PAID", cast('2026-10-30 11:05:40' as varchar) as "CREATED", cast('Umbrella rollout' as varchar) as "DESCRIPTION"

-- stripe_payment_intent
create or replace table "analytics_seeds"."stripe_payment_intent" as
select cast('pi_3Q0001' as varchar) as "ID", cast('1440000' as bigint) as "AMOUNT", cast('usd' as varchar) as "CURRENCY", cast('succeeded' as varchar) as "STATUS", cast('cus_NW01' as varchar) as "CUSTOMER_ID", cast('006A000001' as varchar) as "METADATA__OPPORTUNITY_ID"
union all
select cast('pi_3Q0002' as varchar) as "ID", cast('2750000' as bigint) as "AMOUNT", cast('usd' as varchar) as "CURRENCY", cast('succeeded' as varchar) as "STATUS", cast('cus_GX01' as varchar) as "CUSTOMER_ID", cast('006A000002' as varchar) as "METADATA__OPPORTUNITY_ID"
union all
select cast('pi_3Q0003' as varchar) as "ID", cast('500000' as bigint) as "AMOUNT", cast('gbp' as varchar) as "CURRENCY", cast('succeeded' as varchar) as "STATUS", cast('cus_IT01' as varchar) as "CUSTOMER_ID", cast('006A000003' as varchar) as "METADATA__OPPORTUNITY_ID"
union all
select cast('pi_3Q0004' as varchar) as "ID", cast('1825000' as bigint) as "AMOUNT", cast('eur' as varchar) as "CURRENCY", cast('requires_payment_method' as varchar) as "STATUS", cast('cus_UM01' as varchar) as "CUSTOMER_ID", cast('006A000004' as varchar) as "METADATA__OPPORTUNITY_ID"

-- timesheet_export
create or replace table "analytics_seeds"."timesheet_export" as
select cast('TS-2026-W44' as varchar) as "BATCH_ID", cast('TE-0001' as varchar) as "ENTRY_ID", cast('US' as varchar) as "COMPANY", cast('W1001' as varchar) as "WORKER_ID", cast('IMPL-ACME' as varchar) as "PROJECT_CODE", cast('DESIGN' as varchar) as "TASK_CODE", cast('2026-10-26' as varchar) as "WORK_DATE", cast('6.5' as varchar) as "HOURS", cast('85.00' as numeric(38,9)) as "COST_RATE"
union all
select cast('TS-2026-W44' as varchar) as "BATCH_ID", cast('TE-0002' as varchar) as "ENTRY_ID", cast('US' as varchar) as "COMPANY", cast('W1001' as varchar) as "WORKER_ID", cast('IMPL-ACME' as varchar) as "PROJECT_CODE", cast('BUILD' as varchar) as "TASK_CODE", cast('2026-10-27' as varchar) as "WORK_DATE", cast('8' as varchar) as "HOURS", cast('85.00' as numeric(38,9)) as "COST_RATE"
union all
select cast('TS-2026-W44' as varchar) as "BATCH_ID", cast('TE-0003' as varchar) as "ENTRY_ID", cast('US' as varchar) as "COMPANY", cast('W1002' as varchar) as "WORKER_ID", cast('IMPL-GLOBEX' as varchar) as "PROJECT_CODE", cast('DESIGN' as varchar) as "TASK_CODE", cast('2026-10-28' as varchar) as "WORK_DATE", cast('4.25' as varchar) as "HOURS", cast('72.50' as numeric(38,9)) as "COST_RATE"
union all
select cast('TS-2026-W45' as varchar) as "BATCH_ID", cast('TE-0004' as varchar) as "ENTRY_ID", cast('US' as varchar) as "COMPANY", cast('W1001' as varchar) as "WORKER_ID", cast('IMPL-ACME' as varchar) as "PROJECT_CODE", cast('BUILD' as varchar) as "TASK_CODE", cast('2026-11-02' as varchar) as "WORK_DATE", cast('7.75' as varchar) as "HOURS", cast('85.00' as numeric(38,9)) as "COST_RATE"
union all
select cast('TS-2026-W45' as varchar) as "BATCH_ID", cast('TE-0005' as varchar) as "ENTRY_ID", cast('US' as varchar) as "COMPANY", cast('W1002' as varchar) as "WORKER_ID", cast('IMPL-GLOBEX' as varchar) as "PROJECT_CODE", cast('DESIGN' as varchar) as "TASK_CODE", cast('2026-11-03' as varchar) as "WORK_DATE", cast('5' as varchar) as "HOURS", cast('72.50' as numeric(38,9)) as "COST_RATE"
