merge into `analytics_marts`.`fct_gl_entry` as dbt_dest
using `analytics_marts`.`fct_gl_entry__dbt_tmp` as dbt_src
on dbt_dest.`gl_entry_key` = dbt_src.`gl_entry_key`
when matched then update set
    `amount` = dbt_src.`amount`,
    `loaded_at` = dbt_src.`loaded_at`
when not matched then insert (`gl_entry_key`, `amount`, `loaded_at`)
values (dbt_src.`gl_entry_key`, dbt_src.`amount`, dbt_src.`loaded_at`)
