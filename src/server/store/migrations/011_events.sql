-- The event stream of `GET /v1/events`. Ids are handed out in commit order (writers take one
-- transaction-scoped advisory lock just before inserting, see domain/events.ts), so a reader that
-- has delivered id N never later finds a committed event below N: `id > last` resumes exactly.
create table events (
  id bigint generated always as identity primary key,
  at timestamptz not null default date_trunc('milliseconds', now()),
  type text not null,
  resource_type text not null,
  resource_id text not null,
  -- The partner the resource belongs to: partner roles receive only their own partner's events.
  -- Null: vendor roles only.
  partner_id text,
  -- The resource as vendor roles see it; each subscriber gets it rendered for its own role.
  data jsonb not null
);
create index events_partner on events (partner_id, id);
