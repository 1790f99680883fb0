create table "intacct_staging"."gl_detail__load_1" ("record_no" VARCHAR, "accountno" VARCHAR, "amount" NUMBER(38,9), "entry_date" VARCHAR, "when_modified" VARCHAR, "_seq" INTEGER, "_deleted_at" VARCHAR)
-- params: []
