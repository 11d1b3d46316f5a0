/** @module Behaviours of `<prm-deal-list>` that live as long as it is connected. */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { Deal, ReviewerInput } from '../../core/schema/index.js';
import type { DealListData } from './deal-list-data.js';
import { rowTarget } from './deal-list-model.js';

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

type RowsHost = ReactiveControllerHost &
  HTMLElement & { renderRoot: HTMLElement | DocumentFragment };

/** Rows that PageUp and PageDown move. */
const PAGE_ROWS = 10;

/**
 * The rows as one composite widget: a single tab stop (`active`), the arrow keys, Home, End and
 * PageUp/PageDown between rows (scrolling to rows not yet rendered), Enter, Space or a click to
 * open a deal (and choose it), and the clicks and edits of the review controls, which it hands to
 * the list's data.
 */
export class RowsController {
  /** The index of the row in the tab order. */
  active = 0;

  constructor(
    private readonly host: RowsHost,
    private readonly options: {
      data: DealListData;
      select(deal: Deal): void;
      /** Scrolls the list so that row `index` is in view. */
      reveal(index: number): void;
      /** Who a review can be handed to. */
      reviewers(): readonly ReviewerInput[];
    },
  ) {}

  get #deals(): readonly Deal[] {
    return this.options.data.deals;
  }

  setActive(index: number): void {
    if (index === this.active) return;
    this.active = index;
    this.host.requestUpdate();
  }

  /** After rows came or went above it, the tab stop stays on the same deal. */
  follow(before: readonly Deal[], after: readonly Deal[]): void {
    const id = before[this.active]?.id;
    const moved = id ? after.findIndex((d) => d.id === id) : -1;
    this.active = moved >= 0 ? moved : Math.min(this.active, Math.max(0, after.length - 1));
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

  /** Moves the tab stop and the focus to row `index` (or `selector` in it), scrolling it into view. */
  async focusRow(index: number, selector?: string): Promise<void> {
    const i = Math.max(0, Math.min(this.#deals.length - 1, index));
    this.options.reveal(i);
    this.active = i;
    this.host.requestUpdate();
    await this.host.updateComplete;
    const row = this.host.renderRoot.querySelector<HTMLElement>(
      `[role='listitem'][data-index='${i}']`,
    );
    (selector ? row?.querySelector<HTMLElement>(selector) : row)?.focus({ preventScroll: true });
  }

  #rowOf(target: EventTarget | null): { row: HTMLElement; index: number; deal: Deal } | undefined {
    const row = (target as Element | null)?.closest?.<HTMLElement>("[role='listitem']");
    const index = Number(row?.dataset['index']);
    const deal = this.#deals[index];
    return row && deal ? { row, index, deal } : undefined;
  }

  #open(deal: Deal): void {
    this.options.data.toggleOpen(deal);
    this.options.select(deal);
  }

  onClick = (event: MouseEvent): void => {
    const hit = this.#rowOf(event.target);
    if (!hit) return;
    const { data } = this.options;
    const target = event.target as Element;
    const control = target.closest<HTMLElement>('[data-action]');
    const action = control?.dataset['action'];
    if (action === 'review') data.toggleReview(hit.deal);
    else if (action === 'cancel') {
      data.closeReview();
      void this.focusRow(hit.index);
    } else if (action === 'approve' || action === 'reject') {
      void data.decide(hit.deal, action);
      // Sent: the controls are gone, the row keeps the focus. Refused here: to the reason.
      if (data.isPending(hit.deal.id)) void this.focusRow(hit.index);
      else void this.focusRow(hit.index, "[data-field='reasonCode']");
    } else if (action === 'open-match') {
      const id = control!.dataset['dealId'];
      if (id) data.openMatch(id);
    } else if (action === 'assign') {
      const chosen = hit.row.querySelector<HTMLSelectElement>("[data-field='assignee']")?.value;
      const reviewer = this.options.reviewers().find((r) => r.id === chosen);
      if (reviewer) void data.assign(hit.deal, reviewer);
    } else if (action === 'details') this.#open(hit.deal);
    else if (!target.closest('.decide, .details, button, input, select, label, a')) {
      this.#open(hit.deal);
    }
  };

  onKeydown = (event: KeyboardEvent): void => {
    const hit = this.#rowOf(event.target);
    if (!hit) return;
    if (event.target !== hit.row) {
      if (event.key === 'Escape' && this.options.data.reviewing === hit.deal.id) {
        event.preventDefault();
        this.options.data.closeReview();
        void this.focusRow(hit.index);
      }
      return;
    }
    const to = rowTarget(event.key, hit.index, this.#deals.length - 1, PAGE_ROWS);
    if (to !== undefined) {
      event.preventDefault();
      void this.focusRow(to);
    } else if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      this.#open(hit.deal);
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
    if (hit && field) this.options.data.edit(hit.deal, field, control.value);
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
    const value =
      control instanceof HTMLInputElement && control.type === 'checkbox'
        ? control.checked
          ? control.value
          : ''
        : control.value;
    this.apply(control.name, value.trim() || undefined);
  };

  onInput = (event: Event): void => {
    const control = event.target as HTMLInputElement;
    if (control.localName !== 'input' || control.type === 'checkbox') return;
    clearTimeout(this.#typing);
    this.#typing = setTimeout(
      () => this.apply(control.name, control.value.trim() || undefined),
      this.pauseMs,
    );
  };
}
