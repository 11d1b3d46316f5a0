/**
 * @module Windowing for `<prm-deal-list>`: only the rows in view, and a few either side, are in
 * the DOM, each placed with `transform: translateY` over a spacer as tall as every row together.
 *
 * We wrote this instead of using `@lit-labs/virtualizer` for size: the library cost about 8 KB
 * gzip of the embed script's 45 KB budget, for generality this list does not need. Its rows share
 * one height (save the few showing decision controls or an error), so where a row goes is
 * arithmetic, not layout. And it works from the scroller's own geometry, never from what the page's
 * viewport shows: the virtualizer rendered nothing while the list was below the fold, and missed a
 * layout change (not a scroll) that brought it into view.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** Rows rendered beyond each edge of the view, so that a scroll seldom shows a gap. */
const OVERSCAN = 8;
/** A row's height until one is measured: low, as rows of the default theme are 87–120 px, so that
 * the first render has a few rows too many rather than too few. */
const ESTIMATE = 80;

type WindowHost = ReactiveControllerHost &
  HTMLElement & { renderRoot: HTMLElement | DocumentFragment };

export interface RowWindowOptions {
  /** The rows, in list order; `id` keys the rows whose height differs from the rest. */
  items(): readonly { id: string }[];
  /**
   * Called before each render of the rows: `first` to `last` are in view, `end` is the last row
   * rendered. It may change the host's state: that render picks it up.
   */
  changed(first: number, last: number, end: number): void;
}

/**
 * Which rows to render and where. The scroller is the host's `.list`, rendered with
 * `@scroll=${window.onScroll}`; each row carries `data-id`, and `top(index)` as its offset.
 * Rows are measured after each render: the middle height of the first rows rendered becomes every
 * row's height, and rows that differ from it are remembered by id. Both are measured again when the
 * scroller changes width (rows rewrap) and when web fonts finish loading.
 */
