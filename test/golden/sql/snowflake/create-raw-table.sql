create table if not exists "intacct_raw"."gl_detail" ("record_no" NUMBER(38,0) not null, "accountno" VARCHAR, "amount" NUMBER(38,9), "entry_date" DATE, "when_modified" TIMESTAMP_TZ(6), "_entity" VARCHAR not null, "_load_id" VARCHAR, "_loaded_at" TIMESTAMP_TZ(6), "_deleted_at" TIMESTAMP_TZ(6))
-- params: []
