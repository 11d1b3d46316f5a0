/**
 * @module The demo's review routing: the channel team splits the reviews by region (and takes
 * referral partners wherever they are); APAC resellers and integrators and LATAM service
 * providers match no rule and, with no fallback, wait unassigned — so the demo shows both.
 */
import type { ReviewRouting } from '../../core/schema/index.js';
import { routeReview } from '../domain/deals-routing.js';
import type { Tx } from '../store/index.js';
import { DEMO_IDS, demoUsers } from './demo.js';

export function demoReviewRouting(): ReviewRouting {
  const staff = new Map(demoUsers().map((u) => [u.id, u]));
  const reviewer = (id: string) => {
    const u = staff.get(id)!;
    return { id: u.id, name: u.name, email: u.email };
  };
  const cm1 = reviewer(DEMO_IDS.users.channelManager);
  const cm2 = reviewer('usr_lf_cm_2');
  return {
    rules: [
      { region: 'North America', assignee: cm1 },
      { region: 'EMEA', assignee: cm2 },
      { partnerType: 'referral', assignee: cm1 },
      { region: 'APAC', partnerType: 'msp', assignee: cm2 },
    ],
    fallback: null,
  };
}

/** Stores the routing and assigns the seeded deals under review as registration would have. */
export async function seedReviewRouting(tx: Tx): Promise<number> {
  const routing = demoReviewRouting();
  await tx.query(`update review_routing set rules = $1::jsonb, fallback = $2::jsonb where id = 1`, [
    JSON.stringify(routing.rules),
    routing.fallback ? JSON.stringify(routing.fallback) : null,
  ]);
  const { rows } = await tx.query<{ id: string; region: string; type: string }>(
    `select d.id, p.region, p.type from deals d join partners p on p.id = d.partner_id
      where d.status = 'under_review'`,
  );
  const assigned = rows.flatMap((r) => {
    const who = routeReview(routing, r);
    return who ? [{ id: r.id, assignee_id: who.id, name: who.name, email: who.email }] : [];
  });
  await tx.query(
    `update deals d set assignee_id = a.assignee_id, assignee_name = a.name,
            assignee_email = a.email
       from jsonb_to_recordset($1::jsonb) as a(id text, assignee_id text, name text, email text)
      where d.id = a.id`,
    [JSON.stringify(assigned)],
  );
  return assigned.length;
}
