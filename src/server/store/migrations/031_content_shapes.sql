-- Opening the content finder (no words typed) shows the library's facets and total for what the
-- caller may see. Counted from the assets, that read grows with the library (about 0.25 s at
-- 100,000 assets). Assets share far fewer "shapes" (what the facets show: type, language, products,
-- a "combo"; and what access depends on), so the live assets without an expiry date are counted
-- per shape here, kept exact on every write by statement triggers; assets with an expiry date are
-- few and are counted from the assets at read time (their expiry is a moment, not a write). A
-- browse sums the shapes it may see per combo, then counts facets over the combos.
-- See domain/content-browse.ts.
create table content_combos (
  id int generated always as identity primary key,
  type text not null,
  language text not null,
  products text[] not null,
  unique (type, language, products)
);

create table content_shapes (
  combo int not null references content_combos (id),
  min_tier_rank int not null,
  audiences text[] not null,
  regions text[] not null,
  n int not null check (n > 0),
  primary key (combo, min_tier_rank, audiences, regions)
);

insert into content_combos (type, language, products)
  select distinct type, language, products from content_assets
   where status = 'active' and expires_at is null
   order by 1, 2, 3;
insert into content_shapes (combo, min_tier_rank, audiences, regions, n)
  select c.id, a.min_tier_rank, a.audiences, a.regions, count(*)
    from content_assets a
    join content_combos c on (c.type, c.language, c.products) = (a.type, a.language, a.products)
   where a.status = 'active' and a.expires_at is null
   group by 1, 2, 3, 4;

-- The live assets that expire: what a browse counts beside the shapes.
create index content_assets_expiring on content_assets (expires_at)
  where status = 'active' and expires_at is not null;

-- A delta (rows entering minus rows leaving, per shape) with each shape's combo id.
create function content_shapes_delta(delta jsonb) returns table (
  combo int, min_tier_rank int, audiences text[], regions text[], n int)
language sql stable as $$
  select c.id, d.min_tier_rank, d.audiences, d.regions, d.n
    from jsonb_to_recordset(delta) as d(type text, language text, products text[],
           min_tier_rank int, audiences text[], regions text[], n int)
    join content_combos c on (c.type, c.language, c.products) = (d.type, d.language, d.products)
$$;

-- Applies a delta: a shape that reaches zero is removed, the others counted down or up. Combos
-- stay (they are few, and a combo nobody holds counts nothing).
create function content_shapes_apply(delta jsonb) returns void language plpgsql as $$
begin
  insert into content_combos (type, language, products)
    select distinct d.type, d.language, d.products
      from jsonb_to_recordset(delta) as d(type text, language text, products text[], n int)
     where d.n > 0
     order by 1, 2, 3
  on conflict do nothing;
  delete from content_shapes s
   using content_shapes_delta(delta) d
   where d.n < 0 and s.n + d.n <= 0
     and (s.combo, s.min_tier_rank, s.audiences, s.regions)
       = (d.combo, d.min_tier_rank, d.audiences, d.regions);
  update content_shapes s set n = s.n + d.n
    from content_shapes_delta(delta) d
   where d.n < 0
     and (s.combo, s.min_tier_rank, s.audiences, s.regions)
       = (d.combo, d.min_tier_rank, d.audiences, d.regions);
  insert into content_shapes as s (combo, min_tier_rank, audiences, regions, n)
    select d.combo, d.min_tier_rank, d.audiences, d.regions, d.n
      from content_shapes_delta(delta) d
     where d.n > 0
     order by 1, 2, 3, 4
  on conflict (combo, min_tier_rank, audiences, regions) do update set n = s.n + excluded.n;
end
$$;

create function content_shapes_on_insert() returns trigger language plpgsql as $$
begin
  perform content_shapes_apply(coalesce((
    select jsonb_agg(x) from (
      select type, language, products, min_tier_rank, audiences, regions, count(*)::int as n
        from new_assets where status = 'active' and expires_at is null
       group by 1, 2, 3, 4, 5, 6) x), '[]'::jsonb));
  return null;
end
$$;

create function content_shapes_on_update() returns trigger language plpgsql as $$
begin
  perform content_shapes_apply(coalesce((
    select jsonb_agg(x) from (
      select type, language, products, min_tier_rank, audiences, regions, sum(k)::int as n from (
        select type, language, products, min_tier_rank, audiences, regions, 1 as k
          from new_assets where status = 'active' and expires_at is null
        union all
        select type, language, products, min_tier_rank, audiences, regions, -1
          from old_assets where status = 'active' and expires_at is null) y
       group by 1, 2, 3, 4, 5, 6
      having sum(k) <> 0) x), '[]'::jsonb));
  return null;
end
$$;

create function content_shapes_on_delete() returns trigger language plpgsql as $$
begin
  perform content_shapes_apply(coalesce((
    select jsonb_agg(x) from (
      select type, language, products, min_tier_rank, audiences, regions, -count(*)::int as n
        from old_assets where status = 'active' and expires_at is null
       group by 1, 2, 3, 4, 5, 6) x), '[]'::jsonb));
  return null;
end
$$;

create trigger content_shapes_after_insert after insert on content_assets
  referencing new table as new_assets
  for each statement execute function content_shapes_on_insert();
create trigger content_shapes_after_update after update on content_assets
  referencing old table as old_assets new table as new_assets
  for each statement execute function content_shapes_on_update();
create trigger content_shapes_after_delete after delete on content_assets
  referencing old table as old_assets
  for each statement execute function content_shapes_on_delete();
