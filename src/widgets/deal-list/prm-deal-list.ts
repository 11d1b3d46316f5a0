import { html, nothing } from 'lit';
import type { CSSResultGroup, PropertyValues, TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import { Task, TaskStatus, initialState } from '@lit/task';
import type {
  Deal,
  DealSort,
  DealStage,
  DealStatus,
  ReviewerInput,
} from '../../core/schema/index.js';
import { registerMessages } from '../shared/i18n.js';
import { LiveEventsController } from '../shared/live-events.js';
import { PrmElement } from '../shared/prm-element.js';
import { StatusController } from '../shared/status.js';
import {
  asSort,
  sameArgs,
  asStage,
  asStatus,
  canDecide,
  describeError,
  filtersOf,
  isVendorRole,
} from './deal-list-model.js';
import {
  ClockController,
  FilterInputsController,
  RowsController,
} from './deal-list-controllers.js';
import { DealListData } from './deal-list-data.js';
import { DeskReference } from './deal-list-desk.js';
import type { DealFilters } from './deal-list-model.js';
import { rememberingLabels, renderRow } from './deal-list-row.js';
import type { RowContext } from './deal-list-row.js';
import {
  renderEmpty,
  renderError,
  renderFilters,
  renderSkeleton,
  renderStats,
  warmUpFormats,
} from './deal-list-view.js';
import { RowWindow } from './deal-list-window.js';
import * as messages from './prm-deal-list.messages.js';
import { styles } from './prm-deal-list.styles.js';

// Here, not in an import-only module: bundlers keep this module's top level, as its class is used.
registerMessages(messages);

/** Rows before the end at which the next page is asked for. */
const PREFETCH_ROWS = 25;
/** How often the SLA countdowns are brought up to date. */
const TICK_MS = 30_000;
/** Typing in a text filter waits this long for a pause before it asks the server. */
const TYPING_MS = 300;

/**
 * @summary A partner's deal pipeline, or the channel team's review queue: filters, sort, paging
 * that stays smooth with ten thousand deals, a review panel with the facts, and live updates.
 *
 * The filters are attributes (the initial or host-controlled values) and controls (the user's
 * changes set the same properties); on a narrow screen all but search fold behind one button.
 * Only the visible rows are in the DOM. A deal opens in place to its facts, protection, conflicts
 * and history; a decided deal shows its reason and the reviewer's comment. Vendor roles also see
 * each deal's partner and reviewer, and the queue's counts; channel managers and program admins
 * review, reassign and decide deals under review. Every open list follows the event stream: new
 * deals that match appear, changed deals update or leave, and decisions are announced.
 *
 * @slot empty - Replaces the empty state (its message and its buttons).
 *
 * @event {CustomEvent<Deal>} prm-deal-select - A deal was chosen (click, Enter or Space on its row); `detail` is the deal. The row also opens to its details.
 * @event {CustomEvent<Deal>} prm-deal-decide - The server accepted a decision made in this list; `detail` is the updated deal.
 * @event {CustomEvent<Deal>} prm-deal-decided - A decision made elsewhere (by the channel team) arrived live for a deal in this list; `detail` is the decided deal, with its `decision`.
 * @event {CustomEvent<{ customerDomain: string | undefined }>} prm-deal-register-request - The user asked to register a deal from the empty state (partner
 * roles); `detail.customerDomain` is the domain filter, if any, to prefill the form with.
 *
 * @csspart filters - The filter and sort controls.
 * @csspart stats - The review queue's counts (vendor roles).
 * @csspart row - One deal; also `row-overdue` when its review is overdue.
 * @csspart decision - A decided deal's reason and the reviewer's comment.
 * @csspart details - What a deal opens to: facts, conflicts and history.
 * @csspart badge - Every badge; also `badge-status`, `badge-conflict` and `badge-sla`.
 * @csspart empty - The empty state.
 * @csspart error - The error state, with its retry button.
 *
 * @cssproperty [--prm-deal-list-height=32rem] - The element's height; the rows scroll inside it.
 * @cssproperty [--prm-accent=#0b5cab] - Primary buttons and the focus ring.
 * @cssproperty [--prm-surface=#ffffff] - Row background.
 * @cssproperty [--prm-surface-raised=#f3f3f3] - Filter bar, hovered rows and the skeleton.
 * @cssproperty [--prm-border=#c9c9c9] - Row separators and control borders.
 * @cssproperty [--prm-danger=#ba0517] - Rejected, overdue and blocked badges; errors.
 * @cssproperty [--prm-warning=#8c4b02] - Under review and possible-conflict badges.
 * @cssproperty [--prm-success=#2e844a] - Approved badges.
 *
 * @cssstate loading - The first page is loading.
 * @cssstate empty - No deal matches.
 * @cssstate error - The deals could not be loaded.
 */
export class PrmDealList extends PrmElement {
  static override styles: CSSResultGroup = styles;

  // ---------------------------------------------------------------- public API

  /** Only deals in this status: `under_review`, `approved`, `rejected`, `withdrawn`, `expired`. */
  @property() status?: DealStatus;
  /** Only deals in this stage: `open`, `won`, `lost`. */
  @property() stage?: DealStage;
  /** Only deals for this customer (matched on the registrable domain). */
  @property({ attribute: 'customer-domain' }) customerDomain?: string;
  /** Only this partner's deals (vendor roles). */
  @property({ attribute: 'partner-id' }) partnerId?: string;
  /** Only deals whose review is assigned to this user: `me` or a user id (vendor roles). */
  @property() assignee?: string;
  /** Only deals of partners in this region, compared without case (vendor roles). */
  @property() region?: string;
  /** Free text searched in the customer's name and the deal's title. */
  @property() q?: string;
  /** `-submittedAt` (newest first, the default), `reviewDueAt` or `-amount`. */
  @property() sort: DealSort = '-submittedAt';
  /** Deals per request (1–200). */
  @property({ type: Number, attribute: 'page-size' }) pageSize = 50;

  /** The deals loaded so far, in list order, with decisions and live updates applied. */
  get deals(): readonly Deal[] {
    return this.#data.deals;
  }

  /** Loads the list again from the first page, with the current filters. */
  reload(): Promise<void> {
    return this.#list.run();
  }

  /** The signed-in user's id, once known. */
  get userId(): string | undefined {
    return this.#me.value?.user.id;
  }

  // ---------------------------------------------------------------- implementation

  /** On a narrow screen: whether the folded filters are shown. */
  @state() private _filtersOpen = false;

  #data = new DealListData(this, (key, params) => this.t(key, params));
  #status = new StatusController(this, () => {
    const status = this.#list.status;
    const loading = status === TaskStatus.PENDING || status === TaskStatus.INITIAL;
    return {
      loading,
      error: status === TaskStatus.ERROR,
      empty: !loading && this.#data.deals.length === 0,
    };
  });
  #filterInputs = new FilterInputsController(this, (n, v) => this.#setFilter(n, v), TYPING_MS);
  #clock = new ClockController(this, TICK_MS, () =>
    this.#data.deals.some((d) => d.status === 'under_review'),
  );
  #window = new RowWindow(this, {
    items: () => this.#data.deals,
    changed: (first, last, end) => {
      this.#data.nearEnd(end, PREFETCH_ROWS);
      this.#rows.rangeChanged(first, last);
    },
  });
  #rows = new RowsController(this, {
    data: this.#data,
    select: (deal) => this.emit('prm-deal-select', deal),
    reveal: (index) => this.#window.reveal(index),
    reviewers: () => this.#reviewers,
  });
  /** What the rows were at the last render, and of which first page. */
  #shown = { deals: [] as readonly Deal[], generation: 0 };

  constructor() {
    super();
    // Follows the event stream while connected; the data merges what it brings.
    new LiveEventsController(this, {
      client: () => this.resolvedClient,
      onEvent: (event) => this.#data.receive(event),
    });
  }

  get #filters(): DealFilters {
    return filtersOf(this);
  }

  get #limit(): number {
    return Math.min(200, Math.max(1, Math.trunc(Number(this.pageSize)) || 50));
  }

  get #role() {
    return this.#me.value?.user.role;
  }

  #me = new Task(this, {
    task: async ([client], { signal }) => (client ? client.me({ signal }) : initialState),
    args: () => [this.resolvedClient] as const,
  });

  #desk = new DeskReference(
    this,
    () => this.resolvedClient,
    () => this.#role,
  );

  /** The queue's counts, again whenever the list changed under them. */
  #stats = new Task(this, {
    task: async ([client, role, , filters], { signal }) =>
      client && isVendorRole(role) && (!filters.status || filters.status === 'under_review')
        ? client.deals.stats(filters, { signal })
        : initialState,
    args: () => [this.resolvedClient, this.#role, this.#data.revision, this.#filters] as const,
    argsEqual: sameArgs,
  });

  #list = new Task(this, {
    task: async ([client, filters, sort, limit], { signal }) => {
      if (!client) return initialState;
      warmUpFormats(this.resolvedLocale);
      return this.#data.load(client, { ...filters, sort, limit }, signal);
    },
    args: () => [this.resolvedClient, this.#filters, asSort(this.sort), this.#limit] as const,
    argsEqual: sameArgs,
  });

  get #reviewers(): ReviewerInput[] {
    return this.#desk.reviewers(this.#me.value?.user);
  }

  protected override firstUpdated(): void {
    // A provider may answer a little after connecting; warn only if none has by the next frame.
    requestAnimationFrame(() => {
      if (!this.isConnected || this.resolvedClient) return;
      try {
        this.requireClient();
      } catch {
        // The warning is the point; the list keeps its skeleton until a client arrives.
      }
    });
  }

  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    // The tab stop: back to the top on a fresh first page, else with its deal as rows move.
    const { deals, generation } = this.#data;
    if (generation !== this.#shown.generation) this.#rows.active = 0;
    else if (deals !== this.#shown.deals) this.#rows.follow(this.#shown.deals, deals);
    this.#shown = { deals, generation };
    // The data says what changed; the shared live region says it.
    this.#status.announce(this.#data.announcement);
  }

  #setFilter(name: string, value: string | undefined): void {
    if (name === 'status') this.status = asStatus(value);
    else if (name === 'stage') this.stage = asStage(value);
    else if (name === 'sort') this.sort = asSort(value);
    else if (name === 'q') this.q = value;
    else if (name === 'customerDomain') this.customerDomain = value;
    else if (name === 'partnerId') this.partnerId = value;
    else if (name === 'assignee') this.assignee = value;
    else if (name === 'region') this.region = value;
  }

  #clearFilters = (): void => {
    this.status = this.stage = undefined;
    this.q = this.customerDomain = this.partnerId = this.assignee = this.region = undefined;
  };

  #requestRegister = (): void => {
    this.emit('prm-deal-register-request', { customerDomain: this.#filters.customerDomain });
  };

  #toggleFilters = (): void => {
    this._filtersOpen = !this._filtersOpen;
  };

  protected override render(): TemplateResult {
    const t = this.t.bind(this);
    const role = this.#role;
    const body = this.#list.render({
      initial: () => renderSkeleton(t),
      pending: () => renderSkeleton(t),
      error: (error) => renderError(t, describeError(error, t), () => void this.reload()),
      complete: () => this.#renderRows(),
    });
    const status = this.#status.regions();
    // Until the user and the first page are known, only the skeleton: the filters and the counts
    // depend on the role, and coming in over the skeleton they would push it down (a layout shift).
    const first = this.#data.generation === 0 && this.#list.status !== TaskStatus.ERROR;
    if (first || this.#me.status === TaskStatus.PENDING) return html`${body}${status}`;
    const filters = renderFilters({
      t,
      filters: this.#filters,
      sort: asSort(this.sort),
      showPartner: isVendorRole(role) || !!this.partnerId,
      showAssignee: canDecide(role),
      regions: isVendorRole(role) ? this.#desk.regions() : undefined,
      open: this._filtersOpen,
      onToggle: this.#toggleFilters,
      onChange: this.#filterInputs.onChange,
      onInput: this.#filterInputs.onInput,
    });
    // The counts are of deals under review: a list of decided deals has none to show.
    const queue = !this.#filters.status || this.#filters.status === 'under_review';
    const stats =
      isVendorRole(role) && queue
        ? this.#stats.render({
            initial: () => renderStats(t, undefined),
            pending: () => renderStats(t, this.#stats.value),
            complete: (value) => renderStats(t, value),
            error: () => nothing,
          })
        : nothing;
    return html`${filters}${stats}${body}${status}`;
  }

  #renderRows(): TemplateResult {
    const t = this.t.bind(this);
    const role = this.#role;
    const data = this.#data;
    if (data.deals.length === 0) {
      return renderEmpty({
        t,
        filtered: Object.values(this.#filters).some(Boolean),
        canRegister: role !== undefined && !isVendorRole(role),
        onClear: this.#clearFilters,
        onRegister: this.#requestRegister,
      });
    }
    const ctx: RowContext = {
      t: rememberingLabels(t),
      locale: this.resolvedLocale,
      now: this.#clock.now,
      vendor: isVendorRole(role),
      showPartner: isVendorRole(role),
      canDecide: canDecide(role),
      reviewers: this.#reviewers,
      productName: this.#desk.productName,
      history: data.history,
      matched: data.matched,
      setSize: data.nextCursor ? -1 : data.deals.length,
    };
    return html`<div
        class="list"
        role="list"
        aria-label=${t('dealList.label')}
        aria-busy=${data.moreLoading ? 'true' : 'false'}
        @scroll=${this.#window.onScroll}
        @click=${this.#rows.onClick}
        @keydown=${this.#rows.onKeydown}
        @focusin=${this.#rows.onFocusIn}
        @input=${this.#rows.onInput}
        @change=${this.#rows.onInput}
      >
        <div class="spacer" .style=${`block-size:${this.#window.height}px`}></div>
        ${repeat(
          this.#window.indexes(this.#rows.active),
          (index) => data.deals[index]!.id,
          (index) => {
            const deal = data.deals[index]!;
            return renderRow(deal, ctx, {
              index,
              top: this.#window.top(index),
              active: index === this.#rows.active,
              ...data.row(deal),
            });
          },
        )}
      </div>
      ${data.moreLoading ? html`<div class="loading-more">${t('dealList.loadingMore')}</div>` : nothing}
      ${
        data.moreError
          ? html`<div class="footer">
              ${t('dealList.loadMoreFailed')} ${data.moreError}
              <button type="button" @click=${() => data.retryMore()}>${t('common.retry')}</button>
            </div>`
          : nothing
      }`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'prm-deal-list': PrmDealList;
  }
  interface GlobalEventHandlersEventMap {
    'prm-deal-select': CustomEvent<Deal>;
    'prm-deal-decide': CustomEvent<Deal>;
    'prm-deal-decided': CustomEvent<Deal>;
    'prm-deal-register-request': CustomEvent<{ customerDomain: string | undefined }>;
  }
}
