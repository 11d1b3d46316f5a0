/** @module The templates of `<prm-deal-list>`: filters, rows, inline decisions and the states. */
import { html, nothing } from 'lit';
import type { TemplateResult } from 'lit';
import { formatDate, formatMoney, formatRelative } from '../../core/format.js';
import { DEAL_SORTS, DEAL_STAGES, DEAL_STATUSES } from '../../core/schema/index.js';
import type { Deal, DealSort } from '../../core/schema/index.js';
import type { MessageKey, MessageParams } from '../shared/i18n.js';
import { REJECT_REASONS, draftFor } from './deal-list-model.js';
import type { DealFilters, Draft } from './deal-list-model.js';

const warm = new Set<string>();
/**
 * A page's first Intl formatter loads its locale's data, which takes tens of milliseconds: done
 * while the first page is on the wire, it does not stand between the data and the first rows.
 */
export function warmUpFormats(locale: string): void {
  if (warm.has(locale)) return;
  warm.add(locale);
  formatMoney({ amount: 0, currency: 'USD' }, locale);
  formatRelative(new Date(Date.now() + 3_600_000), locale);
  formatDate('2000-01-01', locale);
  (0).toLocaleString(locale);
}

// A scroll renders the same deals again and again: their amounts are formatted once per locale.
const amounts = new WeakMap<Deal, { locale: string; text: string }>();
function amount(deal: Deal, locale: string): string {
  const hit = amounts.get(deal);
  if (hit?.locale === locale) return hit.text;
  const text = formatMoney(deal.amount, locale);
  amounts.set(deal, { locale, text });
  return text;
}

export interface RowContext {
  t(key: MessageKey, params?: MessageParams): string;
  locale: string;
  now: number;
  showPartner: boolean;
  canDecide: boolean;
  /** `aria-setsize`: -1 while more pages may follow. */
  setSize: number;
}

export interface RowState {
  index: number;
  /** The row's offset from the top of the list, in pixels. */
  top: number;
  active: boolean;
  pending: boolean;
  reviewing: boolean;
  draft: Draft | undefined;
  error: string | undefined;
}

function sla(deal: Deal, ctx: RowContext): TemplateResult | typeof nothing {
  if (deal.status !== 'under_review' || !deal.reviewDueAt) return nothing;
  const overdue = Date.parse(deal.reviewDueAt) < ctx.now;
  const relative = formatRelative(deal.reviewDueAt, ctx.locale, ctx.now);
  return html`<span part="badge badge-sla" class="sla" ?data-overdue=${overdue}
    >${ctx.t(overdue ? 'dealList.overdue' : 'dealList.due', { relative })}</span
  >`;
}

