/** @module The templates of `<prm-deal-list>` around its rows: filters, counts and the states. */
import { html, nothing } from 'lit';
import type { TemplateResult } from 'lit';
import { formatDate, formatMoney, formatRelative } from '../../core/format.js';
import { DEAL_SORTS, DEAL_STAGES, DEAL_STATUSES } from '../../core/schema/index.js';
import type { DealSort, DealStats } from '../../core/schema/index.js';
import { skeletonRow } from './deal-list-row.js';
import type { MessageKey, MessageParams } from '../shared/i18n.js';
import type { DealFilters } from './deal-list-model.js';

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

type Translate = (key: MessageKey, params?: MessageParams) => string;

export interface FiltersContext {
  t: Translate;
  filters: DealFilters;
  sort: DealSort;
  /** The partner filter only means something to vendor roles (or when the host set it). */
  showPartner: boolean;
  /** Reviewers can narrow the queue to their own deals. */
  showAssignee: boolean;
  /** Vendor roles filter by region: the regions the review routing names, as suggestions. */
  regions: string[] | undefined;
  /** On a narrow screen, whether the folded filters are shown. */
  open: boolean;
  onToggle(): void;
  onChange(event: Event): void;
  onInput(event: Event): void;
}

const textFilter = (
  name: keyof DealFilters,
  label: string,
  value: string | undefined,
  list?: string,
) =>
  html`<label
    >${label}<input
      type=${name === 'q' ? 'search' : 'text'}
      name=${name}
      list=${list ?? nothing}
      .value=${value ?? ''}
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

/**
 * Search stays in view; the other filters fold behind one button when the list is narrow (a
 * container query in the styles), and sit in one row beside it when there is room.
 */
export function renderFilters(ctx: FiltersContext): TemplateResult {
  const { t, filters: f } = ctx;
  const active = [f.status, f.stage, f.customerDomain, f.partnerId, f.assignee, f.region].filter(
    Boolean,
  );
  return html`<div
    part="filters"
    role="group"
    aria-label=${t('dealList.filters')}
    @change=${ctx.onChange}
    @input=${ctx.onInput}
  >
    ${textFilter('q', t('dealList.search'), f.q)}
    <button
      type="button"
      class="filters-toggle"
      aria-expanded=${ctx.open ? 'true' : 'false'}
      aria-controls="more-filters"
      @click=${ctx.onToggle}
    >
      ${t('dealList.moreFilters')}${active.length ? html` <span class="count">${active.length}</span>` : nothing}
    </button>
    <div id="more-filters" class="more-filters" ?data-open=${ctx.open}>
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
      ${
        ctx.regions
          ? html`${textFilter('region', t('dealList.region'), f.region, 'regions')}<datalist
                id="regions"
              >
                ${ctx.regions.map((r) => html`<option value=${r}></option>`)}
              </datalist>`
          : nothing
      }
      ${
        ctx.showAssignee
          ? html`<label class="check"
              ><input type="checkbox" name="assignee" value="me" .checked=${f.assignee === 'me'} />
              ${t('dealList.assignedToMe')}</label
            >`
          : nothing
      }
      ${choiceFilter('sort', t('dealList.sort'), DEAL_SORTS, ctx.sort, (v) => t(`dealList.sort.${v}`))}
    </div>
  </div>`;
}

/** The review queue's counts (`GET /v1/deals/stats`), in a bar of fixed height. */
export function renderStats(t: Translate, stats: DealStats | undefined): TemplateResult {
  const n = (key: MessageKey, count: number | undefined) =>
    html`<span
      >${count === undefined ? html`<span class="bone stat"></span>` : t(key, { count })}</span
    >`;
  return html`<div part="stats" class="stats" aria-label=${t('dealList.stats')} role="group">
    ${n('dealList.stats.underReview', stats?.underReview)}
    <span data-overdue=${stats?.overdue ? 'true' : 'false'}
      >${n('dealList.stats.overdue', stats?.overdue)}</span
    >
    ${n('dealList.stats.dueToday', stats?.dueToday)}
    ${n('dealList.stats.assignedToMe', stats?.assignedToMe)}
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
