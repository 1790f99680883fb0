-- Classs, with their parent for roll-ups.
select
    class_id as class_id,
    name as class_name,
    parent_id as parent_class_id,
    status
from "analytics_staging"."stg_intacct__class"
