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
import { renderClaimForm, renderDecision, renderRequestForm } from './mdf-balance-forms.js';
import type { Open } from './mdf-balance-controller.js';
import { MdfForms } from './mdf-balance-controller.js';
import {
  amountText,
  claimOpen,
  claimable,
  describeError,
  emptyRequest,
  expiryOf,
  isDecider,
  requestValuesOf,
} from './mdf-balance-model.js';
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

  #forms = new MdfForms(this, {
    client: () => this.resolvedClient,
    locale: () => this.resolvedLocale,
    t: (k, p) => this.t(k, p),
    currency: () => this._data?.summary?.currency ?? 'USD',
    periodOf: (id) => this._data?.summary?.periods.find((p) => p.allocationId === id),
    refresh: () => this.#refresh(),
    announce: (text) => this.#announce(text),
    emit: (name, detail) => void this.emit(name, detail),
  });

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
    ]);
    return { me, summary, requests: requests.items, claims: claims.items };
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
    const open = this.#forms.open;
    const canRequest =
      this.#role === 'partner_admin' &&
      expiryOf(p.expiresAt, now).kind !== 'expired' &&
      p.available.amount > 0;
    return html`<article
      part="period"
      class="period"
      data-period=${p.period}
      data-allocation=${p.allocationId}
    >
      <header>
        <h3>${t('mdfBalance.period', { period: p.period })}</h3>
        ${
          canRequest && !(open?.kind === 'request' && open.allocationId === p.allocationId)
            ? html`<button
                type="button"
                class="primary"
                data-action="request"
                @click=${() => this.#forms.openForm({ kind: 'request', allocationId: p.allocationId }, emptyRequest())}
              >
                ${t('mdfBalance.requestFunds')}
              </button>`
            : nothing
        }
      </header>
      ${renderExpiry(p, locale, t, now)} ${renderMeter(p, locale, t)}
      ${
        open?.kind === 'request' && open.allocationId === p.allocationId && !open.editing
          ? renderRequestForm(
              this.#forms.ctx(`req-${p.allocationId}`, () => this.#forms.submitRequest()),
              t('mdfBalance.form.request', { period: p.period }),
              p.available.currency,
              false,
            )
          : nothing
      }
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
    const open = this.#forms.open;
    const claims = this._data!.claims.filter((c) => c.requestId === r.id);
    const here = (kind: Open['kind']): boolean => {
      if (!open || open.kind !== kind) return false;
      if (open.kind === 'request') return open.editing?.id === r.id;
      if (open.kind === 'decide-claim') return false;
      return open.request.id === r.id;
    };
    const action = (name: string, label: string, run: () => void) =>
      html`<button type="button" data-action=${name} @click=${run}>${label}</button>`;
    const actions: TemplateResult[] = [];
    if (role === 'partner_admin' && r.status === 'returned' && !here('request')) {
      actions.push(
        action('edit', t('mdfBalance.edit'), () =>
          this.#forms.openForm(
            { kind: 'request', allocationId: r.allocationId, editing: r },
            requestValuesOf(r, locale),
          ),
        ),
      );
    }
    if (role === 'partner_admin' && claimable(r) > 0 && claimOpen(r, now) && !here('claim')) {
      actions.push(
        action('claim', t('mdfBalance.claimFunds'), () =>
          this.#forms.openForm(
            { kind: 'claim', request: r },
            { amount: amountText(claimable(r), locale, r.requestedAmount.currency) },
          ),
        ),
      );
    }
    if (isDecider(role) && r.status === 'submitted' && !here('decide-request')) {
      actions.push(
        action('review', t('mdfBalance.review'), () =>
          this.#forms.openForm(
            { kind: 'decide-request', request: r },
            { amount: amountText(r.requestedAmount.amount, locale, r.requestedAmount.currency) },
          ),
        ),
      );
    }
    const claimActions = (c: MdfClaim) =>
      isDecider(role) && c.status === 'submitted'
        ? open?.kind === 'decide-claim' && open.claim.id === c.id
          ? renderDecision(
              this.#forms.ctx(`dc-${c.id}`, () => {}),
              ['approve', 'reject'],
              undefined,
              (v) => this.#forms.decide(v),
            )
          : action('review-claim', t('mdfBalance.review'), () =>
              this.#forms.openForm({ kind: 'decide-claim', claim: c }),
            )
        : nothing;
    return html`<li class="request" data-id=${r.id} data-status=${r.status}>
      ${renderRequestSummary(r, locale, t, now)}
      ${actions.length ? html`<div class="actions">${actions}</div>` : nothing}
      ${
        here('request')
          ? renderRequestForm(
              this.#forms.ctx(`edit-${r.id}`, () => this.#forms.submitRequest()),
              t('mdfBalance.edit'),
              r.requestedAmount.currency,
              true,
            )
          : nothing
      }
      ${
        here('claim')
          ? renderClaimForm(
              this.#forms.ctx(`claim-${r.id}`, () => this.#forms.submitClaim()),
              t('mdfBalance.form.claim', { title: r.activity.title }),
              r.requestedAmount.currency,
              this.#forms.uploads,
              (f) => this.#forms.onFiles(f),
              (key) => this.#forms.removeUpload(key),
            )
          : nothing
      }
      ${
        here('decide-request')
          ? renderDecision(
              this.#forms.ctx(`dr-${r.id}`, () => {}),
              ['approve', 'return', 'reject'],
              r.requestedAmount.currency,
              (v) => this.#forms.decide(v),
            )
          : nothing
      }
      ${renderClaims(claims, locale, t, claimActions)}
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
