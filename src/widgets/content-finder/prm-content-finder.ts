import { html, nothing } from 'lit';
import type { CSSResultGroup, PropertyValues, TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import { Task, TaskStatus, initialState } from '@lit/task';
import type {
  AssetFormat,
  ContentItem,
  ContentPage,
  ContentType,
} from '../../core/schema/index.js';
import { registerMessages } from '../shared/i18n.js';
import type { MessageKey } from '../shared/i18n.js';
import { LiveEventsController } from '../shared/live-events.js';
import { PrmElement } from '../shared/prm-element.js';
import { pause, renderItem, renderSkeleton } from './content-finder-view.js';
import type { RowContext } from './content-finder-view.js';
import * as messages from './prm-content-finder.messages.js';
import { styles } from './prm-content-finder.styles.js';

// Here, not in an import-only module: bundlers keep this module's top level, as its class is used.
registerMessages(messages);

/** What `prm-content-download` carries. Cancel the event to download some other way. */
export interface ContentDownloadDetail {
  asset: ContentItem;
  format: AssetFormat['format'];
  /** The file's URL on the Partner API (it needs the bearer token). */
  url: string;
}

type Facet = 'type' | 'product' | 'language';

/**
 * @summary The partner content library: search as you type, tolerant of typos, with facet filters,
 * freshness badges and a download button per format.
 *
 * `product`, `type` and `q` preset the search so a host can open it in context (an opportunity's
 * product, a channel's topic). Results follow the library live: a `content.updated` event the
 * caller may see refreshes them. Arrow keys move between the search box and the results.
 *
 * @event {CustomEvent<ContentDownloadDetail>} prm-content-download - A format's download was
 * asked for; cancelable: when not cancelled, the widget downloads the file itself with progress.
 *
 * @csspart search - The search box.
 * @csspart facets - The facet filters.
 * @csspart row - One asset.
 * @csspart mark - A matched part of a title or description.
 * @csspart badge - A freshness badge; also `badge-new`, `badge-updated`, `badge-review_due`.
 * @csspart format - A download button.
 * @csspart empty - The empty state with its suggestions.
 * @csspart error - The error state, with its retry button.
 *
 * @cssproperty [--prm-content-finder-height=36rem] - The element's height; results scroll inside it.
 * @cssproperty [--prm-accent=#0b5cab] - Buttons, marks and the focus ring.
 * @cssproperty [--prm-surface=#ffffff] - Background.
 * @cssproperty [--prm-surface-raised=#f3f3f3] - Search bar and the skeleton.
 * @cssproperty [--prm-border=#c9c9c9] - Separators and control borders.
 * @cssproperty [--prm-warning=#8c4b02] - The "review due" badge.
 * @cssproperty [--prm-success=#2e844a] - The "new" badge.
 */
export class PrmContentFinder extends PrmElement {
  static override styles: CSSResultGroup = styles;

  // ---------------------------------------------------------------- public API

  /** Only assets for this product id (`lf-edge`); the user can change it. */
  @property() product?: string;
  /** Only assets of this type (`datasheet`, `price_list`, …). */
  @property() type?: ContentType;
  /** Only assets in this language (`en`, `de`). */
  @property() language?: string;
  /** The initial search text. */
  @property() q = '';
  /** Results per search (1–200). */
  @property({ type: Number, attribute: 'page-size' }) pageSize = 20;
  /** Milliseconds of quiet typing before a search is sent. */
  @property({ type: Number }) debounce = 200;

  /** The last page of results shown. */
  get page(): ContentPage | undefined {
    return this._page;
  }

  /** Searches again now (after a retry, or when the host knows the library changed). */
  refresh(): Promise<void> {
    this.#immediate = true;
    return this.#search.run();
  }

  // ---------------------------------------------------------------- implementation

  @state() private _text = '';
  @state() private _page: ContentPage | undefined;
  @state() private _progress = new Map<string, number | 'error'>();
  #immediate = true;
  /** Any `content.updated` the stream brings refreshes the results. */
  protected readonly live = new LiveEventsController(this, {
    client: () => this.resolvedClient,
    onEvent: (e) => {
      if (e.event === 'content.updated') void this.refresh();
    },
  });

  #search = new Task(this, {
    args: () =>
      [
        this.resolvedClient,
        this._text,
        this.type,
        this.product,
        this.language,
        this.pageSize,
      ] as const,
    task: async ([client, q, type, product, language, limit], { signal }) => {
      if (!client) return initialState;
      // Typing waits for a pause; a newer keystroke aborts this run (and its request) at once.
      if (!this.#immediate) await pause(this.debounce, signal);
      this.#immediate = false;
      const page = await client.content.search(
        { q: q || undefined, type, product, language, limit },
        { signal },
      );
      this._page = page;
      return page;
    },
  });

  override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('q')) {
      this._text = this.q;
      this.#immediate = true;
    }
    if (changed.has('type') || changed.has('product') || changed.has('language')) {
      this.#immediate = true;
    }
  }

  #onInput(e: InputEvent): void {
    this._text = (e.target as HTMLInputElement).value;
    this.#immediate = false;
  }

  #setFacet(facet: Facet, value: string | undefined): void {
    this.#immediate = true;
    if (facet === 'type') this.type = value as ContentType | undefined;
    else if (facet === 'product') this.product = value;
    else this.language = value;
  }

  #useSuggestion(s: string): void {
    this._text = s;
    this.#immediate = true;
    this.renderRoot.querySelector<HTMLInputElement>('input[type=search]')?.focus();
  }

  #onKeydown(e: KeyboardEvent): void {
    if (e.key !== 'ArrowDown' && e.key !== 'ArrowUp') return;
    const rows = [...this.renderRoot.querySelectorAll<HTMLElement>('[part~=row]')];
    if (rows.length === 0) return;
    const at = rows.indexOf(
      e.composedPath().find((n) => rows.includes(n as HTMLElement)) as HTMLElement,
    );
    e.preventDefault();
    if (e.key === 'ArrowDown') rows[Math.min(at + 1, rows.length - 1)]!.focus();
    else if (at <= 0)
      this.renderRoot.querySelector<HTMLInputElement>('input[type=search]')?.focus();
    else rows[at - 1]!.focus();
  }

  async #download(asset: ContentItem, format: AssetFormat['format']): Promise<void> {
    const client = this.resolvedClient;
    if (!client) return;
    const detail: ContentDownloadDetail = {
      asset,
      format,
      url: client.content.fileUrl(asset.id, format),
    };
    const event = this.emit('prm-content-download', detail, { cancelable: true });
    if (event.defaultPrevented) return;
    const key = `${asset.id}:${format}`;
    const set = (v: number | 'error' | undefined) => {
      const next = new Map(this._progress);
      if (v === undefined) next.delete(key);
      else next.set(key, v);
      this._progress = next;
    };
    set(0);
    try {
      const blob = await client.content.download(asset.id, format, {
        onProgress: (received, total) => set(total > 0 ? received / total : 0),
      });
      const url = URL.createObjectURL(blob);
      const a = document.createElement('a');
      a.href = url;
      a.download = `${asset.title}.${format}`;
      a.click();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
      set(undefined);
    } catch {
      set('error');
    }
  }

  // ---------------------------------------------------------------- rendering

  override render(): TemplateResult {
    const status = this.#search.status;
    const page = this._page;
    const busy = status === TaskStatus.PENDING || (status === TaskStatus.INITIAL && !page);
    return html`
      <div part="search" role="search" aria-label=${this.t('contentFinder.search')}>
        <label class="visually-hidden" for="q">${this.t('contentFinder.search')}</label>
        <input
          id="q"
          type="search"
          autocomplete="off"
          .value=${this._text}
          placeholder=${this.t('contentFinder.placeholder')}
          @input=${this.#onInput}
          @keydown=${this.#onKeydown}
        />
        <span class="count" aria-live="polite">
          ${page ? this.t('contentFinder.results', { count: page.total }) : nothing}
        </span>
      </div>
      ${page ? this.#renderFacets(page) : nothing}
      <div class="results" aria-busy=${busy ? 'true' : 'false'} @keydown=${this.#onKeydown}>
        ${
          status === TaskStatus.ERROR
            ? this.#renderError()
            : !page
              ? renderSkeleton()
              : page.items.length === 0
                ? this.#renderEmpty(page)
                : html`<ul aria-label=${this.t('contentFinder.label')}>
                    ${repeat(
                      page.items,
                      (i) => i.id,
                      (i) => renderItem(i, this.#rowContext()),
                    )}
                  </ul>`
        }
      </div>
    `;
  }

  #label(facet: Facet, value: string): string {
    return facet === 'type' ? this.t(`contentFinder.type.${value}` as MessageKey) : value;
  }

  #renderFacets(page: ContentPage): TemplateResult {
    const current = { type: this.type, product: this.product, language: this.language };
    return html`<div part="facets" aria-label=${this.t('contentFinder.filters')} role="group">
      ${(['type', 'product', 'language'] as const).map(
        (facet) =>
          html`<label>
            <span>${this.t(`contentFinder.facet.${facet}`)}</span>
            <select
              data-facet=${facet}
              @change=${(e: Event) =>
                this.#setFacet(facet, (e.target as HTMLSelectElement).value || undefined)}
            >
              <option value="" ?selected=${!current[facet]}>${this.t('contentFinder.any')}</option>
              ${Object.entries(page.facets[facet])
                // Most first; ties by what the user reads, in their language.
                .sort(
                  (a, b) =>
                    b[1] - a[1] ||
                    this.#label(facet, a[0]).localeCompare(
                      this.#label(facet, b[0]),
                      this.resolvedLocale,
                    ),
                )
                .map(
                  ([value, count]) =>
                    html`<option value=${value} ?selected=${current[facet] === value}>
                      ${this.t('contentFinder.facetValue', { value: this.#label(facet, value), count })}
                    </option>`,
                )}
              ${
                current[facet] && !(current[facet]! in page.facets[facet])
                  ? html`<option value=${current[facet]!} selected>
                      ${this.t('contentFinder.facetValue', { value: this.#label(facet, current[facet]!), count: 0 })}
                    </option>`
                  : nothing
              }
            </select>
          </label>`,
      )}
    </div>`;
  }

  #rowContext(): RowContext {
    return {
      t: (key, params) => this.t(key, params),
      locale: this.resolvedLocale,
      progress: (key) => this._progress.get(key),
      download: (item, format) => void this.#download(item, format),
    };
  }

  #renderEmpty(page: ContentPage): TemplateResult {
    const q = this._text.trim();
    const filtered = Boolean(this.type || this.product || this.language);
    return html`<div part="empty" role="status">
      <p>${q ? this.t('contentFinder.empty', { q }) : this.t('contentFinder.emptyNoQuery')}</p>
      ${
        page.suggestions?.length
          ? html`<p>${this.t('contentFinder.suggestions')}</p>
              <ul class="suggestions">
                ${page.suggestions.map(
                  (s) =>
                    html`<li>
                      <button
                        type="button"
                        class="suggestion"
                        @click=${() => this.#useSuggestion(s)}
                      >
                        ${s}
                      </button>
                    </li>`,
                )}
              </ul>`
          : nothing
      }
      ${
        filtered
          ? html`<button
              type="button"
              @click=${() => {
                this.#immediate = true;
                this.type = undefined;
                this.product = undefined;
                this.language = undefined;
              }}
            >
              ${this.t('contentFinder.clearFilters')}
            </button>`
          : nothing
      }
    </div>`;
  }

  #renderError(): TemplateResult {
    return html`<div part="error" role="alert">
      <p>${this.t('contentFinder.error')}</p>
      <button type="button" @click=${() => void this.refresh()}>${this.t('common.retry')}</button>
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'prm-content-finder': PrmContentFinder;
  }
  interface GlobalEventHandlersEventMap {
    'prm-content-download': CustomEvent<ContentDownloadDetail>;
  }
}
