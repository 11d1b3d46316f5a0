/**
 * @module What `<prm-deal-registration>` says about a conflict check and about a registered deal:
 * plain sentences from the catalogue, never another partner's name, and API data only as text.
 */
import { html, nothing } from 'lit';
import type { TemplateResult } from 'lit';
import { SAME_CUSTOMER_SIMILARITY } from '../../core/schema/deal.js';
import type { ConflictReport, Deal } from '../../core/schema/deal.js';
import { formatDate, formatDateTime, formatMoney, formatRelative } from '../../core/format.js';
import type { MessageKey, MessageParams } from '../shared/i18n.js';
import type { CheckState } from './live-check.js';
import type { Failure } from './submission.js';

type T = (key: MessageKey, params?: MessageParams) => string;

export interface Warning {
  tone: 'danger' | 'warning';
  badge: MessageKey;
  text: string;
  /** One's own earlier registration, which may be opened. */
  dealId?: string;
}

/** The warnings a conflict report gives before submitting: one per kind of match. */
export function warningsOf(report: ConflictReport, t: T): Warning[] {
  const out: Warning[] = [];
  const seen = new Set<string>();
  for (const match of report.matches) {
    if (seen.has(match.kind)) continue;
    seen.add(match.kind);
    const exact =
      match.matchedOn.includes('domain') || match.similarity >= SAME_CUSTOMER_SIMILARITY;
    if (match.kind === 'own_duplicate') {
      out.push({
        tone: 'danger',
        badge: 'dealRegistration.badge.duplicate',
        text: match.customerName
          ? t('dealRegistration.check.own', { name: match.customerName })
          : t('dealRegistration.check.ownUnnamed'),
        ...(match.dealId ? { dealId: match.dealId } : {}),
      });
    } else if (match.kind === 'other_partner') {
      const blocked = report.verdict === 'blocked';
      out.push({
        tone: blocked ? 'danger' : 'warning',
        badge: blocked
          ? 'dealRegistration.badge.conflict'
          : 'dealRegistration.badge.possibleDuplicate',
        text: t(
          blocked
            ? 'dealRegistration.check.blocked'
            : exact
              ? 'dealRegistration.check.otherReview'
              : 'dealRegistration.check.possible',
        ),
      });
    } else {
      out.push({
        tone: 'warning',
        badge: 'dealRegistration.badge.direct',
        text: t('dealRegistration.check.direct'),
      });
    }
  }
  // Blocking news first: it changes what submitting will do.
  return out.sort((a, b) => (a.tone === b.tone ? 0 : a.tone === 'danger' ? -1 : 1));
}

/** The sentence that says what happened to a registered deal, dates in the locale and relative. */
export function outcomeText(deal: Deal, locale: string, t: T, now = Date.now()): string {
  switch (deal.status) {
    case 'approved':
      return deal.protectedUntil
        ? t('dealRegistration.outcome.approved', {
            date: formatDate(deal.protectedUntil, locale),
            relative: formatRelative(deal.protectedUntil, locale, now),
          })
        : t('dealRegistration.outcome.other');
    case 'under_review':
      return deal.reviewDueAt
        ? t('dealRegistration.outcome.underReview', {
            date: formatDateTime(deal.reviewDueAt, locale),
            relative: formatRelative(deal.reviewDueAt, locale, now),
          })
        : t('dealRegistration.outcome.underReviewNoDue');
    case 'rejected':
      return t('dealRegistration.outcome.rejected');
    default:
      return t('dealRegistration.outcome.other');
  }
}

/** The outcome panel: status badge, what it means, why (per reason code), and the deal in brief. */
export function outcomeView(
  deal: Deal,
  locale: string,
  t: T,
  productName: (id: string) => string,
): TemplateResult {
  const reason = deal.decision?.reasonCode;
  const explainReason = reason && (deal.status === 'rejected' || reason === 'approved_auto');
  return html`
    <h2 id="outcome-title">
      <span part="badge" class="badge ${deal.status}">
        ${t(`dealRegistration.status.${deal.status}` as MessageKey)}
      </span>
      <span>${deal.title}</span>
    </h2>
    <p class="outcome-text">${outcomeText(deal, locale, t)}</p>
    ${
      explainReason
        ? html`<p class="reason">${t(`dealRegistration.reason.${reason}` as MessageKey)}</p>`
        : nothing
    }
    ${
      deal.decision?.comment
        ? html`<p class="comment">
            ${t('dealRegistration.comment', { comment: deal.decision.comment })}
          </p>`
        : nothing
    }
    <dl>
      <dt>${t('dealRegistration.customer')}</dt>
      <dd>${deal.customer.name} (${deal.customer.domain})</dd>
      <dt>${t('dealRegistration.products')}</dt>
      <dd>${deal.products.map(productName).join(', ')}</dd>
      <dt>${t('dealRegistration.amount')}</dt>
      <dd>${formatMoney(deal.amount, locale)}</dd>
      <dt>${t('dealRegistration.expectedCloseDate')}</dt>
      <dd>${formatDate(deal.expectedCloseDate, locale)}</dd>
    </dl>
  `;
}

