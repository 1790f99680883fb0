{#- Project macros. Only constructs both dbt and intacct-elt accept: see models/README.md. -#}

{% macro money_type() -%}
numeric(38, 9)
{%- endmacro %}

{#- Debit-positive signed amount of a GL line. -#}
{% macro signed_amount(debit, credit) -%}
(coalesce({{ debit }}, 0) - coalesce({{ credit }}, 0))
{%- endmacro %}

{#- The first day of the month of a date, as a date on every warehouse. -#}
{% macro month_start(date) -%}
cast({{ dbt.date_trunc('month', date) }} as date)
{%- endmacro %}

{#- Whole days from one date to another. -#}
{% macro days_between(first_date, second_date) -%}
{{ dbt.datediff(first_date, second_date, 'day') }}
{%- endmacro %}

{#- The aging date: var aging_as_of_date, else today. -#}
{% macro aging_as_of() -%}
{%- if var('aging_as_of_date', '') -%}
cast('{{ var('aging_as_of_date') }}' as date)
{%- else -%}
current_date
{%- endif -%}
{%- endmacro %}

{#- The aging bucket of a number of days past due. -#}
{% macro aging_bucket(days) -%}
case
    when {{ days }} <= 30 then '0-30'
    when {{ days }} <= 60 then '31-60'
    when {{ days }} <= 90 then '61-90'
    else '90+'
end
{%- endmacro %}
