-- The platform: program, tiers, partners, users, embed keys, opportunities, certifications,
-- audit log and idempotency records. Later migrations add deals, content and MDF.
create extension if not exists pg_trgm;

-- Small facts about this database itself (what seed it got, …).
create table meta (
  key text primary key,
  value jsonb not null
);

-- The program is a single row.
create table program (
  id int primary key default 1 check (id = 1),
  name text not null,
  products jsonb not null default '[]',
  currencies jsonb not null default '["USD"]',
  sla_hours int not null default 48,
  protection_days int not null default 90,
  claim_window_days int not null default 60,
  updated_at timestamptz not null default date_trunc('milliseconds', now())
);
insert into program (id, name) values (1, 'Partner Program');

create table tiers (
  id text primary key,
  name text not null,
  -- Deferred so a ladder can be reordered in one statement list without transient clashes.
  rank int not null unique deferrable initially deferred,
  requirements jsonb not null default '{}',
  benefits jsonb not null default '[]',
  auto_approve_limit jsonb
);
-- A partner starts at the lowest-ranked tier, so there is always one.
insert into tiers (id, name, rank) values ('tier_registered', 'Registered', 1);

create table partners (
  id text primary key,
  name text not null,
  type text not null,
  region text not null,
  domains jsonb not null default '[]',
  tier_id text not null references tiers (id),
  created_at timestamptz not null default date_trunc('milliseconds', now())
);
create index partners_page on partners (created_at, id);
create index partners_domains on partners using gin (domains jsonb_path_ops);

create table users (
  id text primary key,
  name text not null,
  email text not null,
  role text not null,
  partner_id text references partners (id),
  created_at timestamptz not null default date_trunc('milliseconds', now())
);
create unique index users_email on users (lower(email));
create index users_partner on users (partner_id);

-- The secret is kept as is: verifying HS256 needs it, it is shown to the partner only once.
create table embed_keys (
  id text primary key,
  partner_id text not null references partners (id),
  secret text not null,
  created_by text not null,
  created_at timestamptz not null default date_trunc('milliseconds', now()),
  revoked_at timestamptz
);
create index embed_keys_partner on embed_keys (partner_id);

create table opportunities (
  id text primary key,
  external_id text not null unique,
  customer_name text not null,
  customer_domain text not null,
  products jsonb not null default '[]',
  stage text not null,
  owner_email text,
  created_at timestamptz not null default date_trunc('milliseconds', now()),
  updated_at timestamptz not null default date_trunc('milliseconds', now())
);
create index opportunities_page on opportunities (created_at, id);

create table certifications (
  id text primary key,
  partner_id text not null references partners (id),
  user_id text not null,
  user_name text,
  name text not null,
  earned_at date not null,
  expires_at date,
  created_at timestamptz not null default date_trunc('milliseconds', now())
);
create index certifications_partner on certifications (partner_id);

create table audit_entries (
  id text primary key,
  at timestamptz not null default date_trunc('milliseconds', clock_timestamp()),
  actor_id text not null,
  actor_role text not null,
  actor_partner_id text,
  action text not null,
  resource_type text not null,
  resource_id text not null,
  before jsonb,
  after jsonb
);
create index audit_page on audit_entries (at, id);
create index audit_resource on audit_entries (resource_id, at, id);
create index audit_actor on audit_entries (actor_id, at, id);

-- The audit log is append-only, whatever code or person holds a connection.
create function audit_entries_append_only() returns trigger language plpgsql as $$
begin
  raise exception 'audit entries are append-only' using errcode = '42501';
end
$$;
create trigger audit_entries_no_update before update or delete on audit_entries
  for each row execute function audit_entries_append_only();
create trigger audit_entries_no_truncate before truncate on audit_entries
  for each statement execute function audit_entries_append_only();

-- One row per (caller, Idempotency-Key): claimed before the work, completed with its response.
create table idempotency_keys (
  scope text not null,
  key text not null,
  fingerprint text not null,
  response_status int,
  response_body text,
  response_headers jsonb,
  created_at timestamptz not null default now(),
  locked_at timestamptz not null default now(),
  primary key (scope, key)
);
create index idempotency_keys_created on idempotency_keys (created_at);
