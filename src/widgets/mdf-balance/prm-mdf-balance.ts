import { html, nothing } from 'lit';
import type { CSSResultGroup, TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { Task, TaskStatus, initialState } from '@lit/task';
import type { PartnerClient } from '../../core/client.js';
import type {
  Me,
  MdfClaim,
  MdfPeriod,
  MdfRequest,
  MdfSummary,
  PrmEvent,
} from '../../core/schema/index.js';
import { registerMessages } from '../shared/i18n.js';
import { LiveEventsController } from '../shared/live-events.js';
import { PrmElement } from '../shared/prm-element.js';
import { StatusController } from '../shared/status.js';
import type { MdfActions } from './mdf-balance-actions.js';
import type { FormsHost } from './mdf-balance-controller.js';
import { canAct, describeError } from './mdf-balance-model.js';
import {
  renderClaims,
  renderExpiry,
  renderMessage,
  renderMeter,
  renderRequestSummary,
  renderSkeleton,
} from './mdf-balance-view.js';
import * as messages from './prm-mdf-balance.messages.js';
import { styles } from './prm-mdf-balance.styles.js';

registerMessages(messages);

interface Data {
  me: Me;
  summary: MdfSummary | null;
  requests: MdfRequest[];
  claims: MdfClaim[];
}

/** Live events arriving close together cause one reload. */
const REFRESH_MS = 150;

/**
 * @summary A partner's market development funds per period: a meter of allocated, pending,
 * approved, claimed, paid and available; its requests and claims; forms to request funds and to
 * claim them with proof; inline decisions for the channel team; live on `mdf.*` events.
 *
 * Partner admins request and claim; partner users read; channel managers and program admins
 * decide (set `partner-id` to choose the partner).
 *
 * @event {CustomEvent<MdfRequest>} prm-mdf-request - A request was submitted or resubmitted here.
 * @event {CustomEvent<MdfClaim>} prm-mdf-claim - A claim was submitted here.
 * @event {CustomEvent<MdfRequest | MdfClaim>} prm-mdf-decide - A decision made here was saved.
 *
 * @csspart period - One period. @csspart meter - The stacked bar. @csspart figures - The six figures.
 * @csspart expiry - The expiry warning. @csspart form - A form. @csspart decision - A decision panel.
 * @csspart badge - Status badges. @csspart empty - The empty state. @csspart error - The error state.
 */
export class PrmMdfBalance extends PrmElement {
  static override styles: CSSResultGroup = styles;

  /** The partner whose funds to show (vendor roles); partner roles always see their own. */
  @property({ attribute: 'partner-id' }) partnerId?: string;

  /** Loads everything again. */
  reload(): Promise<void> {
    return this.#load.run();
  }

  @state() private _data: Data | undefined;
  #refreshTimer: ReturnType<typeof setTimeout> | undefined;
  #status = new StatusController(this, () => ({}));

  /** The forms and decisions: a second chunk, loaded with the data for the roles that act. */
  #actions: MdfActions | undefined;
  #formsHost: FormsHost = {
    client: () => this.resolvedClient,
    locale: () => this.resolvedLocale,
    t: (k, p) => this.t(k, p),
    currency: () => this._data?.summary?.currency ?? 'USD',
    periodOf: (id) => this._data?.summary?.periods.find((p) => p.allocationId === id),
    refresh: () => this.#refresh(),
    announce: (text) => this.#announce(text),
    emit: (name, detail) => void this.emit(name, detail),
  };

  constructor() {
    super();
    new LiveEventsController(this, {
      client: () => this.resolvedClient,
      onEvent: (event) => this.#onEvent(event),
    });
  }

  #load = new Task(this, {
    task: async ([client, partnerId], { signal }) => {
      if (!client) return initialState;
      this._data = await this.#fetch(client, partnerId, signal);
      return this._data;
    },
    args: () => [this.resolvedClient, this.partnerId?.trim() || undefined] as const,
  });

  async #fetch(client: PartnerClient, partnerId: string | undefined, signal?: AbortSignal) {
    const me = await client.me({ signal });
    const id = me.partner?.id ?? partnerId;
    if (!id) return { me, summary: null, requests: [], claims: [] };
    const [summary, requests, claims] = await Promise.all([
      client.mdf.summary(me.partner ? undefined : id, { signal }),
      client.mdf.listRequests({ partnerId: id, limit: 200 }, { signal }),
      client.mdf.listClaims({ partnerId: id, limit: 200 }, { signal }),
      canAct(me.user.role) ? this.#loadActions() : undefined,
    ]);
    return { me, summary, requests: requests.items, claims: claims.items };
  }

  /** Imports the forms' chunk (once) beside the data, so a button never waits for it. */
  async #loadActions(): Promise<void> {
    if (this.#actions) return;
    const { MdfActions, formStyles } = await import('./mdf-balance-actions.js');
    if (this.#actions) return;
    this.#actions = new MdfActions(this, this.#formsHost);
    this.addStyles(formStyles);
  }

  #onEvent(event: PrmEvent): void {
    if (!event.event.startsWith('mdf.')) return;
    const about = (event.data as { partnerId?: string } | null)?.partnerId;
    const shown = this._data?.summary?.partnerId;
    if (!shown || (about && about !== shown)) return;
    clearTimeout(this.#refreshTimer);
    this.#refreshTimer = setTimeout(() => void this.#refresh(), REFRESH_MS);
  }

  /** Reloads in place: what is on screen stays until the new figures replace it. */
  async #refresh(): Promise<void> {
    const client = this.resolvedClient;
    if (!client || this.#load.status === TaskStatus.PENDING) return;
    try {
      this._data = await this.#fetch(client, this.partnerId?.trim() || undefined);
      this.#announce(this.t('mdfBalance.updated'));
    } catch {
      // The next event or a reload tries again; the figures on screen stay.
    }
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this.#refreshTimer);
  }

  #announce(text: string): void {
    // Cleared first, so the same text twice is announced twice.
    this.#status.announce('');
    requestAnimationFrame(() => this.#status.announce(text));
  }

  get #role() {
    return this._data?.me.user.role;
  }

  // ---------------------------------------------------------------- rendering

  protected override render(): TemplateResult {
    const status = this.#load.status;
    let body: TemplateResult;
    if (status === TaskStatus.ERROR && !this._data) {
      body = renderMessage(
        `${this.t('mdfBalance.error')} ${describeError(this.#load.error, (k) => this.t(k))}`,
        'error',
        {
          label: this.t('common.retry'),
          run: () => void this.reload(),
        },
      );
    } else if (!this._data) {
      body = renderSkeleton((k, p) => this.t(k, p));
    } else if (!this._data.summary) {
      body = renderMessage(this.t('mdfBalance.choosePartner'), 'empty');
    } else if (this._data.summary.periods.length === 0) {
      body = renderMessage(this.t('mdfBalance.empty'), 'empty');
    } else {
      body = html`${this._data.summary.periods.map((p) => this.#renderPeriod(p))}`;
    }
    return html`<section class="balance" aria-label=${this.t('mdfBalance.label')}>
      ${this.#status.regions()} ${body}
    </section>`;
  }

  #renderPeriod(p: MdfPeriod): TemplateResult {
    const t = (k: Parameters<typeof this.t>[0], params?: Parameters<typeof this.t>[1]) =>
      this.t(k, params);
    const locale = this.resolvedLocale;
    const now = Date.now();
    const requests = this._data!.requests.filter((r) => r.allocationId === p.allocationId);
    const acting = this.#actions?.period(p, this.#role, now);
    return html`<article
      part="period"
      class="period"
      data-period=${p.period}
      data-allocation=${p.allocationId}
    >
      <header>
        <h3>${t('mdfBalance.period', { period: p.period })}</h3>
        ${acting?.button ?? nothing}
      </header>
      ${renderExpiry(p, locale, t, now)} ${renderMeter(p, locale, t)} ${acting?.form ?? nothing}
      <h4 class="requests-heading">${t('mdfBalance.requests')}</h4>
      ${
        requests.length === 0
          ? html`<p class="none">${t('mdfBalance.noRequests')}</p>`
          : html`<ul part="requests" class="requests">
              ${requests.map((r) => this.#renderRequest(r, now))}
            </ul>`
      }
    </article>`;
  }

  #renderRequest(r: MdfRequest, now: number): TemplateResult {
    const t = (k: Parameters<typeof this.t>[0], params?: Parameters<typeof this.t>[1]) =>
      this.t(k, params);
    const locale = this.resolvedLocale;
    const role = this.#role;
    const actions = this.#actions;
    const claims = this._data!.claims.filter((c) => c.requestId === r.id);
    return html`<li class="request" data-id=${r.id} data-status=${r.status}>
      ${renderRequestSummary(r, locale, t, now)} ${actions?.request(r, role, now) ?? nothing}
      ${renderClaims(claims, locale, t, (c) => actions?.claim(c, role) ?? nothing)}
    </li>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'prm-mdf-balance': PrmMdfBalance;
  }
  interface GlobalEventHandlersEventMap {
    'prm-mdf-request': CustomEvent<MdfRequest>;
    'prm-mdf-claim': CustomEvent<MdfClaim>;
    'prm-mdf-decide': CustomEvent<MdfRequest | MdfClaim>;
  }
}
