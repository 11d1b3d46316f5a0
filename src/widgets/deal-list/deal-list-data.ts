/**
 * @module The data of `<prm-deal-list>` in one place: the pages loaded so far, the live merge of
 * the event stream, the decisions and reassignments made here, what is open, and what to announce.
 *
 * The element reads from it and calls into it; it calls nothing back. It changes state and asks
 * the host to render (`requestUpdate`), and it emits the list's events on the host itself.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { PartnerClient } from '../../core/client.js';
import { isAbortError } from '../../core/errors.js';
import type {
  AuditEntry,
  Deal,
  DealListQuery,
  PrmEvent,
  ReviewerInput,
} from '../../core/schema/index.js';
import type { MessageKey, MessageParams } from '../shared/i18n.js';
import { applyLiveDeal, describeError, draftFor, matchesFilters } from './deal-list-model.js';
import type {
  DealFilters,
  Draft,
  Loaded,
  RejectReason,
  RowData,
  Translate,
} from './deal-list-model.js';

/** How long a deal decided here stays in a queue it no longer matches, showing its new status. */
export const DECIDED_LINGER_MS = 1_500;

type Query = Omit<DealListQuery, 'cursor'> & DealFilters;

export interface DealListHost extends ReactiveControllerHost, HTMLElement {
  readonly resolvedClient: PartnerClient | undefined;
  /** The signed-in user's id, once known: what `assignee=me` means for live events. */
  readonly userId: string | undefined;
}

export class DealListData implements ReactiveController {
  /** The deals loaded so far, in list order, with decisions and live updates applied. */
  deals: Deal[] = [];
  nextCursor: string | null = null;
  moreError: string | undefined;
  moreLoading = false;
  /** Bumped by every fresh first page: rows go back to the top. */
  generation = 0;
  /** Bumped by every change after the first page (live events, decisions): counts go stale. */
  revision = 0;
  /** The latest polite announcement for the list's live region. */
  announcement = '';
  /** The deal whose decision controls are open. */
  reviewing: string | undefined;
  /** Deals opened to their details. */
  readonly open = new Set<string>();
  readonly history = new Map<string, Loaded<AuditEntry[]>>();
  readonly matched = new Map<string, Loaded<Deal>>();

  #query: Query | undefined;
  /** Events that arrive while a first page loads; `undefined` when none is loading. */
  #buffered: Deal[] | undefined;
  #loaded = false;
  #more: AbortController | undefined;
  readonly #pending = new Set<string>();
  readonly #errors = new Map<string, string>();
  readonly #reasonErrors = new Set<string>();
  readonly #drafts = new Map<string, Draft>();
  /** Deals decided here, kept in view a moment although they no longer match the filters. */
  readonly #keep = new Map<string, ReturnType<typeof setTimeout> | undefined>();

  constructor(
    private readonly host: DealListHost,
    private readonly t: Translate,
  ) {
    host.addController(this);
  }

