-- Vendors.
select
    vendor_id,
    name as vendor_name,
    parent_id as parent_vendor_id,
    vendor_type,
    term_name,
    currency,
    country,
    ap_account_no,
    form_1099_type,
    status
from {{ ref('stg_intacct__vendor') }}
