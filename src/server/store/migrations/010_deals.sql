-- Deal registration. A deal keeps its customer twice: as typed (shown back) and in the forms the
-- conflict check compares — the normalised name (trigram similarity) and the registrable domain.
-- `expired` is never stored: an approved, open deal past `protected_until` reads as expired, so the
-- status cannot go stale while nobody writes.
create table deals (
  id text primary key,
  partner_id text not null references partners (id),
  status text not null check (status in ('under_review', 'approved', 'rejected', 'withdrawn')),
  stage text not null default 'open' check (stage in ('open', 'won', 'lost')),
  customer_name text not null,
  customer_name_norm text not null,
  customer_domain text not null,
  customer_reg_domain text not null,
  customer_country text,
  contact_name text not null,
  contact_email text not null,
  contact_phone text,
  title text not null,
  products text[] not null,
  amount bigint not null check (amount >= 0),
  currency text not null,
  expected_close_date date not null,
  notes text,
  submitted_by text not null,
  submitted_at timestamptz not null,
  review_due_at timestamptz,
  -- { by, decision, reasonCode, comment?, at }
  decision jsonb,
  protected_until timestamptz,
  external_id text,
  -- The full conflict report (vendor view); partner views are redacted when rendered.
  conflicts jsonb not null,
  updated_at timestamptz not null
);

-- The conflict check reads only "live" deals: under review, or approved and still open. The
-- protection window (`protected_until > now()`) cannot be part of an index predicate, so it is
-- checked on the few rows these indexes return. Both indexes repeat the same predicate so that one
-- query can combine them (BitmapOr) without touching the rest of the table. GIN indexes here are
-- built without the pending list (`fastupdate = off`): every search would otherwise scan that
-- unsorted list linearly, which made checks slow and erratic after bursts of registrations; an
-- insert pays a few index-page updates instead.
create index deals_live_domain on deals (customer_reg_domain)
  where status = 'under_review' or (status = 'approved' and stage = 'open');
create index deals_live_name on deals using gin (customer_name_norm gin_trgm_ops)
  with (fastupdate = off)
  where status = 'under_review' or (status = 'approved' and stage = 'open');
create index deals_products on deals using gin (products) with (fastupdate = off);

-- Lists: one index per sort order, keyset-paged on (key, id).
create index deals_submitted on deals (submitted_at desc, id desc);
create index deals_partner_submitted on deals (partner_id, submitted_at desc, id desc);
create index deals_review_due on deals ((coalesce(review_due_at, 'infinity'::timestamptz)), id);
create index deals_amount on deals (amount desc, id desc);
create index deals_reg_domain on deals (customer_reg_domain);
create index deals_search on deals using gin ((customer_name || ' ' || title) gin_trgm_ops)
  with (fastupdate = off);

-- Direct opportunities take part in the conflict check, so they need the same comparable name.
-- The application normalises deal names in TypeScript (`normalizeName`); opportunities are written
-- by code and seeds this migration does not own, so their normalised name is a generated column
-- computed by this SQL twin of `normalizeName`: lower case, common Latin accents folded, dotted
-- abbreviations joined, `&` read as "and", punctuation to spaces, trailing legal-form suffixes dropped (never the first word).
create function prm_normalize_name(name text) returns text
language sql immutable parallel safe
return trim(regexp_replace(
  trim(regexp_replace(
    replace(replace(regexp_replace(translate(lower(name),
      'àáâãäåāăąçćčďèéêëēėęěìíîïīįłñńňòóôõöøōőŕřśšşťùúûüūůűųýÿźżž',
      'aaaaaaaaacccdeeeeeeeeiiiiiilnnnoooooooorrsssstuuuuuuuuyyzzz'),
      -- "G.m.b.H." and "S.A." lose their dots before punctuation becomes space.
      '\m([[:alpha:]])\.(?=[[:alpha:]]\M)', '\1', 'g'),
      'ß', 'ss'), '&', ' and '),
    '[^[:alnum:]]+', ' ', 'g')),
  '( (inc|incorporated|llc|llp|lp|ltd|limited|gmbh|mbh|kg|ag|se|corp|corporation|co|company|sa|sas|sarl|srl|spa|bv|nv|plc|pty|oy|oyj|ab|as|asa|aps|kk|sl|sau|lda|ltda|group|holding|holdings|and))+$',
  ''));

alter table opportunities
  add column customer_name_norm text generated always as (prm_normalize_name(customer_name)) stored;
create index opportunities_open_domain on opportunities (customer_domain) where stage = 'open';
create index opportunities_open_name on opportunities using gin (customer_name_norm gin_trgm_ops)
  with (fastupdate = off) where stage = 'open';
