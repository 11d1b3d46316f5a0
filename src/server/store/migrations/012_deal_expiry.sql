-- Expiry becomes a stored status, so the conflict check's indexes hold the live deals only and not
-- the history. (This supersedes 010's note that `expired` is never stored; 010 is left as applied.)
--
-- The sweep (domain/deals-expiry.ts) writes `expired` over approved, open deals past
-- `protected_until`, each with its audit entry and event. Reads keep deriving it as well
-- (`EFFECTIVE_STATUS`), and the check keeps its `protected_until > now()` condition, so nothing
-- depends on when the sweep last ran: a stored `expired` is only a cache of what the deal already
-- reads as. Hence its shape: approved once, open, with a protection that ended. A CRM moving it to
-- won or lost takes it back to `approved`, as a derived expiry would.
alter table deals drop constraint deals_status_check;
alter table deals add constraint deals_status_check
  check (status in ('under_review', 'approved', 'rejected', 'withdrawn', 'expired'));
alter table deals add constraint deals_expired_shape
  check (status <> 'expired' or (stage = 'open' and protected_until is not null));

-- `deals_live_domain` and `deals_live_name` (010) are partial on the stored active states, under
-- review or approved and open, so a swept deal leaves them: their size now follows the live deals.

-- What the sweep looks for: one probe of this small index when there is nothing to do.
create index deals_protection_end on deals (protected_until)
  where status = 'approved' and stage = 'open';

-- No query reads it (the check filters products on the few rows the name and domain indexes
-- return, lists do not filter by product), and every registration paid to maintain it.
drop index deals_products;