export class RowWindow implements ReactiveController {
  #scroller: HTMLElement | undefined;
  #resize: ResizeObserver | undefined;
  #width = -1;
  #frame = 0;
  /** The height of a row; 0 until measured. */
  #row = 0;
  /** Rows whose height differs from `#row`: id → difference. */
  #odd = new Map<string, number>();
  /** Bumped whenever `#odd` changes. */
  #version = 0;
  #oddByIndex = {
    items: [] as readonly { id: string }[],
    version: 0,
    list: [] as [number, number][],
  };
  #from = 0;
  #to = -1;

  constructor(
    private readonly host: WindowHost,
    private readonly options: RowWindowOptions,
  ) {
    host.addController(this);
  }

  // ---------------------------------------------------------------- public API

  /** The height of every row together: the spacer's. */
  get height(): number {
    return (
      this.options.items().length * this.#height() + this.#odds().reduce((s, o) => s + o[1], 0)
    );
  }

  /** The rows to render, ascending: the window, and `pinned` wherever it is (the focused row). */
  indexes(pinned: number): number[] {
    const out: number[] = [];
    const last = Math.min(this.#to, this.options.items().length - 1);
    if (pinned >= 0 && pinned < this.#from) out.push(pinned);
    for (let i = this.#from; i <= last; i++) out.push(i);
    if (pinned > last && pinned < this.options.items().length) out.push(pinned);
    return out;
  }

  /** The offset of row `index` from the top of the list. */
  top(index: number): number {
    let top = index * this.#height();
    for (const [i, d] of this.#odds()) {
      if (i >= index) break;
      top += d;
    }
    return top;
  }

  /** Scrolls the list the least that shows all of row `index`; the next render follows. */
  reveal(index: number): void {
    const scroller = this.#scroller;
    const id = this.options.items()[index]?.id;
    if (!scroller || id === undefined) return;
    const top = this.top(index);
    const bottom = top + this.#height() + (this.#odd.get(id) ?? 0);
    if (top < scroller.scrollTop) scroller.scrollTop = top;
    else if (bottom > scroller.scrollTop + scroller.clientHeight) {
      scroller.scrollTop = bottom - scroller.clientHeight;
    }
  }

  /** At most one look per frame: a render only when the view leaves the rows rendered. */
  onScroll = (): void => {
    this.#frame ||= requestAnimationFrame(() => {
      this.#frame = 0;
      const [first, last] = this.#visible();
      if (first < this.#from || last > this.#to) this.host.requestUpdate();
    });
  };

  // ---------------------------------------------------------------- implementation

  hostConnected(): void {
    document.fonts?.addEventListener('loadingdone', this.#remeasure);
  }

  hostDisconnected(): void {
    document.fonts?.removeEventListener('loadingdone', this.#remeasure);
    cancelAnimationFrame(this.#frame);
    this.#frame = 0;
    this.#resize?.disconnect();
    this.#scroller = undefined;
    this.#width = -1;
  }

  hostUpdate(): void {
    const count = this.options.items().length;
    const [first, last] = this.#visible();
    this.#from = Math.max(0, first - OVERSCAN);
    this.#to = Math.min(count - 1, last + OVERSCAN);
    if (count) this.options.changed(first, last, this.#to);
  }

  hostUpdated(): void {
    const scroller = this.host.renderRoot.querySelector<HTMLElement>('.list') ?? undefined;
    if (scroller !== this.#scroller) {
      this.#resize?.disconnect();
      this.#scroller = scroller;
      if (scroller) {
        this.#resize ??= new ResizeObserver(() => this.#resized());
        this.#resize.observe(scroller);
      }
    }
    if (scroller?.clientHeight && this.#measure(scroller)) this.#rerender();
  }

  #height(): number {
    return this.#row || ESTIMATE;
  }

  /** The odd rows as `[index, difference]`, in list order; rebuilt when the rows or sizes change. */
  #odds(): [number, number][] {
    const items = this.options.items();
    const cache = this.#oddByIndex;
    if (!this.#odd.size) return [];
    if (cache.items !== items || cache.version !== this.#version) {
      const list: [number, number][] = [];
      items.forEach((item, i) => {
        const d = this.#odd.get(item.id);
        if (d) list.push([i, d]);
      });
      this.#oddByIndex = { items, version: this.#version, list };
    }
    return this.#oddByIndex.list;
  }

  /** The row at offset `y`. */
  #indexAt(y: number): number {
    const h = this.#height();
    let before = 0;
    for (const [i, d] of this.#odds()) {
      const guess = Math.floor((y - before) / h);
      if (guess < i) return guess;
      if (y < (i + 1) * h + before + d) return i;
      before += d;
    }
    return Math.floor((y - before) / h);
  }

  /** The rows in view. Before the scroller exists, the host's own height stands in for it. */
  #visible(): [number, number] {
    const last = this.options.items().length - 1;
    const scroller = this.#scroller;
    const y = scroller?.scrollTop ?? 0;
    const height = scroller ? scroller.clientHeight : this.host.clientHeight;
    const clamp = (i: number) => Math.max(0, Math.min(last, i));
    return [clamp(this.#indexAt(y)), clamp(this.#indexAt(y + Math.max(0, height - 1)))];
  }

  /** Reads the rendered rows' heights; whether any differs from what was assumed. */
  #measure(scroller: HTMLElement): boolean {
    const rows = [...scroller.querySelectorAll<HTMLElement>(':scope > [data-id]')];
    const heights = rows.map((row) => row.offsetHeight);
    let changed = false;
    if (!this.#row) {
      this.#row = [...heights].sort((a, b) => a - b)[heights.length >> 1] ?? 0;
      changed = this.#row !== 0;
    }
    if (!this.#row) return false;
    rows.forEach((row, i) => {
      const id = row.dataset['id']!;
      const d = heights[i]! - this.#row;
      if (d === (this.#odd.get(id) ?? 0)) return;
      if (d) this.#odd.set(id, d);
      else this.#odd.delete(id);
      this.#version++;
      changed = true;
    });
    return changed;
  }

  #resized(): void {
    const width = this.#scroller?.clientWidth ?? -1;
    if (width !== this.#width) {
      // Rows rewrap at another width: their heights are known no longer.
      if (this.#width >= 0) this.#forget();
      this.#width = width;
    }
    this.host.requestUpdate();
  }

  #remeasure = (): void => {
    this.#forget();
    this.host.requestUpdate();
  };

  #forget(): void {
    this.#row = 0;
    this.#odd.clear();
    this.#version++;
  }

  /**
   * Positions changed with the heights just measured: render again. From a microtask, so that it
   * lands before the frame is painted, yet after this update has finished (an update requested
   * from `updated()` would make Lit warn of an update scheduled inside an update).
   */
  #rerender(): void {
    queueMicrotask(() => this.host.requestUpdate());
  }
}
