-- Review routing: who reviews a deal that goes to review, and the queue's reads by assignee and
-- due time.
--
-- The rules are one ordered list with a fallback, read whole on every registration and replaced
-- whole by `PUT /v1/program/review-routing`: a single row holding them as JSON is the simplest
-- store that keeps their order.
create table review_routing (
  id int primary key default 1 check (id = 1),
  -- [{ region?, partnerType?, assignee: { id, name, email } }], first match wins
  rules jsonb not null default '[]',
  -- { id, name, email } | null
  fallback jsonb,
  updated_at timestamptz not null default date_trunc('milliseconds', now())
);
insert into review_routing (id) values (1);

-- The reviewer of a deal. Kept on the deal (name and email as they were when assigned) so that a
-- list renders it without another lookup, and reassigning is one row update.
alter table deals
  add column assignee_id text,
  add column assignee_name text,
  add column assignee_email text;

-- The review queue: deals under review by due time (overdue first), all or one reviewer's. The
-- stats of `GET /v1/deals/stats` and `?status=under_review&sort=reviewDueAt` read these.
create index deals_review_queue on deals ((coalesce(review_due_at, 'infinity'::timestamptz)), id)
  where status = 'under_review';
create index deals_review_queue_assignee
  on deals (assignee_id, (coalesce(review_due_at, 'infinity'::timestamptz)), id)
  where status = 'under_review';
-- `?assignee=` with the default sort, over every status.
create index deals_assignee_submitted on deals (assignee_id, submitted_at desc, id desc)
  where assignee_id is not null;
