alter table "intacct_raw"."gl_detail" add column "rate" NUMBER(38,9)
-- params: []
