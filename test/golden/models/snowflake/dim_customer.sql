-- Customers.
select
    customer_id,
    name as customer_name,
    parent_id as parent_customer_id,
    customer_type,
    term_name,
    credit_limit,
    currency,
    country,
    ar_account_no,
    status
from "analytics_staging"."stg_intacct__customer"
