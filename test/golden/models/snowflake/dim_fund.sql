-- Funds (a user-defined dimension in Intacct; empty when the company does not use it).
select
    fund_id as fund_id,
    name as fund_name,
    fund_type,
    status
from "analytics_staging"."stg_intacct__fund"
