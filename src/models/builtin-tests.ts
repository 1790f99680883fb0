/**
 * dbt's four built-in generic tests as Jinja macros: each selects the failing rows. A project macro
 * of the same name (`{% test unique(...) %}` in models/macros/) replaces one, as in dbt.
 */
export const BUILTIN_TESTS = `
{% test unique(model, column_name) %}
select {{ column_name }} as unique_field, count(*) as n_records
from {{ model }}
where {{ column_name }} is not null
group by {{ column_name }}
having count(*) > 1
{% endtest %}

{% test not_null(model, column_name) %}
select *
from {{ model }}
where {{ column_name }} is null
{% endtest %}

{% test accepted_values(model, column_name, values, quote=true) %}
select {{ column_name }} as value_field, count(*) as n_records
from {{ model }}
where {{ column_name }} is not null
  and {{ column_name }} not in (
  {%- for v in values -%}
    {% if quote %}'{{ v }}'{% else %}{{ v }}{% endif %}{% if not loop.last %}, {% endif %}
  {%- endfor -%}
  )
group by {{ column_name }}
{% endtest %}

{% test relationships(model, column_name, to, field) %}
select child.{{ column_name }} as from_field
from {{ model }} as child
left join {{ to }} as parent
  on child.{{ column_name }} = parent.{{ field }}
where child.{{ column_name }} is not null
  and parent.{{ field }} is null
{% endtest %}
`;
