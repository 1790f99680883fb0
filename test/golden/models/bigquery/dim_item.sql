-- Items (products and services).
select
    item_id,
    name as item_name,
    product_line_id,
    item_type,
    income_account_no,
    expense_account_no,
    status
from `analytics_staging`.`stg_intacct__item`
