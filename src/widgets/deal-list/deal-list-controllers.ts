/** @module Behaviours of `<prm-deal-list>` that live as long as it is connected. */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { PartnerClient } from '../../core/client.js';
import type { EventSubscription } from '../../core/events.js';
import type { Deal, PrmEvent } from '../../core/schema/index.js';
import { draftFor, rowTarget } from './deal-list-model.js';
import type { Draft, RejectReason } from './deal-list-model.js';
import type { RowState } from './deal-list-view.js';

/**
 * Follows the event stream of the host's current client: subscribes when the host connects (or
 * gets a client), resubscribes when the client changes, and closes the stream on disconnect, so
 * that a removed list keeps no connection open.
 */
export class LiveEventsController implements ReactiveController {
  #subscription: EventSubscription | undefined;
  #client: PartnerClient | undefined;
  #connected = false;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly options: {
      client(): PartnerClient | undefined;
      onEvent(event: PrmEvent): void;
    },
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    this.#connected = true;
    this.#sync();
  }

  hostUpdated(): void {
    this.#sync();
  }

  hostDisconnected(): void {
    this.#connected = false;
    this.#sync();
  }

  #sync(): void {
    const client = this.#connected ? this.options.client() : undefined;
    if (client === this.#client) return;
    this.#subscription?.close();
    this.#subscription = undefined;
    this.#client = client;
    if (!client) return;
    this.#subscription = client.events.subscribe({
      onEvent: (event) => this.options.onEvent(event),
      // The stream reconnects by itself; a list that has stopped following it still works.
      onError: () => {},
    });
  }
}

/** `now`, brought up to date every `ms` while the host is connected and `wanted()` says so. */
export class ClockController implements ReactiveController {
  now = Date.now();
  #timer: ReturnType<typeof setInterval> | undefined;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly ms: number,
    private readonly wanted: () => boolean,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    this.now = Date.now();
    this.#timer = setInterval(() => {
      if (!this.wanted()) return;
      this.now = Date.now();
      this.host.requestUpdate();
    }, this.ms);
  }

  hostDisconnected(): void {
    clearInterval(this.#timer);
  }
}

/** Mirrors named states into `:state(…)`, where the browser has `CustomStateSet`. */
export function setCustomState(internals: ElementInternals, name: string, on: boolean): void {
  try {
    if (on) internals.states.add(name);
    else internals.states.delete(name);
  } catch {
    // Browsers before CustomStateSet (or with only the `--name` syntax) go without.
  }
}

export interface DecisionHooks {
  client(): PartnerClient | undefined;
  /** Puts this version of the deal in the list, in place. */
  replace(deal: Deal): void;
  /** Moves the focus back to the row once the controls it was on are gone. */
  focusRow(index: number): void;
  /** The server accepted the decision. */
  decided(saved: Deal): void;
  /** The server refused it, or could not be reached; the row shows it again as it was. */
  failed(deal: Deal, error: unknown): string;
}

/**
 * Inline approve and reject: which row has its controls open, what the reviewer chose and typed
 * there (kept while the row scrolls out of view), and the optimistic update that the response
 * confirms or reverts.
 */
