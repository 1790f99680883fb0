-- CUSTOMER: one row per customer; renamed, typed, soft-deleted rows left out.
-- Raw Intacct column names appear only in staging models.
with source as (
    select * from "intacct_raw"."customer"
    where "_deleted_at" is null
)

select
    "record_no" as customer_key,
    "customerid" as customer_id,
    "name" as name,
    "parentid" as parent_id,
    "parentname" as parent_name,
    "termname" as term_name,
    "custtype" as customer_type,
    "custrepid" as sales_rep_id,
    "territoryid" as territory_id,
    cast("creditlimit" as numeric(38, 9)) as credit_limit,
    cast("totaldue" as numeric(38, 9)) as total_due,
    "onhold" as is_on_hold,
    "onetime" as is_one_time,
    "status" as status,
    "currency" as currency,
    "displaycontact_printas" as print_as,
    "displaycontact_email1" as email,
    "displaycontact_phone1" as phone,
    "displaycontact_mailaddress_city" as city,
    "displaycontact_mailaddress_state" as state_province,
    "displaycontact_mailaddress_country" as country,
    "araccount" as ar_account_no,
    "araccounttitle" as ar_account_title,
    "delivery_options" as delivery_options,
    "last_invoicedate" as last_invoice_date,
    "when_created" as created_at,
    "when_modified" as modified_at,
    "_loaded_at" as loaded_at
from source
