PUT 'file://<tmpdir>/intacct-elt-put-x/part-00001.csv.gz' @~/intacct_elt/gl_detail__load_1/ AUTO_COMPRESS = FALSE SOURCE_COMPRESSION = GZIP OVERWRITE = TRUE PARALLEL = 1
