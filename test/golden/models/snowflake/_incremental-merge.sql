merge into "analytics_marts"."fct_gl_entry" as dbt_dest
using "analytics_marts"."fct_gl_entry__dbt_tmp" as dbt_src
on dbt_dest."GL_ENTRY_KEY" = dbt_src."GL_ENTRY_KEY"
when matched then update set
    "AMOUNT" = dbt_src."AMOUNT",
    "LOADED_AT" = dbt_src."LOADED_AT"
when not matched then insert ("GL_ENTRY_KEY", "AMOUNT", "LOADED_AT")
values (dbt_src."GL_ENTRY_KEY", dbt_src."AMOUNT", dbt_src."LOADED_AT")
