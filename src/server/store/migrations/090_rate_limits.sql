-- Request budgets shared by every server process on one PostgreSQL: one row per caller and
-- fixed window, counted with an upsert. Unlogged: a crash may forget the current window's
-- counts, which costs at most one window of leniency and saves a WAL write per request.
-- (Numbered apart from the resource migrations so that it never collides with theirs.)
create unlogged table if not exists rate_limit_windows (
  caller text not null,
  window_start bigint not null,
  hits int not null,
  primary key (caller, window_start)
);
