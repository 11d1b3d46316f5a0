import { html, nothing } from 'lit';
import type { CSSResultGroup, TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { Task, TaskStatus, initialState } from '@lit/task';
import type { TierHistoryEntry, TierProgress } from '../../core/schema/index.js';
import { registerMessages } from '../shared/i18n.js';
import { LiveEventsController } from '../shared/live-events.js';
import { PrmElement } from '../shared/prm-element.js';
import { StatusController } from '../shared/status.js';
import * as messages from './prm-tier-progress.messages.js';
import { styles } from './prm-tier-progress.styles.js';
import { renderHistory, renderProgress, renderSkeleton } from './tier-progress-view.js';
import type { ViewContext } from './tier-progress-view.js';

// Here, not in an import-only module: bundlers keep this module's top level, as its class is used.
registerMessages(messages);

/** Changes arriving together (a deal won, then the tier it moved) cost one reload. */
const SETTLE_MS = 150;
/** How long the moment of a rise stays on screen. */
const CELEBRATE_MS = 8_000;

/**
 * @summary A partner's way up the tier ladder: its tier, the next one and what it brings, one
 * meter per requirement, the at-risk warning with its review date, the next steps, and the tier
 * history on demand. It follows the event stream: a deal won or a tier changed shows at once.
 *
 * Partner roles see their own partner; vendor roles name one with `partner-id`.
 *
 * @event {CustomEvent<{ partnerId: string; fromTierId: string | null; toTierId: string }>} prm-tier-rise - The partner rose to a higher tier while the widget was open.
 *
 * @csspart badge - The current tier.
 * @csspart requirement - One requirement with its meter.
 * @csspart at-risk - The warning when the tier is at risk.
 * @csspart actions - The next steps.
 * @csspart benefits - What the next tier brings.
 * @csspart history - The tier history.
 * @csspart celebration - The message shown when the partner rises.
 * @csspart error - The error state, with its retry button.
 *
 * @cssstate loading - The progress is loading.
 * @cssstate error - The progress could not be loaded.
 * @cssstate at-risk - The current tier is at risk.
 */
export class PrmTierProgress extends PrmElement {
  static override styles: CSSResultGroup = styles;

  /** The partner to show (vendor roles); partner roles see their own without it. */
  @property({ attribute: 'partner-id' }) partnerId?: string;

  /** The progress as last loaded. */
  get progress(): TierProgress | undefined {
    return this.#progress.value;
  }

  /** Loads the progress again. */
  reload(): Promise<void> {
    return this.#progress.run();
  }

  @state() private _historyOpen = false;
  @state() private _celebration = '';

  #settle: ReturnType<typeof setTimeout> | undefined;
  #celebrateTimer: ReturnType<typeof setTimeout> | undefined;

  #me = new Task(this, {
    task: async ([client, partnerId], { signal }) =>
      client && !partnerId ? client.me({ signal }) : initialState,
    args: () => [this.resolvedClient, this.partnerId] as const,
  });

  get #partner(): string | undefined {
    return this.partnerId || this.#me.value?.partner?.id || undefined;
  }

  #progress = new Task(this, {
    task: async ([client, partnerId], { signal }) => {
      if (!client || !partnerId) return initialState;
      const before = this.#progress.value;
      const next = await client.tiers.progress(partnerId, { signal });
      if (before && before.partnerId === next.partnerId) this.#compare(before, next);
      if (this._historyOpen) void this.#history.run();
      return next;
    },
    args: () => [this.resolvedClient, this.#partner] as const,
  });

  #history = new Task(this, {
    autoRun: false,
    task: async (_args: readonly [], { signal }) => {
      const client = this.resolvedClient;
      const partnerId = this.#partner;
      if (!client || !partnerId) return initialState;
      const [page, ladder] = await Promise.all([
        client.tiers.history(partnerId, { limit: 20 }, { signal }),
        client.tiers.get({ signal }),
      ]);
      return {
        items: page.items as TierHistoryEntry[],
        names: new Map(ladder.tiers.map((t) => [t.id, t.name])),
      };
    },
  });

  #status = new StatusController(this, () => {
    const value = this.#progress.value;
    const failed =
      this.#progress.status === TaskStatus.ERROR || this.#me.status === TaskStatus.ERROR;
    return {
      loading: !failed && !value,
      error: failed,
      'at-risk': value?.retention.status === 'at_risk',
    };
  });

  // Kept for its subscription, which lives and dies with the element.
  protected readonly live = new LiveEventsController(this, {
    client: () => this.resolvedClient,
    onEvent: (event) => {
      const partnerId = this.#partner;
      const data = event.data as { partnerId?: string } | undefined;
      if (!partnerId || data?.partnerId !== partnerId) return;
      if (event.event !== 'tier.changed' && event.event !== 'deal.updated') return;
      clearTimeout(this.#settle);
      this.#settle = setTimeout(() => void this.#progress.run(), SETTLE_MS);
    },
  });

  #compare(before: TierProgress, after: TierProgress): void {
    if (before.currentTier.id === after.currentTier.id) return;
    const rose = after.currentTier.rank > before.currentTier.rank;
    const tier = after.currentTier.name;
    const news = this.t(rose ? 'tierProgress.rose' : 'tierProgress.changed', { tier });
    this.#status.announce(news);
    if (!rose) return;
    this._celebration = news;
    clearTimeout(this.#celebrateTimer);
    this.#celebrateTimer = setTimeout(() => (this._celebration = ''), CELEBRATE_MS);
    this.emit('prm-tier-rise', {
      partnerId: after.partnerId,
      fromTierId: before.currentTier.id,
      toTierId: after.currentTier.id,
    });
  }

  protected override updated(): void {
    for (const bar of this.renderRoot.querySelectorAll<HTMLElement>('[data-fill]')) {
      bar.style.inlineSize = `${bar.dataset['fill']}%`;
    }
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this.#settle);
    clearTimeout(this.#celebrateTimer);
  }

  #toggleHistory(): void {
    this._historyOpen = !this._historyOpen;
    if (this._historyOpen) void this.#history.run();
  }

  #renderHistory(c: ViewContext): TemplateResult {
    const open = this._historyOpen;
    const h = this.#history;
    return html`<section class="stack">
      <button
        type="button"
        aria-expanded=${open}
        aria-controls="history"
        @click=${this.#toggleHistory}
      >
        ${c.t(open ? 'tierProgress.hideHistory' : 'tierProgress.showHistory')}
      </button>
      <div id="history" ?hidden=${!open} aria-busy=${h.status === TaskStatus.PENDING}>
        ${
          !open
            ? nothing
            : h.status === TaskStatus.ERROR
              ? html`<p part="error">${c.t('tierProgress.historyError')}</p>`
              : h.value
                ? html`<h3 class="visually-hidden">${c.t('tierProgress.history')}</h3>
                    ${renderHistory(h.value.items, h.value.names, c)}`
                : html`<p class="muted">${c.t('common.loading')}</p>`
        }
      </div>
    </section>`;
  }

  protected override render(): TemplateResult {
    const c: ViewContext = { locale: this.resolvedLocale, t: (k, p) => this.t(k, p) };
    const status = this.#progress.status;
    const value = this.#progress.value;
    const meFailed = this.#me.status === TaskStatus.ERROR;
    const failed = status === TaskStatus.ERROR || meFailed;
    const live = this.#status.regions();
    if (failed) {
      return html`<div part="error" role="alert">
          <p>${c.t('tierProgress.error')}</p>
          <button type="button" @click=${() => (meFailed ? this.#me.run() : this.#progress.run())}>
            ${c.t('common.retry')}
          </button>
        </div>
        ${live}`;
    }
    if (this.#me.status === TaskStatus.COMPLETE && !this.#partner) {
      return html`<p class="muted">${c.t('tierProgress.noPartner')}</p>`;
    }
    if (!value) return renderSkeleton(c);
    return html`<section
        aria-label=${c.t('tierProgress.label')}
        class=${this._celebration ? 'celebrate' : ''}
      >
        ${renderProgress(value, c, {
          celebration: this._celebration,
          history: this.#renderHistory(c),
        })}
      </section>
      ${live}`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'prm-tier-progress': PrmTierProgress;
  }
  interface GlobalEventHandlersEventMap {
    'prm-tier-rise': CustomEvent<{
      partnerId: string;
      fromTierId: string | null;
      toTierId: string;
    }>;
  }
}
