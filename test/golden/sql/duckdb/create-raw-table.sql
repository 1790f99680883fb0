create table if not exists "intacct_raw"."gl_detail" ("record_no" BIGINT not null, "accountno" VARCHAR, "amount" NUMERIC(38,9), "entry_date" DATE, "when_modified" TIMESTAMPTZ, "_entity" VARCHAR not null, "_load_id" VARCHAR, "_loaded_at" TIMESTAMPTZ, "_deleted_at" TIMESTAMPTZ)
-- params: []