export class DecisionsController {
  /** The deal whose decision controls are open. */
  reviewing: string | undefined;
  readonly #pending = new Set<string>();
  readonly #errors = new Map<string, string>();
  readonly #drafts = new Map<string, Draft>();
  /** Deals decided here: they stay in view even when they no longer match the filters. */
  readonly #keep = new Set<string>();

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly hooks: DecisionHooks,
  ) {}

  /** A fresh first page: what was said about the old rows no longer applies. */
  reset(): void {
    this.reviewing = undefined;
    this.#errors.clear();
    this.#keep.clear();
  }

  isPending = (id: string): boolean => this.#pending.has(id);
  keeps = (id: string): boolean => this.#keep.has(id);

  rowState(deal: Deal): Pick<RowState, 'pending' | 'reviewing' | 'draft' | 'error'> {
    return {
      pending: this.#pending.has(deal.id),
      reviewing: this.reviewing === deal.id,
      draft: this.#drafts.get(deal.id),
      error: this.#errors.get(deal.id),
    };
  }

  toggle(deal: Deal): void {
    this.reviewing = this.reviewing === deal.id ? undefined : deal.id;
    this.#errors.delete(deal.id);
    this.host.requestUpdate();
  }

  close(): void {
    this.reviewing = undefined;
    this.host.requestUpdate();
  }

  edit(deal: Deal, field: string, value: string): void {
    const draft = { ...(this.#drafts.get(deal.id) ?? draftFor(deal)) };
    if (field === 'comment') draft.comment = value;
    else if (field === 'reasonCode') draft.reasonCode = value as RejectReason;
    this.#drafts.set(deal.id, draft);
  }

  async decide(deal: Deal, index: number, decision: 'approve' | 'reject'): Promise<void> {
    const client = this.hooks.client();
    if (!client || this.#pending.has(deal.id)) return;
    const draft = this.#drafts.get(deal.id) ?? draftFor(deal);
    const comment = draft.comment.trim();
    const input = {
      decision,
      reasonCode: decision === 'approve' ? ('approved_manual' as const) : draft.reasonCode,
      ...(comment ? { comment } : {}),
    };
    this.#pending.add(deal.id);
    this.#errors.delete(deal.id);
    this.#keep.add(deal.id);
    this.reviewing = undefined;
    this.hooks.replace({ ...deal, status: decision === 'approve' ? 'approved' : 'rejected' });
    this.hooks.focusRow(index);
    try {
      const saved = await client.deals.decide(deal.id, input);
      this.#pending.delete(deal.id);
      this.#drafts.delete(deal.id);
      this.hooks.replace(saved);
      this.hooks.decided(saved);
    } catch (error) {
      this.#pending.delete(deal.id);
      this.#errors.set(deal.id, this.hooks.failed(deal, error));
      this.reviewing = deal.id;
      this.hooks.replace(deal);
    }
    this.host.requestUpdate();
  }
}

type RowsHost = ReactiveControllerHost &
  HTMLElement & { renderRoot: HTMLElement | DocumentFragment };

/** Rows that PageUp and PageDown move. */
const PAGE_ROWS = 10;

/**
 * The rows as one composite widget: a single tab stop (`active`), the arrow keys, Home, End and
 * PageUp/PageDown between rows (scrolling to rows not yet rendered), Enter, Space or a click to
 * choose a deal, and the clicks and edits of the inline decision controls.
 */
export class RowsController {
  /** The index of the row in the tab order. */
  active = 0;

  constructor(
    private readonly host: RowsHost,
    private readonly options: {
      deals(): readonly Deal[];
      decisions: DecisionsController;
      select(deal: Deal): void;
      /** Scrolls the list so that row `index` is in view. */
      reveal(index: number): void;
    },
  ) {}

  setActive(index: number): void {
    if (index === this.active) return;
    this.active = index;
    this.host.requestUpdate();
  }

  /** After rows came or went above it, the tab stop stays on the same deal. */
  follow(before: readonly Deal[], after: readonly Deal[]): void {
    const id = before[this.active]?.id;
    const moved = id ? after.findIndex((d) => d.id === id) : -1;
    this.setActive(moved >= 0 ? moved : Math.min(this.active, Math.max(0, after.length - 1)));
  }

  /**
   * The window keeps the active row rendered wherever it is, so a focused row scrolled away by the
   * wheel keeps the focus; an unfocused one hands the tab stop to a row in view. No host update:
   * this runs just before the rows render, and they read `active`.
   */
  rangeChanged(first: number, last: number): void {
    if (this.active >= first && this.active <= last) return;
    const focused = (this.host.renderRoot as ShadowRoot).activeElement;
    if (focused && this.host.renderRoot.querySelector('.list')?.contains(focused)) return;
    this.active = Math.max(0, first);
  }

  /** Moves the tab stop and the focus to row `index`, scrolling it into view first. */
  async focusRow(index: number): Promise<void> {
    const i = Math.max(0, Math.min(this.options.deals().length - 1, index));
    this.options.reveal(i);
    this.active = i;
    this.host.requestUpdate();
    await this.host.updateComplete;
    this.host.renderRoot
      .querySelector<HTMLElement>(`[role='listitem'][data-index='${i}']`)
      ?.focus({ preventScroll: true });
  }

  #rowOf(target: EventTarget | null): { row: HTMLElement; index: number; deal: Deal } | undefined {
    const row = (target as Element | null)?.closest?.<HTMLElement>("[role='listitem']");
    const index = Number(row?.dataset['index']);
    const deal = this.options.deals()[index];
    return row && deal ? { row, index, deal } : undefined;
  }

  onClick = (event: MouseEvent): void => {
    const hit = this.#rowOf(event.target);
    if (!hit) return;
    const { decisions } = this.options;
    const target = event.target as Element;
    const action = target.closest<HTMLElement>('[data-action]')?.dataset['action'];
    if (action === 'review') decisions.toggle(hit.deal);
    else if (action === 'cancel') {
      decisions.close();
      void this.focusRow(hit.index);
    } else if (action === 'approve' || action === 'reject') {
      void decisions.decide(hit.deal, hit.index, action);
    } else if (!target.closest('.decide, button, input, select, label')) {
      this.options.select(hit.deal);
    }
  };

  onKeydown = (event: KeyboardEvent): void => {
    const hit = this.#rowOf(event.target);
    if (!hit) return;
    if (event.target !== hit.row) {
      if (event.key === 'Escape' && this.options.decisions.reviewing === hit.deal.id) {
        event.preventDefault();
        this.options.decisions.close();
        void this.focusRow(hit.index);
      }
      return;
    }
    const to = rowTarget(event.key, hit.index, this.options.deals().length - 1, PAGE_ROWS);
    if (to !== undefined) {
      event.preventDefault();
      void this.focusRow(to);
    } else if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      this.options.select(hit.deal);
    }
  };

  onFocusIn = (event: FocusEvent): void => {
    const hit = this.#rowOf(event.target);
    if (hit) this.setActive(hit.index);
  };

  /** The decision controls keep what the reviewer chose while rows come and go. */
  onInput = (event: Event): void => {
    const hit = this.#rowOf(event.target);
    const control = event.target as HTMLInputElement | HTMLSelectElement;
    const field = control.dataset['field'];
    if (hit && field) this.options.decisions.edit(hit.deal, field, control.value);
  };
}

/**
 * The filter controls: a choice applies at once, typing in a text filter after a pause (or at
 * once on Enter or leaving the field, which fire `change`). Stops waiting when the host leaves.
 */
export class FilterInputsController implements ReactiveController {
  #typing: ReturnType<typeof setTimeout> | undefined;

  constructor(
    host: ReactiveControllerHost,
    private readonly apply: (name: string, value: string | undefined) => void,
    private readonly pauseMs: number,
  ) {
    host.addController(this);
  }

  hostDisconnected(): void {
    clearTimeout(this.#typing);
  }

  onChange = (event: Event): void => {
    clearTimeout(this.#typing);
    const control = event.target as HTMLInputElement | HTMLSelectElement;
    this.apply(control.name, control.value.trim() || undefined);
  };

  onInput = (event: Event): void => {
    const control = event.target as HTMLInputElement;
    if (control.localName !== 'input') return;
    clearTimeout(this.#typing);
    this.#typing = setTimeout(
      () => this.apply(control.name, control.value.trim() || undefined),
      this.pauseMs,
    );
  };
}