/** The notice of a failed submit. */
export function failureText(failure: Failure | undefined, t: T): string {
  switch (failure?.kind) {
    case 'signIn':
      return `${t('dealRegistration.signIn')} ${t('dealRegistration.draftKept')}`;
    case 'network':
      return t('dealRegistration.networkError');
    case 'duplicate':
      return t('dealRegistration.duplicate');
    case 'keyReused':
      return t('dealRegistration.keyReused');
    case 'fields':
      return t('dealRegistration.otherErrors', {
        fields: failure.unplaced.map((e) => `${e.path}: ${e.message}`).join('; '),
      });
    default:
      return t('dealRegistration.serverError');
  }
}

type Open = (dealId: string) => TemplateResult;

export function failureView(failure: Failure, t: T, open: Open): TemplateResult {
  const tone = failure.kind === 'keyReused' ? 'warning' : 'danger';
  return html`<div part="status" class="notice failure ${tone}">
    <p>${failureText(failure, t)}</p>
    ${
      failure.kind === 'duplicate' && failure.existingDealId
        ? open(failure.existingDealId)
        : nothing
    }
  </div>`;
}

/**
 * What a clear check may claim: the server matched on the products chosen, so a clear answer
 * speaks of those products; with none chosen yet it matched on every product, so of the customer.
 */
export function clearText(state: CheckState, t: T): string {
  const products = state.kind === 'done' && !!state.input.products?.length;
  return t(products ? 'dealRegistration.check.clearProducts' : 'dealRegistration.check.clear');
}

/** Under the customer fields: checking, clear, or one notice per kind of match. */
export function checkView(state: CheckState, t: T, open: Open): TemplateResult | typeof nothing {
  if (state.kind === 'checking') {
    return html`<p class="muted check">${t('dealRegistration.check.checking')}</p>`;
  }
  if (state.kind !== 'done') return nothing;
  const warnings = warningsOf(state.report, t);
  if (!warnings.length) return html`<p class="muted check">${clearText(state, t)}</p>`;
  return html`${warnings.map(
    (w) =>
      html`<div part="status" class="notice check ${w.tone}">
        <span part="badge" class="badge">${t(w.badge)}</span>
        <p>${w.text}</p>
        ${w.dealId ? open(w.dealId) : nothing}
      </div>`,
  )}`;
}

export function discardConfirm(t: T, answer: (confirmed: boolean) => void): TemplateResult {
  return html`<div
    part="status"
    class="notice warning confirm"
    role="group"
    aria-labelledby="discard-q"
  >
    <p id="discard-q">${t('dealRegistration.discardConfirm')}</p>
    <button type="button" @click=${() => answer(true)}>${t('dealRegistration.discardYes')}</button>
    <button type="button" @click=${() => answer(false)}>${t('dealRegistration.discardNo')}</button>
  </div>`;
}

/** The form's shape while the program loads: the layout is known, so no spinner. */
export function skeleton(t: T): TemplateResult {
  return html`<div part="form" class="panel skeleton" aria-busy="true">
    <span class="visually-hidden">${t('common.loading')}</span>
    ${[1, 2, 3, 4, 5, 6].map(
      () =>
        html`<div class="bar short"></div>
          <div class="bar"></div>`,
    )}
  </div>`;
}

export function loadErrorView(signIn: boolean, t: T, retry: () => void): TemplateResult {
  return html`<div part="form" class="panel load-error">
    <p part=${signIn ? 'status' : 'error'} class=${signIn ? 'notice' : 'error'} role="alert">
      ${t(signIn ? 'dealRegistration.signIn' : 'dealRegistration.loadError')}
    </p>
    <div class="actions">
      <button type="button" @click=${retry}>${t('common.retry')}</button>
    </div>
  </div>`;
}
