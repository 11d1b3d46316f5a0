/**
 * @module What a deal opens to in `<prm-deal-list>`: its decision in words, its facts (products,
 * contact, amount, close date, the partner and its tier), its protection, its conflict matches and
 * its history. The reviewer sees the same facts beside the approve and reject controls.
 */
import { html, nothing } from 'lit';
import type { TemplateResult } from 'lit';
import { formatDate, formatDateTime, formatMoney } from '../../core/format.js';
import type { AuditEntry, ConflictMatch, Deal } from '../../core/schema/index.js';
import type { MessageKey, MessageParams } from '../shared/i18n.js';
import type { Loaded } from './deal-list-model.js';

export interface DetailsContext {
  t(key: MessageKey, params?: MessageParams): string;
  locale: string;
  /** Vendor roles: the partner, its tier, the assignee and the other party of a match. */
  vendor: boolean;
  productName(id: string): string;
  history: ReadonlyMap<string, Loaded<AuditEntry[]>>;
  matched: ReadonlyMap<string, Loaded<Deal>>;
}

/** The decision in words, on the row itself: the localised reason and the reviewer's comment. */
export function renderDecision(
  deal: Deal,
  t: DetailsContext['t'],
): TemplateResult | typeof nothing {
  const decision = deal.decision;
  if (!decision || deal.status === 'under_review') return nothing;
  return html`<div class="decision" part="decision">
    <span class="reason">${t(`dealList.reason.${decision.reasonCode}`)}</span>
    ${
      decision.comment
        ? html`<q class="comment" aria-label=${t('dealList.reviewerComment')}
            >${decision.comment}</q
          >`
        : nothing
    }
  </div>`;
}

const fact = (label: string, value: unknown) =>
  value === undefined || value === null || value === ''
    ? nothing
    : html`<div>
        <dt>${label}</dt>
        <dd>${value}</dd>
      </div>`;

/** The facts a partner and a reviewer decide by. */
export function renderFacts(deal: Deal, ctx: DetailsContext): TemplateResult {
  const { t, locale } = ctx;
  const contact = [deal.contact.name, deal.contact.email, deal.contact.phone]
    .filter(Boolean)
    .join(' · ');
  const partner =
    ctx.vendor && deal.partnerName
      ? deal.partnerTier
        ? t('dealList.partnerWithTier', { name: deal.partnerName, tier: deal.partnerTier.name })
        : deal.partnerName
      : undefined;
  return html`<dl class="facts">
    ${fact(t('dealList.fact.customer'), `${deal.customer.name} (${deal.customer.domain})`)}
    ${fact(t('dealList.fact.products'), deal.products.map(ctx.productName).join(', '))}
    ${fact(t('dealList.fact.amount'), formatMoney(deal.amount, locale))}
    ${fact(t('dealList.fact.closeDate'), formatDate(deal.expectedCloseDate, locale))}
    ${fact(t('dealList.fact.contact'), contact)} ${fact(t('dealList.fact.partner'), partner)}
    ${fact(t('dealList.fact.submitted'), formatDate(deal.submittedAt, locale))}
    ${
      deal.protectedUntil
        ? fact(t('dealList.fact.protectedUntil'), formatDate(deal.protectedUntil, locale))
        : nothing
    }
    ${fact(t('dealList.fact.notes'), deal.notes)}
  </dl>`;
}

function renderMatch(match: ConflictMatch, ctx: DetailsContext): TemplateResult {
  const { t } = ctx;
  const similarity = Math.round(match.similarity * 100);
  const on = match.matchedOn.map((m) => t(`dealList.matchedOn.${m}`)).join(', ');
  const opened = match.dealId ? ctx.matched.get(match.dealId) : undefined;
  return html`<li>
    <span>${t(`dealList.match.${match.kind}`)}</span>
    ${match.customerName ? html`<span>${match.customerName}</span>` : nothing}
    <span class="muted">${t('dealList.matchSimilarity', { similarity, on })}</span>
    ${
      match.opportunityId
        ? html`<span class="muted"
            >${t('dealList.matchOpportunity', { id: match.opportunityId })}</span
          >`
        : nothing
    }
    ${
      match.dealId && ctx.vendor && !opened
        ? html`<button type="button" data-action="open-match" data-deal-id=${match.dealId}>
            ${t('dealList.openMatch')}
          </button>`
        : nothing
    }
    ${opened ? renderMatched(opened, ctx) : nothing}
  </li>`;
}

function renderMatched(loaded: Loaded<Deal>, ctx: DetailsContext): TemplateResult {
  const { t, locale } = ctx;
  if (loaded.state === 'loading') return html`<span class="muted">${t('common.loading')}</span>`;
  if (loaded.state === 'error') return html`<span class="row-error">${loaded.error}</span>`;
  const d = loaded.value;
  return html`<span class="matched">
    ${d.customer.name} · ${d.partnerName ?? ''} · ${t(`dealList.status.${d.status}`)} ·
    ${formatMoney(d.amount, locale)}
  </span>`;
}

export function renderConflicts(deal: Deal, ctx: DetailsContext): TemplateResult | typeof nothing {
  if (!deal.conflicts.matches.length) return nothing;
  return html`<section class="conflicts" aria-label=${ctx.t('dealList.conflicts')}>
    <h4>${ctx.t('dealList.conflicts')}</h4>
    <ul>
      ${deal.conflicts.matches.map((m) => renderMatch(m, ctx))}
    </ul>
  </section>`;
}

const ACTIONS = new Set([
  'deal.registered',
  'deal.approved',
  'deal.rejected',
  'deal.withdrawn',
  'deal.expired',
  'deal.updated',
  'deal.assigned',
]);

export function renderHistory(deal: Deal, ctx: DetailsContext): TemplateResult {
  const { t, locale } = ctx;
  const loaded = ctx.history.get(deal.id);
  let body: TemplateResult;
  if (!loaded || loaded.state === 'loading')
    body = html`<p class="muted">${t('common.loading')}</p>`;
  else if (loaded.state === 'error') body = html`<p class="row-error">${loaded.error}</p>`;
  else if (!loaded.value.length) body = html`<p class="muted">${t('dealList.historyEmpty')}</p>`;
  else
    body = html`<ol>
      ${loaded.value.map(
        (e) =>
          html`<li>
            <time datetime=${e.at}>${formatDateTime(e.at, locale)}</time>
            ${ACTIONS.has(e.action) ? t(`dealList.history.${e.action}` as MessageKey) : e.action}
          </li>`,
      )}
    </ol>`;
  return html`<section class="history" aria-label=${t('dealList.history')}>
    <h4>${t('dealList.history')}</h4>
    ${body}
  </section>`;
}

/** The deal opened in place. */
export function renderDetails(deal: Deal, ctx: DetailsContext): TemplateResult {
  return html`<div class="details" part="details">
    ${renderFacts(deal, ctx)} ${renderConflicts(deal, ctx)} ${renderHistory(deal, ctx)}
  </div>`;
}