  hostDisconnected(): void {
    this.#more?.abort();
    for (const timer of this.#keep.values()) clearTimeout(timer);
    this.#keep.clear();
  }

  // ---------------------------------------------------------------- pages

  /** The first page for `query`: what the list task runs. Events meanwhile apply on top of it. */
  async load(client: PartnerClient, query: Query, signal: AbortSignal): Promise<Deal[]> {
    this.#more?.abort();
    this.moreLoading = false;
    this.#buffered = [];
    this.#loaded = false;
    try {
      const page = await client.deals.list(query, { signal });
      signal.throwIfAborted();
      this.#query = query;
      this.deals = page.items;
      this.nextCursor = page.nextCursor;
      this.moreError = undefined;
      this.reviewing = undefined;
      this.open.clear();
      this.#errors.clear();
      this.#reasonErrors.clear();
      for (const timer of this.#keep.values()) clearTimeout(timer);
      this.#keep.clear();
      this.generation++;
      this.#loaded = true;
      const buffered = this.#buffered;
      this.#buffered = undefined;
      for (const deal of buffered) this.#apply(deal);
      this.announcement = this.#t('dealList.loaded', { count: this.deals.length });
      return this.deals;
    } catch (error) {
      if (signal.aborted || isAbortError(error)) throw error;
      this.#buffered = undefined;
      throw error;
    }
  }

  /** The next page, when `end` (the last row rendered) comes near the end of what is loaded. */
  nearEnd(end: number, prefetch: number): void {
    if (end >= this.deals.length - 1 - prefetch && !this.moreError) this.loadMore();
  }

  loadMore(): void {
    const client = this.host.resolvedClient;
    const query = this.#query;
    const cursor = this.nextCursor;
    if (!client || !query || !cursor || !this.#loaded || this.moreLoading) return;
    const controller = (this.#more = new AbortController());
    this.moreLoading = true;
    this.moreError = undefined;
    this.host.requestUpdate();
    client.deals.list({ ...query, cursor }, { signal: controller.signal }).then(
      (page) => {
        if (controller.signal.aborted) return;
        const seen = new Set(this.deals.map((d) => d.id));
        this.deals = [...this.deals, ...page.items.filter((d) => !seen.has(d.id))];
        this.nextCursor = page.nextCursor;
        this.moreLoading = false;
        this.host.requestUpdate();
      },
      (error: unknown) => {
        if (controller.signal.aborted || isAbortError(error)) return;
        this.moreError = this.#describe(error);
        this.moreLoading = false;
        this.host.requestUpdate();
      },
    );
  }

  retryMore(): void {
    this.moreError = undefined;
    this.loadMore();
  }

  // ---------------------------------------------------------------- live merge

  /** An event from the stream: applied, or kept until the first page arrives. */
  receive(event: PrmEvent): void {
    if (event.event !== 'deal.created' && event.event !== 'deal.updated') return;
    if (this.#buffered) this.#buffered.push(event.data);
    else if (this.#loaded) {
      this.#apply(event.data);
      this.host.requestUpdate();
    }
  }

  #apply(deal: Deal): void {
    const before = this.deals.find((d) => d.id === deal.id);
    const { items, change } = applyLiveDeal(this.deals, deal, {
      filters: this.#liveFilters(),
      sort: this.#query?.sort ?? '-submittedAt',
      hasMore: this.nextCursor !== null,
      keep: this.#keep.has(deal.id),
    });
    if (change === 'ignored') return;
    this.deals = items;
    this.revision++;
    const customer = deal.customer.name;
    if (change === 'inserted') {
      this.announcement = this.#t('dealList.created', { customer });
      return;
    }
    if (!before || before.status === deal.status || this.#pending.has(deal.id)) return;
    const status = this.#t(`dealList.status.${deal.status}`);
    const decided = before.status === 'under_review' && deal.decision && !this.#keep.has(deal.id);
    if (decided) {
      const reason = this.#t(`dealList.reason.${deal.decision!.reasonCode}`);
      this.announcement = this.#t('dealList.decidedLive', { customer, status, reason });
      this.host.dispatchEvent(
        new CustomEvent('prm-deal-decided', { detail: deal, bubbles: true, composed: true }),
      );
    } else this.announcement = this.#t('dealList.updated', { customer, status });
  }

  /** The query's filters, with `assignee=me` as the user it means. */
  #liveFilters(): DealFilters {
    const query = this.#query ?? {};
    if (query.assignee !== 'me') return query;
    return { ...query, assignee: this.host.userId };
  }

  #replace(deal: Deal): void {
    const index = this.deals.findIndex((d) => d.id === deal.id);
    if (index < 0) return;
    const next = this.deals.slice();
    next[index] = deal;
    this.deals = next;
  }

  // ---------------------------------------------------------------- rows

  row(deal: Deal): RowData {
    return {
      pending: this.#pending.has(deal.id),
      reviewing: this.reviewing === deal.id,
      open: this.open.has(deal.id),
      draft: this.#drafts.get(deal.id),
      error: this.#errors.get(deal.id),
      reasonError: this.#reasonErrors.has(deal.id) ? this.#t('dealList.reasonRequired') : undefined,
    };
  }

  /** Opens a deal to its facts and history, or closes it. */
  toggleOpen(deal: Deal): void {
    if (this.open.delete(deal.id)) {
      this.host.requestUpdate();
      return;
    }
    this.open.add(deal.id);
    this.#loadHistory(deal.id);
    this.host.requestUpdate();
  }

  #loadHistory(id: string): void {
    const client = this.host.resolvedClient;
    if (!client || this.history.get(id)?.state === 'done') return;
    this.history.set(id, { state: 'loading' });
    // Through a promise, so that a client without the method fails as a call would, not here.
    Promise.resolve(client)
      .then((c) => c.deals.history(id))
      .then(
        (page) => this.#set(this.history, id, { state: 'done', value: page.items }),
        (error: unknown) =>
          this.#set(this.history, id, { state: 'error', error: this.#describe(error) }),
      );
  }

  /** A conflict's matched deal, fetched to be shown beside the match (vendor roles). */
  openMatch(dealId: string): void {
    const client = this.host.resolvedClient;
    if (!client || this.matched.has(dealId)) return;
    this.matched.set(dealId, { state: 'loading' });
    this.host.requestUpdate();
    Promise.resolve(client)
      .then((c) => c.deals.get(dealId))
      .then(
        (deal) => this.#set(this.matched, dealId, { state: 'done', value: deal }),
        (error: unknown) =>
          this.#set(this.matched, dealId, { state: 'error', error: this.#describe(error) }),
      );
  }

  #set<T>(map: Map<string, Loaded<T>>, id: string, value: Loaded<T>): void {
    map.set(id, value);
    this.host.requestUpdate();
  }

  // ---------------------------------------------------------------- decisions

  toggleReview(deal: Deal): void {
    this.reviewing = this.reviewing === deal.id ? undefined : deal.id;
    this.#errors.delete(deal.id);
    this.#reasonErrors.delete(deal.id);
    if (this.reviewing) this.#loadHistory(deal.id);
    this.host.requestUpdate();
  }

  closeReview(): void {
    this.reviewing = undefined;
    this.host.requestUpdate();
  }

  edit(deal: Deal, field: string, value: string): void {
    const draft = { ...(this.#drafts.get(deal.id) ?? draftFor(deal)) };
    if (field === 'comment') draft.comment = value;
    else if (field === 'reasonCode') {
      draft.reasonCode = value as RejectReason | '';
      if (value && this.#reasonErrors.delete(deal.id)) this.host.requestUpdate();
    }
    this.#drafts.set(deal.id, draft);
  }

  /**
   * Approve (no reason asked) or reject (a reason required, said beside the field). The row
   * shows the outcome at once; the response confirms or reverts it. Whether it went through.
   */
  async decide(deal: Deal, decision: 'approve' | 'reject'): Promise<boolean> {
    const client = this.host.resolvedClient;
    if (!client || this.#pending.has(deal.id)) return false;
    const draft = this.#drafts.get(deal.id) ?? draftFor(deal);
    if (decision === 'reject' && !draft.reasonCode) {
      this.#reasonErrors.add(deal.id);
      this.host.requestUpdate();
      return false;
    }
    const comment = draft.comment.trim();
    const input = {
      decision,
      reasonCode:
        decision === 'approve' ? ('approved_manual' as const) : draft.reasonCode || 'other',
      ...(comment ? { comment } : {}),
    };
    this.#pending.add(deal.id);
    this.#errors.delete(deal.id);
    this.#reasonErrors.delete(deal.id);
    this.#hold(deal.id);
    this.reviewing = undefined;
    this.#replace({ ...deal, status: decision === 'approve' ? 'approved' : 'rejected' });
    this.host.requestUpdate();
    const customer = deal.customer.name;
    try {
      const saved = await client.deals.decide(deal.id, input);
      this.#pending.delete(deal.id);
      this.#drafts.delete(deal.id);
      this.#replace(saved);
      this.revision++;
      const status = this.#t(`dealList.status.${saved.status}`);
      this.announcement = this.#t('dealList.decided', { customer, status });
      this.host.dispatchEvent(
        new CustomEvent('prm-deal-decide', { detail: saved, bubbles: true, composed: true }),
      );
      this.#release(deal.id);
      return true;
    } catch (error) {
      this.#pending.delete(deal.id);
      const reason = this.#describe(error);
      this.#errors.set(deal.id, reason);
      this.announcement = this.#t('dealList.decisionFailed', { customer, reason });
      this.reviewing = deal.id;
      this.#replace(deal);
      return false;
    } finally {
      this.host.requestUpdate();
    }
  }

  /** Hands the review of `deal` to `reviewer` (vendor roles). */
  async assign(deal: Deal, reviewer: ReviewerInput): Promise<void> {
    const client = this.host.resolvedClient;
    if (!client) return;
    try {
      const saved = await client.deals.assign(deal.id, reviewer);
      this.#errors.delete(deal.id);
      this.#apply(saved);
      this.revision++;
      this.announcement = this.#t('dealList.assigned', {
        customer: deal.customer.name,
        name: saved.assignee?.name ?? reviewer.name,
      });
    } catch (error) {
      this.#errors.set(deal.id, this.#describe(error));
    }
    this.host.requestUpdate();
  }

  /** Keeps `id` in view while its decision is on the wire, whatever the filters say. */
  #hold(id: string): void {
    clearTimeout(this.#keep.get(id));
    this.#keep.set(id, undefined);
  }

  /** After a short look at its new status, a decided deal leaves a queue it no longer matches. */
  #release(id: string): void {
    clearTimeout(this.#keep.get(id));
    const timer = setTimeout(() => {
      this.#keep.delete(id);
      const deal = this.deals.find((d) => d.id === id);
      if (!deal || !this.#query || matchesFilters(deal, this.#liveFilters())) return;
      this.deals = this.deals.filter((d) => d.id !== id);
      this.revision++;
      this.host.requestUpdate();
    }, DECIDED_LINGER_MS);
    this.#keep.set(id, timer);
  }

  isPending = (id: string): boolean => this.#pending.has(id);

  #t(key: MessageKey, params?: MessageParams): string {
    return this.t(key, params);
  }

  #describe(error: unknown): string {
    return describeError(error, (key) => this.t(key));
  }
}
