{#- Generic data tests that prove the books tie. Each selects the offending rows. -#}

{#- Every batch balances: its debits equal its credits (base currency). -#}
{% test balanced_batches(model, batch_column='batch_key', debit_column='debit_amount', credit_column='credit_amount', group_columns=['entity_id']) %}
select
    {% for c in group_columns %}{{ c }}, {% endfor %}{{ batch_column }},
    sum({{ debit_column }}) as debits,
    sum({{ credit_column }}) as credits,
    sum({{ debit_column }}) - sum({{ credit_column }}) as difference
from {{ model }}
group by {% for c in group_columns %}{{ c }}, {% endfor %}{{ batch_column }}
having abs(sum({{ debit_column }}) - sum({{ credit_column }})) > {{ var('tie_out_tolerance', 0) }}
{% endtest %}

{#- A trial balance nets to zero per group: closing balances sum to zero and debits equal credits. -#}
{% test nets_to_zero(model, group_columns, balance_column='closing_balance', debit_column='period_debits', credit_column='period_credits') %}
select
    {{ group_columns | join(', ') }},
    sum({{ balance_column }}) as net_balance,
    sum({{ debit_column }}) as debits,
    sum({{ credit_column }}) as credits
from {{ model }}
group by {{ group_columns | join(', ') }}
having abs(sum({{ balance_column }})) > {{ var('tie_out_tolerance', 0) }}
    or abs(sum({{ debit_column }}) - sum({{ credit_column }})) > {{ var('tie_out_tolerance', 0) }}
{% endtest %}

{#- Rows whose difference column is beyond the tolerance (tie-out models compute the difference). -#}
{% test ties_out(model, difference_column='difference') %}
select *
from {{ model }}
where abs(coalesce({{ difference_column }}, 0)) > {{ var('tie_out_tolerance', 0) }}
{% endtest %}

{#- Every source document has GL lines: documents of `model` whose key has no row in `to`. -#}
{% test has_gl_entries(model, column_name, to, field) %}
select doc.{{ column_name }} as document_key
from {{ model }} as doc
left join (select distinct {{ field }} as batch from {{ to }}) as gl
    on doc.{{ column_name }} = gl.batch
where doc.{{ column_name }} is not null
  and gl.batch is null
{% endtest %}
