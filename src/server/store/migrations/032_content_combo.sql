-- A search with words counts its facets over every match. Grouping the matches by their type,
-- language and products array (three values, one of them an array to hash) cost about as much as
-- finding them; each asset now carries the id of its combo (migration 031's content_combos), so a
-- search groups its matches by one integer and reads the few combos' values afterwards.
-- See domain/content-search.ts.
alter table content_assets add column combo int;

insert into content_combos (type, language, products)
  select distinct type, language, products from content_assets
   order by 1, 2, 3
on conflict do nothing;

update content_assets a set combo = c.id
  from content_combos c
 where (c.type, c.language, c.products) = (a.type, a.language, a.products);

alter table content_assets alter column combo set not null;
alter table content_assets add foreign key (combo) references content_combos (id);

-- The combo of a row being written: found, or added (two writers adding the same combo at once:
-- the second waits for the first and then finds its row). The API writes one asset per statement;
-- two bulk writers adding the same new combos in opposite orders could deadlock, and the store
-- retries the transaction PostgreSQL aborts (postgres.ts, RETRYABLE).
create function content_assets_combo() returns trigger language plpgsql as $$
declare
  found_id int;
begin
  if tg_op = 'UPDATE'
     and (new.type, new.language, new.products, new.combo)
         is not distinct from (old.type, old.language, old.products, old.combo) then
    return new;
  end if;
  select c.id into found_id from content_combos c
   where (c.type, c.language, c.products) = (new.type, new.language, new.products);
  if found_id is null then
    insert into content_combos (type, language, products)
      values (new.type, new.language, new.products)
      on conflict do nothing
      returning id into found_id;
  end if;
  if found_id is null then
    select c.id into found_id from content_combos c
     where (c.type, c.language, c.products) = (new.type, new.language, new.products);
  end if;
  new.combo := found_id;
  return new;
end
$$;

create trigger content_assets_combo before insert or update on content_assets
  for each row execute function content_assets_combo();
