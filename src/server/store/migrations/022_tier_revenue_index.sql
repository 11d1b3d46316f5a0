-- Tier revenue reads only the won deals that count (not rejected, not withdrawn). With that in the
-- index predicate and amount and currency included, one partner's trailing twelve months is an
-- index-only range scan on (partner_id, won_at), whatever the size of the deals table; the whole
-- program's (a re-evaluation of every partner) reads the same small index instead of the table.
drop index deals_partner_won;
create index deals_partner_won on deals (partner_id, won_at) include (amount, currency)
  where stage = 'won' and status not in ('rejected', 'withdrawn');
