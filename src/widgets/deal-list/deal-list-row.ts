/** @module One row of `<prm-deal-list>`: the deal, its decision, the review panel, the details. */
import { html, nothing } from 'lit';
import type { TemplateResult } from 'lit';
import { formatDate, formatMoney, formatRelative } from '../../core/format.js';
import type { Deal, ReviewerInput } from '../../core/schema/index.js';
import type { MessageKey } from '../shared/i18n.js';
import type { RowData, Translate } from './deal-list-model.js';
import {
  renderConflicts,
  renderDecision,
  renderDetails,
  renderFacts,
} from './deal-list-details.js';
import type { DetailsContext } from './deal-list-details.js';
import { REJECT_REASONS, draftFor, suggestedReason } from './deal-list-model.js';

// A scroll renders the same deals again and again: their amounts are formatted once per locale.
const amounts = new WeakMap<Deal, { locale: string; text: string }>();
function amount(deal: Deal, locale: string): string {
  const hit = amounts.get(deal);
  if (hit?.locale === locale) return hit.text;
  const text = formatMoney(deal.amount, locale);
  amounts.set(deal, { locale, text });
  return text;
}

/** `t` remembering the labels asked for without parameters: rows ask for the same few over and over. */
export function rememberingLabels(t: Translate): Translate {
  const labels = new Map<MessageKey, string>();
  return (key, params) => {
    if (params) return t(key, params);
    let label = labels.get(key);
    if (label === undefined) labels.set(key, (label = t(key)));
    return label;
  };
}

export interface RowContext extends DetailsContext {
  now: number;
  showPartner: boolean;
  canDecide: boolean;
  /** Who a review can be handed to (reviewers only). */
  reviewers: readonly ReviewerInput[];
  /** `aria-setsize`: -1 while more pages may follow. */
  setSize: number;
}

export interface RowState extends RowData {
  index: number;
  /** The row's offset from the top of the list, in pixels. */
  top: number;
  active: boolean;
}

/** Under review past its due time: the server says so (`overdue`), or the clock does. */
export const isOverdue = (deal: Deal, now: number): boolean =>
  deal.status === 'under_review' &&
  (deal.overdue ?? (!!deal.reviewDueAt && Date.parse(deal.reviewDueAt) < now));

function sla(deal: Deal, ctx: RowContext): TemplateResult | typeof nothing {
  if (deal.status !== 'under_review' || !deal.reviewDueAt) return nothing;
  const overdue = isOverdue(deal, ctx.now);
  const relative = formatRelative(deal.reviewDueAt, ctx.locale, ctx.now);
  return html`<span part="badge badge-sla" class="sla" ?data-overdue=${overdue}
    >${ctx.t(overdue ? 'dealList.overdue' : 'dealList.due', { relative })}</span
  >`;
}

function assignee(deal: Deal, ctx: RowContext): TemplateResult | typeof nothing {
  if (!ctx.showPartner || deal.status !== 'under_review' || deal.assignee === undefined)
    return nothing;
  return html`<span class="muted assignee"
    >${
      deal.assignee
        ? ctx.t('dealList.assignee', { name: deal.assignee.name })
        : ctx.t('dealList.unassigned')
    }</span
  >`;
}

function reassign(deal: Deal, ctx: RowContext, tab: number): TemplateResult | typeof nothing {
  if (!ctx.reviewers.length) return nothing;
  const current = deal.assignee?.id;
  return html`<div class="assign">
    <label
      >${ctx.t('dealList.assignTo')}
      <select data-field="assignee" tabindex=${tab}>
        ${ctx.reviewers.map(
          (r) => html`<option value=${r.id} ?selected=${r.id === current}>${r.name}</option>`,
        )}
      </select>
    </label>
    <button type="button" data-action="assign" tabindex=${tab}>${ctx.t('dealList.assign')}</button>
  </div>`;
}

