-- Market development funds. Money moves between the buckets of an allocation (available, pending,
-- approved, claimed, paid) only through `mdf_ledger`: every movement is one row, and the balances
-- kept on the allocation row are updated in the same transaction as the row that explains them.
-- Writers lock the allocation row (`for update`) first, so movements on one allocation are
-- serialised; the checks below are the last line should a writer forget.
create table mdf_allocations (
  id text primary key,
  partner_id text not null references partners (id),
  period text not null,
  currency text not null,
  allocated bigint not null default 0 check (allocated >= 0),
  pending bigint not null default 0 check (pending >= 0),
  approved bigint not null default 0 check (approved >= 0),
  claimed bigint not null default 0 check (claimed >= 0),
  paid bigint not null default 0 check (paid >= 0),
  expires_at timestamptz not null,
  created_at timestamptz not null default date_trunc('milliseconds', now()),
  unique (partner_id, period),
  check (allocated - pending - approved - claimed - paid >= 0)
);

create table mdf_requests (
  id text primary key,
  partner_id text not null references partners (id),
  allocation_id text not null references mdf_allocations (id),
  status text not null check (status in ('submitted', 'approved', 'rejected', 'returned')),
  -- { type, title, description, startDate, endDate, expectedLeads?, expectedPipeline? }
  activity jsonb not null,
  end_date date not null,
  currency text not null,
  requested_amount bigint not null check (requested_amount > 0),
  approved_amount bigint check (approved_amount > 0 and approved_amount <= requested_amount),
  -- What claims not rejected take of the approved amount.
  claimed_amount bigint not null default 0 check (claimed_amount >= 0),
  decision jsonb,
  submitted_by text not null,
  submitted_at timestamptz not null,
  updated_at timestamptz not null,
  check (claimed_amount <= coalesce(approved_amount, 0))
);
create index mdf_requests_partner on mdf_requests (partner_id, submitted_at desc, id desc);
create index mdf_requests_submitted on mdf_requests (submitted_at desc, id desc);
create index mdf_requests_allocation on mdf_requests (allocation_id);

-- Proof files, in the database itself: one backup holds the claims and their receipts together.
create table files (
  id text primary key,
  partner_id text not null references partners (id),
  name text not null,
  content_type text not null,
  size_bytes integer not null check (size_bytes > 0),
  sha256 text not null,
  data bytea not null,
  uploaded_by text not null,
  created_at timestamptz not null default date_trunc('milliseconds', now())
);
create index files_partner on files (partner_id);

create table mdf_claims (
  id text primary key,
  request_id text not null references mdf_requests (id),
  partner_id text not null references partners (id),
  allocation_id text not null references mdf_allocations (id),
  status text not null check (status in ('submitted', 'approved', 'rejected', 'paid')),
  currency text not null,
  amount bigint not null check (amount > 0),
  proof_file_ids text[] not null,
  -- { leads?, pipeline?, notes? }
  results jsonb not null,
  decision jsonb,
  payout jsonb,
  submitted_by text not null,
  submitted_at timestamptz not null,
  updated_at timestamptz not null
);
create index mdf_claims_partner on mdf_claims (partner_id, submitted_at desc, id desc);
create index mdf_claims_submitted on mdf_claims (submitted_at desc, id desc);
create index mdf_claims_request on mdf_claims (request_id);

-- The ledger. `from_bucket` null: money entering the allocation (the allocation itself).
create table mdf_ledger (
  id bigint generated always as identity primary key,
  allocation_id text not null references mdf_allocations (id),
  at timestamptz not null default date_trunc('milliseconds', now()),
  kind text not null,
  from_bucket text check (from_bucket in ('available', 'pending', 'approved', 'claimed', 'paid')),
  to_bucket text not null check (to_bucket in ('available', 'pending', 'approved', 'claimed', 'paid')),
  amount bigint not null check (amount > 0),
  request_id text references mdf_requests (id),
  claim_id text references mdf_claims (id),
  actor_id text not null
);
create index mdf_ledger_allocation on mdf_ledger (allocation_id, id);
