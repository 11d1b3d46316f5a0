-- Tier progress: exchange rates, the tier history, the at-risk mark and when a deal was won.

-- Base units (the program currency, the first of `program.currencies`) per one unit of `currency`.
create table exchange_rates (
  currency text primary key,
  rate numeric(20, 8) not null check (rate > 0),
  updated_at timestamptz not null default date_trunc('milliseconds', now())
);

-- Each change of a partner's tier, with the metrics it was decided on. Written with the change,
-- its audit entry and its `tier.changed` event in one transaction.
create table tier_history (
  id text primary key,
  partner_id text not null references partners (id),
  at timestamptz not null,
  from_tier_id text,
  to_tier_id text not null,
  reason text not null check (reason in ('rise', 'fall', 'manual', 'definition_change')),
  metrics jsonb not null
);
create index tier_history_partner on tier_history (partner_id, at desc, id desc);

-- Set when an evaluation first finds the partner short of its tier; the partner falls at the end
-- of that calendar quarter (the review date) unless it qualifies again before.
alter table partners add column tier_at_risk_since timestamptz;

-- A won deal counts toward tier revenue from the moment the CRM reported it won. The trigger keeps
-- it whatever path changes the stage (the CRM sync, the seed, a manual fix in SQL).
alter table deals add column won_at timestamptz;
update deals set won_at = updated_at where stage = 'won';

create function deals_won_at() returns trigger language plpgsql as $$
begin
  if new.stage <> 'won' then
    new.won_at := null;
  elsif tg_op = 'INSERT' then
    new.won_at := coalesce(new.won_at, new.updated_at, now());
  elsif old.stage <> 'won' then
    new.won_at := coalesce(new.won_at, date_trunc('milliseconds', now()));
  end if;
  return new;
end $$;
create trigger deals_won_at before insert or update of stage on deals
  for each row execute function deals_won_at();

-- Tier revenue: the won deals of one partner in a trailing window, read from the index alone.
create index deals_partner_won on deals (partner_id, won_at) include (amount, currency, status)
  where stage = 'won';

create index certifications_partner_dates on certifications (partner_id, earned_at, expires_at);
