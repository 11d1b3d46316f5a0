-- The content library: assets, their files (stored in the database in chunks, so a download is
-- streamed and a file never has to fit in memory), downloads, searches and the search vocabulary.

-- Title weighs A, tags and product names B, description C. The 'simple' configuration (no
-- stemming, no stop words) because the library holds several languages; typos and plurals are
-- caught by the vocabulary's trigrams instead (see domain/content-search.ts).
create function content_search_vector(title text, tags text[], product_names text, description text)
returns tsvector language sql immutable parallel safe as $$
  select setweight(to_tsvector('simple'::regconfig, coalesce(title, '')), 'A')
      || setweight(to_tsvector('simple'::regconfig,
           coalesce(array_to_string(tags, ' '), '') || ' ' || coalesce(product_names, '')), 'B')
      || setweight(to_tsvector('simple'::regconfig, coalesce(description, '')), 'C')
$$;

create table content_assets (
  id text primary key,
  title text not null,
  description text not null default '',
  type text not null,
  products text[] not null default '{}',
  -- The products' names when the asset was written: searched with weight B.
  product_names text not null default '',
  language text not null,
  regions text[] not null default '{}',
  min_tier_rank int not null default 1,
  audiences text[] not null default '{}',
  co_brandable boolean not null default false,
  tags text[] not null default '{}',
  created_at timestamptz not null default date_trunc('milliseconds', now()),
  updated_at timestamptz not null default date_trunc('milliseconds', now()),
  review_due_at timestamptz not null,
  expires_at timestamptz,
  status text not null default 'active',
  search tsvector generated always as
    (content_search_vector(title, tags, product_names, description)) stored
);
create index content_assets_search on content_assets using gin (search);
create index content_assets_updated on content_assets (updated_at desc, id desc);
create index content_assets_products on content_assets using gin (products);

-- Every word the library has held: the typo fallback finds words near a query word here through
-- trigrams, then matches them in the full-text index. Words only grow; a word of an asset the
-- caller may not see can only widen a query, never show that asset.
create table content_lexemes (
  word text primary key
);
create index content_lexemes_trgm on content_lexemes using gin (word gin_trgm_ops);

create function content_lexemes_collect() returns trigger language plpgsql as $$
begin
  insert into content_lexemes (word)
    select distinct w from new_assets, unnest(tsvector_to_array(new_assets.search)) as w
    on conflict do nothing;
  return null;
end
$$;
create trigger content_lexemes_on_insert after insert on content_assets
  referencing new table as new_assets
  for each statement execute function content_lexemes_collect();
create trigger content_lexemes_on_update after update on content_assets
  referencing new table as new_assets
  for each statement execute function content_lexemes_collect();

-- One row per stored format; `file_id` names the chunks, so a replaced file is swapped in one
-- update while a download of the previous one finishes from its own chunks.
create table content_files (
  asset_id text not null references content_assets (id),
  format text not null,
  file_id text not null unique,
  size_bytes bigint not null,
  sha256 text not null,
  content_type text not null,
  created_at timestamptz not null default date_trunc('milliseconds', now()),
  primary key (asset_id, format)
);

create table content_file_chunks (
  file_id text not null,
  seq int not null,
  data bytea not null,
  primary key (file_id, seq)
);

create table content_downloads (
  asset_id text not null,
  format text not null,
  actor_id text not null,
  partner_id text,
  at timestamptz not null default date_trunc('milliseconds', now())
);
create index content_downloads_at on content_downloads (at, asset_id);

create table content_queries (
  q text not null,
  results int not null,
  actor_id text not null,
  partner_id text,
  at timestamptz not null default date_trunc('milliseconds', now())
);
create index content_queries_at on content_queries (at);

-- Content events go to every partner that may see the asset, not to one partner.
create index events_content on events (id) where resource_type = 'content';
