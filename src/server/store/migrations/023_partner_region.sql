-- `GET /v1/deals?region=` (and the stats): the partners of a region, compared without case as
-- review routing compares them; their deals are then read by `partner_id` (`deals_partner_submitted`).
create index partners_region on partners (lower(region), id);
