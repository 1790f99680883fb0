-- ITEM: one row per item; renamed, typed, soft-deleted rows left out.
-- Raw Intacct column names appear only in staging models.
with source as (
    select * from "intacct_raw"."item"
    where "_deleted_at" is null
)

select
    "record_no" as item_key,
    "itemid" as item_id,
    "name" as name,
    "productlineid" as product_line_id,
    "itemtype" as item_type,
    "status" as status,
    "extended_description" as extended_description,
    "uomgrp" as unit_group,
    "cost_method" as cost_method,
    cast("baseprice" as numeric(38, 9)) as base_price,
    cast("standard_cost" as numeric(38, 9)) as standard_cost,
    "glgroup" as gl_group,
    "incomeaccountno" as income_account_no,
    "expenseaccountno" as expense_account_no,
    "taxable" as is_taxable,
    "when_created" as created_at,
    "when_modified" as modified_at,
    "_loaded_at" as loaded_at
from source
