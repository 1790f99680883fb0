-- GLACCOUNT: one row per GL account in the chart of accounts; renamed, typed, soft-deleted rows left out.
-- Raw Intacct column names appear only in staging models.
with source as (
    select * from "intacct_raw"."gl_account"
    where "_deleted_at" is null
)

select
    "record_no" as account_key,
    "accountno" as account_no,
    "title" as account_title,
    "accounttype" as account_type,
    "normalbalance" as normal_balance,
    "closingtype" as closing_type,
    "closingaccountno" as closing_account_no,
    "closingaccounttitle" as closing_account_title,
    "category" as category,
    "alternativeaccount" as alternative_account,
    "status" as status,
    "requiredept" as requires_department,
    "requireloc" as requires_location,
    "requireproject" as requires_project,
    "requirecustomer" as requires_customer,
    "requirevendor" as requires_vendor,
    "requireemployee" as requires_employee,
    "requireitem" as requires_item,
    "requireclass" as requires_class,
    "requiregldimfund" as requires_fund,
    "taxable" as is_taxable,
    "subledgercontrolon" as is_subledger_control,
    "enablegldimfund" as enables_fund,
    "when_created" as created_at,
    "when_modified" as modified_at,
    "_loaded_at" as loaded_at
from source