/** The review panel: the facts, the conflicts, reassignment, and approve or reject. */
function review(deal: Deal, ctx: RowContext, state: RowState): TemplateResult {
  const { t } = ctx;
  const draft = state.draft ?? draftFor(deal);
  const tab = state.active ? 0 : -1;
  const suggested = suggestedReason(deal);
  const errorId = `reason-error-${deal.id}`;
  return html`<div
    class="decide"
    role="group"
    aria-label=${t('dealList.reviewDeal', { customer: deal.customer.name })}
  >
    ${renderFacts(deal, ctx)} ${renderConflicts(deal, ctx)} ${reassign(deal, ctx, tab)}
    <div class="controls">
      <label
        >${t('dealList.comment')}
        <input data-field="comment" maxlength="2000" tabindex=${tab} .value=${draft.comment} />
      </label>
      <button type="button" class="primary" data-action="approve" tabindex=${tab}>
        ${t('dealList.approve')}
      </button>
      <label
        >${t('dealList.reason')}
        <select
          data-field="reasonCode"
          tabindex=${tab}
          aria-invalid=${state.reasonError ? 'true' : 'false'}
          aria-describedby=${state.reasonError ? errorId : nothing}
        >
          <option value="" ?selected=${!draft.reasonCode}>${t('dealList.reasonChoose')}</option>
          ${REJECT_REASONS.map(
            (code) =>
              html`<option value=${code} ?selected=${code === draft.reasonCode}>
                ${t(`dealList.reason.${code}`)}${
                  code === suggested ? ` ${t('dealList.reasonSuggested')}` : ''
                }
              </option>`,
          )}
        </select>
        ${
          state.reasonError
            ? html`<span class="field-error" id=${errorId}>${state.reasonError}</span>`
            : nothing
        }
      </label>
      <button type="button" class="danger" data-action="reject" tabindex=${tab}>
        ${t('dealList.reject')}
      </button>
      <button type="button" data-action="cancel" tabindex=${tab}>${t('dealList.cancel')}</button>
    </div>
  </div>`;
}

/**
 * One deal. Only the active row is in the tab order (its controls too), so Tab leaves the list
 * in one step and the arrow keys move between rows. API data goes in as text only. The offset is
 * set through the CSSOM (`.style`), not a `style` attribute, which a strict CSP would block.
 */
export function renderRow(deal: Deal, ctx: RowContext, state: RowState): TemplateResult {
  const { t, locale } = ctx;
  const tab = state.active ? 0 : -1;
  const verdict = deal.conflicts.verdict;
  const reviewable = ctx.canDecide && deal.status === 'under_review' && !state.pending;
  const overdue = isOverdue(deal, ctx.now);
  return html`<div
    role="listitem"
    part=${overdue ? 'row row-overdue' : 'row'}
    class="row"
    tabindex=${tab}
    data-index=${state.index}
    data-id=${deal.id}
    ?data-overdue=${overdue}
    aria-posinset=${state.index + 1}
    aria-setsize=${ctx.setSize}
    aria-busy=${state.pending ? 'true' : 'false'}
    aria-expanded=${state.open ? 'true' : 'false'}
    .style=${`transform:translateY(${state.top}px)`}
  >
    <div class="who">
      <span class="customer">${deal.customer.name}</span>
      <span class="title">${deal.title}</span>
      ${
        ctx.showPartner && deal.partnerName
          ? html`<span class="partner">${t('dealList.partner', { name: deal.partnerName })}</span>`
          : nothing
      }
    </div>
    <span class="amount">${amount(deal, locale)}</span>
    <div class="badges">
      <span part="badge badge-status" data-status=${deal.status}
        >${t(`dealList.status.${deal.status}`)}</span
      >
      ${
        verdict === 'clear'
          ? nothing
          : html`<span part="badge badge-conflict" data-verdict=${verdict}
              >${t(`dealList.conflict.${verdict}`)}</span
            >`
      }
      ${sla(deal, ctx)} ${assignee(deal, ctx)}
      ${
        deal.status === 'approved' && deal.protectedUntil
          ? html`<span class="muted protection"
              >${t('dealList.protectedUntil', { date: formatDate(deal.protectedUntil, locale) })}</span
            >`
          : nothing
      }
      ${state.pending ? html`<span class="muted">${t('dealList.saving')}</span>` : nothing}
    </div>
    <div class="actions">
      ${
        reviewable
          ? html`<button
              type="button"
              data-action="review"
              tabindex=${tab}
              aria-expanded=${state.reviewing ? 'true' : 'false'}
              aria-label=${t('dealList.reviewDeal', { customer: deal.customer.name })}
            >
              ${t('dealList.review')}
            </button>`
          : nothing
      }
    </div>
    ${renderDecision(deal, t)} ${reviewable && state.reviewing ? review(deal, ctx, state) : nothing}
    ${state.open && !(reviewable && state.reviewing) ? renderDetails(deal, ctx) : nothing}
    ${state.error ? html`<p class="row-error">${state.error}</p>` : nothing}
  </div>`;
}

/** A row of the known layout, for the loading state. */
export const skeletonRow = (): TemplateResult =>
  html`<div part="row" class="row">
    <div class="who">
      <span class="bone short"></span>
      <span class="bone long"></span>
    </div>
    <span class="bone money"></span>
    <div class="badges"><span class="bone badge"></span></div>
  </div>`;
