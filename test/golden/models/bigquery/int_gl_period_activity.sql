-- Debits and credits per entity, book, account and month: the input of the trial balance.
select
    entity_id,
    book_id,
    account_no,
    period_start_date,
    sum(debit_amount) as debits,
    sum(credit_amount) as credits
from `analytics_marts`.`fct_gl_entry`
group by entity_id, book_id, account_no, period_start_date
