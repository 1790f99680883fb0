{{ config(materialized='view', schema='reverse', tags=['reverse']) }}
-- One balanced payroll journal entry (journal PYJ) per ADP run and entity:
--   debit gross earnings by department and earning code (account mapped from the code),
--   debit employer taxes by department (account mapped from the code),
--   credit taxes payable (2200: employee and employer taxes), accrued expenses (2150: deductions)
--   and accrued payroll (2100: the register's net pay lines). A register whose net pay does not
--   equal gross less withholdings gives an unbalanced entry, which push rejects.
with register as (
    select
        r.*,
        {{ dbt.safe_cast('r.amount', 'decimal(28, 2)') }} as value
    from {{ ref('adp_payroll_register') }} r
),

maps as (
    select dimension, source_value, intacct_value
    from {{ ref('reverse_dimension_map') }}
    where source_system = 'adp'
),

runs as (
    select run_id, company_code, min(pay_date) as pay_date,
        max(case when value is null then cast(amount as {{ dbt.type_string() }}) end) as bad_amount
    from register
    group by run_id, company_code
),

debits as (
    select run_id, company_code, home_department, code,
        sum(value) as value, 'debit' as side, 1 as grp
    from register
    where code_type in ('earning', 'employer_tax')
    group by run_id, company_code, home_department, code
),

credits as (
    select run_id, company_code, cast(null as {{ dbt.type_string() }}) as home_department,
        case when code_type in ('employee_tax', 'employer_tax') then 'TAXES'
             when code_type = 'deduction' then 'DEDUCTIONS' end as code,
        sum(value) as value, 'credit' as side, 2 as grp
    from register
    where code_type in ('employee_tax', 'employer_tax', 'deduction')
    group by run_id, company_code,
        case when code_type in ('employee_tax', 'employer_tax') then 'TAXES'
             when code_type = 'deduction' then 'DEDUCTIONS' end

    union all

    select run_id, company_code, null, 'NET_PAY', sum(value), 'credit', 3
    from register
    where code_type = 'net_pay'
    group by run_id, company_code
),

lines as (
    select * from debits
    union all
    select * from credits
),

numbered as (
    select
        l.*,
        row_number() over (
            partition by l.run_id, l.company_code order by l.grp, l.home_department, l.code
        ) as line_no
    from lines l
)

select
    cast(n.run_id || '-' || n.company_code as {{ dbt.type_string() }}) as external_key,
    cast(ent.intacct_value as {{ dbt.type_string() }}) as entity,
    cast(n.company_code as {{ dbt.type_string() }}) as entity_source,
    cast('PYJ' as {{ dbt.type_string() }}) as journal,
    cast(runs.pay_date as {{ dbt.type_string() }}) as batch_date,
    cast('Payroll ' || n.run_id || ' ' || n.company_code as {{ dbt.type_string() }}) as title,
    cast(runs.bad_amount as {{ dbt.type_string() }}) as bad_amount,
    cast(n.line_no as {{ dbt.type_string() }}) as line_no,
    cast(
        case n.code when 'TAXES' then '2200' when 'DEDUCTIONS' then '2150' when 'NET_PAY' then '2100'
        else acct.intacct_value end
        as {{ dbt.type_string() }}
    ) as line_account,
    cast(case when n.grp = 1 then n.code end as {{ dbt.type_string() }}) as line_account_source,
    cast(n.side as {{ dbt.type_string() }}) as line_side,
    cast(n.value as {{ dbt.type_string() }}) as line_amount,
    cast(n.code as {{ dbt.type_string() }}) as line_memo,
    cast(dept.intacct_value as {{ dbt.type_string() }}) as line_department,
    cast(n.home_department as {{ dbt.type_string() }}) as line_department_source,
    cast(ent.intacct_value as {{ dbt.type_string() }}) as line_location
from numbered n
join runs on runs.run_id = n.run_id and runs.company_code = n.company_code
left join maps ent on ent.dimension = 'entity' and ent.source_value = n.company_code
left join maps acct on acct.dimension = 'gl_account' and acct.source_value = n.code
left join maps dept on dept.dimension = 'department' and dept.source_value = n.home_department