function decision(deal: Deal, ctx: RowContext, state: RowState): TemplateResult {
  const draft = state.draft ?? draftFor(deal);
  const tab = state.active ? 0 : -1;
  return html`<div
    class="decide"
    role="group"
    aria-label=${ctx.t('dealList.reviewDeal', { customer: deal.customer.name })}
  >
    <label
      >${ctx.t('dealList.reason')}
      <select data-field="reasonCode" tabindex=${tab}>
        ${REJECT_REASONS.map(
          (code) =>
            html`<option value=${code} ?selected=${code === draft.reasonCode}>
              ${ctx.t(`dealList.reason.${code}`)}
            </option>`,
        )}
      </select>
    </label>
    <label
      >${ctx.t('dealList.comment')}
      <input data-field="comment" maxlength="2000" tabindex=${tab} .value=${draft.comment} />
    </label>
    <button type="button" class="primary" data-action="approve" tabindex=${tab}>
      ${ctx.t('dealList.approve')}
    </button>
    <button type="button" class="danger" data-action="reject" tabindex=${tab}>
      ${ctx.t('dealList.reject')}
    </button>
    <button type="button" data-action="cancel" tabindex=${tab}>${ctx.t('dealList.cancel')}</button>
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
  return html`<div
    role="listitem"
    part="row"
    class="row"
    tabindex=${tab}
    data-index=${state.index}
    data-id=${deal.id}
    aria-posinset=${state.index + 1}
    aria-setsize=${ctx.setSize}
    aria-busy=${state.pending ? 'true' : 'false'}
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
      ${sla(deal, ctx)}
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
    ${reviewable && state.reviewing ? decision(deal, ctx, state) : nothing}
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

type Translate = RowContext['t'];

export interface FiltersContext {
  t: Translate;
  filters: DealFilters;
  sort: DealSort;
  /** The partner filter only means something to vendor roles (or when the host set it). */
  showPartner: boolean;
  onChange(event: Event): void;
  onInput(event: Event): void;
}

const textFilter = (name: keyof DealFilters, label: string, value: string | undefined) =>
  html`<label
    >${label}<input type=${name === 'q' ? 'search' : 'text'} name=${name} .value=${value ?? ''}
  /></label>`;

// `?selected` on the options rather than `.value` on the select: the options render after the
// select's own bindings, so a `.value` set first would find no option to select.
function choiceFilter<T extends string>(
  name: string,
  label: string,
  values: readonly T[],
  current: T | undefined,
  text: (value: T) => string,
  any?: string,
): TemplateResult {
  return html`<label
    >${label}<select name=${name}>
      ${any === undefined ? nothing : html`<option value="" ?selected=${!current}>${any}</option>`}
      ${values.map((v) => html`<option value=${v} ?selected=${v === current}>${text(v)}</option>`)}
    </select></label
  >`;
}

export function renderFilters(ctx: FiltersContext): TemplateResult {
  const { t, filters: f } = ctx;
  return html`<div
    part="filters"
    role="search"
    aria-label=${t('dealList.filters')}
    @change=${ctx.onChange}
    @input=${ctx.onInput}
  >
    ${textFilter('q', t('dealList.search'), f.q)}
    ${choiceFilter(
      'status',
      t('dealList.status'),
      DEAL_STATUSES,
      f.status,
      (v) => t(`dealList.status.${v}`),
      t('dealList.status.any'),
    )}
    ${choiceFilter(
      'stage',
      t('dealList.stage'),
      DEAL_STAGES,
      f.stage,
      (v) => t(`dealList.stage.${v}`),
      t('dealList.stage.any'),
    )}
    ${textFilter('customerDomain', t('dealList.customerDomain'), f.customerDomain)}
    ${ctx.showPartner ? textFilter('partnerId', t('dealList.partnerId'), f.partnerId) : nothing}
    ${choiceFilter('sort', t('dealList.sort'), DEAL_SORTS, ctx.sort, (v) => t(`dealList.sort.${v}`))}
  </div>`;
}

/** Rows of the known layout while the first page loads, and the word for screen readers. */
export const renderSkeleton = (t: Translate): TemplateResult =>
  html`<div class="skeleton" aria-hidden="true">${[0, 1, 2, 3, 4, 5].map(skeletonRow)}</div>
    <span class="visually-hidden" role="status">${t('common.loading')}</span>`;

export const renderError = (t: Translate, detail: string, retry: () => void): TemplateResult =>
  html`<div part="error" role="alert">
    <p>${t('dealList.error')}</p>
    <p>${detail}</p>
    <button type="button" @click=${retry}>${t('common.retry')}</button>
  </div>`;

export interface EmptyContext {
  t: Translate;
  filtered: boolean;
  /** Partner roles may register deals; vendor roles may not. */
  canRegister: boolean;
  onClear(): void;
  onRegister(): void;
}

export const renderEmpty = (ctx: EmptyContext): TemplateResult =>
  html`<div part="empty">
    <slot name="empty">
      <p>${ctx.t(ctx.filtered ? 'dealList.emptyFiltered' : 'dealList.empty')}</p>
      ${
        ctx.filtered
          ? html`<button type="button" @click=${ctx.onClear}>
              ${ctx.t('dealList.clearFilters')}
            </button>`
          : nothing
      }
      ${
        ctx.canRegister
          ? html`<button type="button" class="primary" @click=${ctx.onRegister}>
              ${ctx.t('dealList.register')}
            </button>`
          : nothing
      }
    </slot>
  </div>`;
