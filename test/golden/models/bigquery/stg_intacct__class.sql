-- CLASS: one row per class; renamed, typed, soft-deleted rows left out.
-- Raw Intacct column names appear only in staging models.
with source as (
    select * from `intacct_raw`.`class`
    where `_deleted_at` is null
)

select
    `record_no` as class_key,
    `classid` as class_id,
    `name` as name,
    `description` as description,
    `parentkey` as parent_key,
    `parentid` as parent_id,
    `parentname` as parent_name,
    `status` as status,
    `when_created` as created_at,
    `when_modified` as modified_at,
    `_loaded_at` as loaded_at
from source
