import { html, nothing } from 'lit';
import type { CSSResultGroup, PropertyValues, TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import { Task, TaskStatus, initialState } from '@lit/task';
import type { PartnerClient } from '../../core/client.js';
import { isAbortError } from '../../core/errors.js';
import type { Deal, DealSort, DealStage, DealStatus, PrmEvent } from '../../core/schema/index.js';
import { registerMessages } from '../shared/i18n.js';
import type { MessageKey } from '../shared/i18n.js';
import { PrmElement } from '../shared/prm-element.js';
import {
  applyLiveDeal,
  asSort,
  asStage,
  asStatus,
  canDecide,
  describeError,
  isVendorRole,
} from './deal-list-model.js';
import {
  ClockController,
  DecisionsController,
  FilterInputsController,
  LiveEventsController,
  RowsController,
  setCustomState,
} from './deal-list-controllers.js';
import type { DealFilters } from './deal-list-model.js';
import {
  renderEmpty,
  renderError,
  renderFilters,
  renderRow,
  renderSkeleton,
  warmUpFormats,
} from './deal-list-view.js';
import type { RowContext } from './deal-list-view.js';
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
 * that stays smooth with ten thousand deals, inline approve and reject, and live updates.
 *
 * The filters are attributes (the initial or host-controlled values) and controls (the user's
 * changes set the same properties). Only the visible rows are in the DOM. Vendor roles also see
 * each deal's partner; channel managers and program admins can decide deals under review. Every
 * open list follows the event stream: new deals that match appear, changed deals update or leave.
 *
 * @slot empty - Replaces the empty state (its message and its buttons).
 *
 * @event {CustomEvent<Deal>} prm-deal-select - A deal was chosen (click, Enter or Space on its row); `detail` is the deal.
 * @event {CustomEvent<Deal>} prm-deal-decide - The server accepted a decision made in this list; `detail` is the updated deal.
 * @event {CustomEvent<{ customerDomain: string | undefined }>} prm-deal-register-request - The user asked to register a deal from the empty state (partner
 * roles); `detail.customerDomain` is the domain filter, if any, to prefill the form with.
 *
 * @csspart filters - The filter and sort controls.
 * @csspart row - One deal.
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
  /** Free text searched in the customer's name and the deal's title. */
  @property() q?: string;
  /** `-submittedAt` (newest first, the default), `reviewDueAt` or `-amount`. */
  @property() sort: DealSort = '-submittedAt';
  /** Deals per request (1–200). */
  @property({ type: Number, attribute: 'page-size' }) pageSize = 50;

  /** The deals loaded so far, in list order, with decisions and live updates applied. */
  get deals(): readonly Deal[] {
    return this._deals;
  }

  /** Loads the list again from the first page, with the current filters. */
  reload(): Promise<void> {
    return this.#list.run();
  }

  // ---------------------------------------------------------------- implementation

  @state() private _deals: Deal[] = [];
  @state() private _nextCursor: string | null = null;
  @state() private _moreError: string | undefined;
  @state() private _announcement = '';

  /** Events that arrive while the first page loads, applied on top of it. */
  #buffered: Deal[] = [];
  #filterInputs = new FilterInputsController(this, (n, v) => this.#setFilter(n, v), TYPING_MS);
  #internals = this.attachInternals();

  #clock = new ClockController(this, TICK_MS, () =>
    this._deals.some((d) => d.status === 'under_review'),
  );
  #decisions = new DecisionsController(this, {
    client: () => this.resolvedClient,
    replace: (deal) => this.#replace(deal),
    focusRow: (index) => void this.#rows.focusRow(index),
    decided: (saved) => {
      const status = this.t(`dealList.status.${saved.status}`);
      this.#announce(this.t('dealList.decided', { customer: saved.customer.name, status }));
      this.emit('prm-deal-decide', saved);
    },
    failed: (deal, error) => {
      const reason = this.#describe(error);
      this.#announce(this.t('dealList.decisionFailed', { customer: deal.customer.name, reason }));
      return reason;
    },
  });

  #window = new RowWindow(this, {
    items: () => this._deals,
    changed: (first, last, end) => {
      if (end >= this._deals.length - 1 - PREFETCH_ROWS && !this._moreError) this.#loadMore();
      this.#rows.rangeChanged(first, last);
    },
  });

  #rows = new RowsController(this, {
    deals: () => this._deals,
    decisions: this.#decisions,
    select: (deal) => this.emit('prm-deal-select', deal),
    reveal: (index) => this.#window.reveal(index),
  });

  constructor() {
    super();
    // Follows the event stream while connected; nothing else needs a handle on it.
    new LiveEventsController(this, {
      client: () => this.resolvedClient,
      onEvent: (event) => this.#onEvent(event),
    });
  }

  get #filters(): DealFilters {
    return {
      status: asStatus(this.status),
      stage: asStage(this.stage),
      partnerId: this.partnerId?.trim() || undefined,
      customerDomain: this.customerDomain?.trim() || undefined,
      q: this.q?.trim() || undefined,
    };
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

  #list = new Task(this, {
    task: async (
      [client, status, stage, partnerId, customerDomain, q, sort, limit],
      { signal },
    ) => {
      this.#more.abort();
      this.#buffered = [];
      if (!client) return initialState;
      const query = { status, stage, partnerId, customerDomain, q, sort, limit };
      const request = client.deals.list(query, { signal });
      warmUpFormats(this.resolvedLocale);
      const page = await request;
      signal.throwIfAborted();
      this._deals = page.items;
      this._nextCursor = page.nextCursor;
      this.#rows.setActive(0);
      this._moreError = undefined;
      this.#decisions.reset();
      for (const deal of this.#buffered.splice(0)) this.#apply(deal);
      this.#announce(this.t('dealList.loaded', { count: this._deals.length }));
      return page;
    },
    args: () => {
      const { status, stage, partnerId, customerDomain, q } = this.#filters;
      const client = this.resolvedClient;
      return [
        client,
        status,
        stage,
        partnerId,
        customerDomain,
        q,
        asSort(this.sort),
        this.#limit,
      ] as const;
    },
  });

  #more = new Task(this, {
    autoRun: false,
    task: async ([client, cursor]: readonly [PartnerClient, string], { signal }) => {
      this._moreError = undefined;
      const query = { ...this.#filters, sort: asSort(this.sort), limit: this.#limit, cursor };
      try {
        const page = await client.deals.list(query, { signal });
        signal.throwIfAborted();
        const seen = new Set(this._deals.map((d) => d.id));
        this._deals = [...this._deals, ...page.items.filter((d) => !seen.has(d.id))];
        this._nextCursor = page.nextCursor;
      } catch (error) {
        if (!isAbortError(error)) this._moreError = this.#describe(error);
        throw error;
      }
    },
  });

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

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    const status = this.#list.status;
    const loading = status === TaskStatus.PENDING || status === TaskStatus.INITIAL;
    setCustomState(this.#internals, 'loading', loading);
    setCustomState(this.#internals, 'error', status === TaskStatus.ERROR);
    setCustomState(this.#internals, 'empty', !loading && this._deals.length === 0);
  }

  #onEvent(event: PrmEvent): void {
    if (event.event !== 'deal.created' && event.event !== 'deal.updated') return;
    const status = this.#list.status;
    if (status === TaskStatus.PENDING) this.#buffered.push(event.data);
    else if (status === TaskStatus.COMPLETE) this.#apply(event.data);
  }

  #apply(deal: Deal): void {
    const before = this._deals.find((d) => d.id === deal.id);
    const { items, change } = applyLiveDeal(this._deals, deal, {
      filters: this.#filters,
      sort: asSort(this.sort),
      hasMore: this._nextCursor !== null,
      keep: this.#decisions.keeps(deal.id),
    });
    if (change === 'ignored') return;
    this.#rows.follow(this._deals, items);
    this._deals = items;
    const customer = deal.customer.name;
    if (change === 'inserted') this.#announce(this.t('dealList.created', { customer }));
    else if (before && before.status !== deal.status && !this.#decisions.isPending(deal.id)) {
      const status = this.t(`dealList.status.${deal.status}`);
      this.#announce(this.t('dealList.updated', { customer, status }));
    }
  }

  #announce(text: string): void {
    this._announcement = text;
  }

  #describe(error: unknown): string {
    return describeError(error, (key) => this.t(key));
  }

  #replace(deal: Deal): void {
    const index = this._deals.findIndex((d) => d.id === deal.id);
    if (index < 0) return;
    const next = this._deals.slice();
    next[index] = deal;
    this._deals = next;
  }

  #loadMore(): void {
    const client = this.resolvedClient;
    if (!client || !this._nextCursor || this.#list.status !== TaskStatus.COMPLETE) return;
    if (this.#more.status !== TaskStatus.PENDING) void this.#more.run([client, this._nextCursor]);
  }

  #setFilter(name: string, value: string | undefined): void {
    if (name === 'status') this.status = asStatus(value);
    else if (name === 'stage') this.stage = asStage(value);
    else if (name === 'sort') this.sort = asSort(value);
    else if (name === 'q') this.q = value;
    else if (name === 'customerDomain') this.customerDomain = value;
    else if (name === 'partnerId') this.partnerId = value;
  }

  #clearFilters = (): void => {
    this.status = this.stage = undefined;
    this.q = this.customerDomain = this.partnerId = undefined;
  };

  #requestRegister = (): void => {
    this.emit('prm-deal-register-request', { customerDomain: this.#filters.customerDomain });
  };

  protected override render(): TemplateResult {
    const filters = renderFilters({
      t: this.t.bind(this),
      filters: this.#filters,
      sort: asSort(this.sort),
      showPartner: isVendorRole(this.#role) || !!this.partnerId,
      onChange: this.#filterInputs.onChange,
      onInput: this.#filterInputs.onInput,
    });
    return html`${filters}${this.#renderBody()}
      <div class="visually-hidden" role="status">${this._announcement}</div>`;
  }

  #renderBody(): TemplateResult {
    const t = this.t.bind(this);
    const status = this.#list.status;
    if (status === TaskStatus.ERROR) {
      return renderError(t, this.#describe(this.#list.error), () => void this.reload());
    }
    if (status !== TaskStatus.COMPLETE) return renderSkeleton(t);
    const role = this.#role;
    if (this._deals.length === 0) {
      return renderEmpty({
        t,
        filtered: Object.values(this.#filters).some(Boolean),
        canRegister: role !== undefined && !isVendorRole(role),
        onClear: this.#clearFilters,
        onRegister: this.#requestRegister,
      });
    }
    // Rows ask for the same few labels over and over while the list scrolls.
    const labels = new Map<MessageKey, string>();
    const ctx: RowContext = {
      t: (key, params) => {
        if (params) return t(key, params);
        let label = labels.get(key);
        if (label === undefined) labels.set(key, (label = t(key)));
        return label;
      },
      locale: this.resolvedLocale,
      now: this.#clock.now,
      showPartner: isVendorRole(role),
      canDecide: canDecide(role),
      setSize: this._nextCursor ? -1 : this._deals.length,
    };
    const more = this.#more.status === TaskStatus.PENDING;
    const retryMore = () => {
      this._moreError = undefined;
      this.#loadMore();
    };
    return html`<div
        class="list"
        role="list"
        aria-label=${t('dealList.label')}
        aria-busy=${more ? 'true' : 'false'}
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
          (index) => this._deals[index]!.id,
          (index) => {
            const deal = this._deals[index]!;
            return renderRow(deal, ctx, {
              index,
              top: this.#window.top(index),
              active: index === this.#rows.active,
              ...this.#decisions.rowState(deal),
            });
          },
        )}
      </div>
      ${more ? html`<div class="loading-more">${t('dealList.loadingMore')}</div>` : nothing}
      ${
        this._moreError
          ? html`<div class="footer">
              ${t('dealList.loadMoreFailed')} ${this._moreError}
              <button type="button" @click=${retryMore}>${t('common.retry')}</button>
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
    'prm-deal-register-request': CustomEvent<{ customerDomain: string | undefined }>;
  }
}
