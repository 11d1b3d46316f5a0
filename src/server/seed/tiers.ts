/**
 * @module The demo's tier standing: exchange rates, and enough won deals (in the last months) for
 * each demo partner to hold the tier the demo gives it — except Solano Data Services, left short
 * of Silver so the demo shows a partner at risk, and Quillstack Software, left most of the way to
 * Gold. Then every partner is evaluated once, so the tier history starts with what that finds.
 */
import { customerKey } from '../domain/deals-matching.js';
import { evaluateAll } from '../domain/tiers-apply.js';
import { allMetrics, rateBook } from '../domain/tiers-metrics.js';
import type { Tx } from '../store/index.js';
import { demoPartners, demoTiers } from './demo.js';

const DAY = 86_400_000;
export const DEMO_RATES = [
  { currency: 'EUR', rate: '1.08' },
  { currency: 'GBP', rate: '1.27' },
];
/** Short of Silver: at risk until the end of the quarter. */
export const AT_RISK_PARTNER = 'prt_solano';
/** Most of the way to Gold. */
export const CLIMBING_PARTNER = 'prt_quillstack';

const CLOSERS = ['Renewal', 'Expansion', 'Rollout', 'Migration', 'Upgrade', 'Pilot'];

export async function seedTierStanding(tx: Tx, now: Date): Promise<void> {
  for (const r of DEMO_RATES) {
    await tx.query('insert into exchange_rates (currency, rate, updated_at) values ($1, $2, $3)', [
      r.currency,
      r.rate,
      now,
    ]);
  }
  const tiers = demoTiers();
  const metrics = await allMetrics(tx, now, await rateBook(tx));
  const rows: Array<Record<string, unknown>> = [];
  for (const p of demoPartners(now)) {
    if (p.id === AT_RISK_PARTNER) continue;
    const climbing = p.id === CLIMBING_PARTNER;
    const tier = tiers.find((t) => t.id === (climbing ? 'tier_gold' : p.tierId))!;
    const want = tier.requirements;
    const m = metrics.get(p.id)!;
    const share = climbing ? 0.8 : 1.15;
    const deals = Math.max(0, Math.ceil((want.wonDeals12m ?? 0) * share) - m.wonDeals12m);
    const revenue = Math.max(
      0,
      Math.round((want.revenue12m?.amount ?? 0) * share) - m.revenue12m.amount,
    );
    const n = Math.max(deals, revenue > 0 ? 1 : 0);
    for (let i = 0; i < n; i++) {
      const slug = p.id.slice(4);
      const name = `${p.name.split(' ')[0]} ${CLOSERS[i % CLOSERS.length]} ${i + 1} Ltd`;
      const domain = `${slug}-won-${i + 1}.example`;
      const key = customerKey(name, domain);
      const at = new Date(now.getTime() - (10 + ((i * 23) % 300)) * DAY).toISOString();
      rows.push({
        id: `deal_demo_${slug}_won_${i + 1}`,
        partner_id: p.id,
        status: 'approved',
        stage: 'won',
        customer_name: name,
        customer_name_norm: key.name,
        customer_domain: domain,
        customer_reg_domain: key.domain,
        customer_country: 'US',
        contact_name: 'Jordan Reyes',
        contact_email: `jordan@${domain}`,
        title: `${CLOSERS[i % CLOSERS.length]} for ${name.replace(/ Ltd$/, '')}`,
        products: ['lf-core'],
        amount: Math.ceil(revenue / n / 100) * 100,
        currency: 'USD',
        expected_close_date: at.slice(0, 10),
        submitted_by: `usr_${slug}_admin`,
        submitted_at: new Date(Date.parse(at) - 30 * DAY).toISOString(),
        decision: {
          by: 'usr_lf_admin',
          decision: 'approve',
          reasonCode: 'approved_manual',
          at: new Date(Date.parse(at) - 29 * DAY).toISOString(),
        },
        protected_until: new Date(Date.parse(at) + 61 * DAY).toISOString(),
        external_id: `CRM-OPP-${slug.toUpperCase()}-${i + 1}`,
        conflicts: { verdict: 'clear', matches: [] },
        updated_at: at,
        won_at: at,
      });
    }
  }
  if (rows.length > 0) {
    await tx.query(
      `insert into deals select * from jsonb_populate_recordset(null::deals, $1::jsonb)`,
      [JSON.stringify(rows)],
    );
  }
  await evaluateAll(tx, now, 'seed');
}
