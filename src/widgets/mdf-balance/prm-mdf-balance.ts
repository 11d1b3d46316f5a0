import { html, nothing } from 'lit';
import type { CSSResultGroup, TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { Task, TaskStatus, initialState } from '@lit/task';
import type { PartnerClient } from '../../core/client.js';
import { isPartnerApiError } from '../../core/errors.js';
import type {
  Me,
  MdfClaim,
  MdfPeriod,
  MdfRequest,
  MdfSummary,
  PrmEvent,
} from '../../core/schema/index.js';
import { LiveEventsController } from '../deal-list/deal-list-controllers.js';
import { registerMessages } from '../shared/i18n.js';
import { PrmElement } from '../shared/prm-element.js';
import type { FormContext, Verdict } from './mdf-balance-forms.js';
import { renderClaimForm, renderDecision, renderRequestForm } from './mdf-balance-forms.js';
import type { Problem, Upload } from './mdf-balance-model.js';
import {
  CLAIM_FIELDS,
  REQUEST_FIELDS,
  amountProblem,
  amountText,
  buildClaim,
  buildRequest,
  claimOpen,
  claimable,
  describeError,
  emptyRequest,
  expiryOf,
  isDecider,
  parseAmount,
  requestValuesOf,
  serverProblems,
} from './mdf-balance-model.js';
import {
  money,
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

type Open =
  | { kind: 'request'; allocationId: string; editing?: MdfRequest }
  | { kind: 'claim'; request: MdfRequest }
  | { kind: 'decide-request'; request: MdfRequest }
  | { kind: 'decide-claim'; claim: MdfClaim };

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
  @state() private _open: Open | undefined;
  @state() private _values: Record<string, string> = {};
  @state() private _errors: Record<string, string | undefined> = {};
  @state() private _formError: string | undefined;
  @state() private _busy = false;
  @state() private _uploads: Upload[] = [];
  @state() private _announcement = '';
  #uploadKey = 0;
  #refreshTimer: ReturnType<typeof setTimeout> | undefined;

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
    this._announcement = '';
    requestAnimationFrame(() => (this._announcement = text));
  }

  get #role() {
    return this._data?.me.user.role;
  }

  #currency(): string {
    return this._data?.summary?.currency ?? 'USD';
  }

  #periodOf(allocationId: string): MdfPeriod | undefined {
    return this._data?.summary?.periods.find((p) => p.allocationId === allocationId);
  }

  // ---------------------------------------------------------------- forms

  #openForm(open: Open | undefined, values: Record<string, string> = {}): void {
    this._open = open;
    this._values = values;
    this._errors = {};
    this._formError = undefined;
    this._uploads = [];
  }

  #text(p: Problem): string {
    return this.t(p.key, p.params);
  }

  /** The live limit of the amount field: what is available, or what is left to claim. */
  #limit():
    | {
        minor: number;
        text: string;
        key: 'mdfBalance.error.overAvailable' | 'mdfBalance.error.overClaimable';
      }
    | undefined {
    const open = this._open;
    const currency = this.#currency();
    const locale = this.resolvedLocale;
    if (open?.kind === 'request') {
      const p = this.#periodOf(open.allocationId);
      if (!p) return undefined;
      const minor = p.available.amount;
      return {
        minor,
        text: money({ amount: minor, currency }, locale),
        key: 'mdfBalance.error.overAvailable',
      };
    }
    if (open?.kind === 'claim') {
      const minor = claimable(open.request);
      return {
        minor,
        text: money({ amount: minor, currency }, locale),
        key: 'mdfBalance.error.overClaimable',
      };
    }
    return undefined;
  }

  #input(field: string, value: string): void {
    this._values = { ...this._values, [field]: value };
    const errors = { ...this._errors, [field]: undefined };
    const limit = this.#limit();
    // The amount is checked as it is typed, against what is available right now.
    if (field === 'amount' && limit && value.trim()) {
      const p = amountProblem(
        value,
        this.resolvedLocale,
        this.#currency(),
        limit.minor,
        limit.key,
        limit.text,
      );
      errors['amount'] = p && p.key !== 'mdfBalance.error.required' ? this.#text(p) : undefined;
    }
    this._errors = errors;
  }

  #fail(error: unknown, fields: readonly string[]): void {
    if (isPartnerApiError(error)) {
      const { problems, rest } = serverProblems(error.fieldErrors, fields);
      const errors: Record<string, string | undefined> = {};
      for (const [f, p] of Object.entries(problems)) errors[f] = (p as { text: string }).text;
      if (error.code === 'insufficient_funds' && fields.includes('amount')) {
        errors['amount'] = error.problem.detail ?? error.problem.title;
      }
      this._errors = { ...this._errors, ...errors };
      this._formError =
        Object.keys(errors).length > 0 && rest.length === 0
          ? this.t('mdfBalance.error.form')
          : rest.join(' ') || describeError(error, (k) => this.t(k));
    } else {
      this._formError = describeError(error, (k) => this.t(k));
    }
  }

  async #save<R>(
    run: (client: PartnerClient) => Promise<R>,
    done: (r: R) => void,
    fields: readonly string[],
  ) {
    const client = this.resolvedClient;
    if (!client || this._busy) return;
    this._busy = true;
    this._formError = undefined;
    try {
      const result = await run(client);
      this.#openForm(undefined);
      done(result);
      await this.#refresh();
    } catch (error) {
      // What was typed stays; the problems show beside the fields.
      this.#fail(error, fields);
    } finally {
      this._busy = false;
    }
  }

  #submitRequest(): void {
    const open = this._open;
    if (open?.kind !== 'request') return;
    const limit = this.#limit()!;
    // A resubmission may ask again for what the returned request had held.
    const built = buildRequest(
      this._values as Record<(typeof REQUEST_FIELDS)[number], string>,
      this.resolvedLocale,
      this.#currency(),
      limit.minor,
      limit.text,
    );
    if (!built.input) {
      this._errors = Object.fromEntries(
        Object.entries(built.problems).map(([f, p]) => [f, this.#text(p!)]),
      );
      this._formError = this.t('mdfBalance.error.form');
      return;
    }
    const input = built.input;
    void this.#save(
      (client) =>
        open.editing
          ? client.mdf.resubmit(open.editing.id, input)
          : client.mdf.request({ allocationId: open.allocationId, ...input }),
      (r) => {
        this.#announce(
          this.t('mdfBalance.submitted', { amount: money(r.requestedAmount, this.resolvedLocale) }),
        );
        this.emit('prm-mdf-request', r);
      },
      REQUEST_FIELDS,
    );
  }

  #onFiles(files: FileList): void {
    const client = this.resolvedClient;
    if (!client) return;
    for (const file of Array.from(files)) {
      const key = ++this.#uploadKey;
      this._uploads = [...this._uploads, { key, name: file.name, state: 'uploading' }];
      this._errors = { ...this._errors, files: undefined };
      const settle = (patch: Partial<Upload>) =>
        (this._uploads = this._uploads.map((u) => (u.key === key ? { ...u, ...patch } : u)));
      client.files.upload(file, { name: file.name }).then(
        (info) => settle({ state: 'done', fileId: info.id }),
        (error: unknown) =>
          settle({ state: 'failed', error: describeError(error, (k) => this.t(k)) }),
      );
    }
  }

  #submitClaim(): void {
    const open = this._open;
    if (open?.kind !== 'claim') return;
    const limit = this.#limit()!;
    const built = buildClaim(
      {
        amount: this._values['amount'] ?? '',
        leads: this._values['leads'] ?? '',
        notes: this._values['notes'] ?? '',
      },
      this._uploads,
      this.resolvedLocale,
      this.#currency(),
      limit.minor,
      limit.text,
    );
    if (!built.input) {
      this._errors = Object.fromEntries(
        Object.entries(built.problems).map(([f, p]) => [f, this.#text(p!)]),
      );
      this._formError = this.t('mdfBalance.error.form');
      return;
    }
    const input = built.input;
    void this.#save(
      (client) => client.mdf.claim(open.request.id, input),
      (c) => {
        this.#announce(
          this.t('mdfBalance.claimSubmitted', { amount: money(c.amount, this.resolvedLocale) }),
        );
        this.emit('prm-mdf-claim', c);
      },
      CLAIM_FIELDS,
    );
  }

  #decide(verdict: Verdict): void {
    const open = this._open;
    const comment = this._values['comment']?.trim() || undefined;
    if (open?.kind === 'decide-request') {
      const r = open.request;
      let approvedAmount: { amount: number; currency: string } | undefined;
      if (verdict === 'approve') {
        const p = parseAmount(
          this._values['amount'] ?? '',
          this.resolvedLocale,
          r.requestedAmount.currency,
        );
        if (!p.ok) {
          this._errors = { amount: this.#text(p.problem) };
          return;
        }
        approvedAmount = { amount: p.minor, currency: r.requestedAmount.currency };
      }
      void this.#save(
        (client) =>
          client.mdf.decideRequest(r.id, {
            decision: verdict,
            ...(approvedAmount ? { approvedAmount } : {}),
            ...(comment ? { comment } : {}),
          }),
        (saved) => this.#decided(saved.activity.title, saved),
        ['amount', 'comment'],
      );
    } else if (open?.kind === 'decide-claim' && verdict !== 'return') {
      const c = open.claim;
      void this.#save(
        (client) =>
          client.mdf.decideClaim(c.id, { decision: verdict, ...(comment ? { comment } : {}) }),
        (saved) => this.#decided(money(saved.amount, this.resolvedLocale), saved),
        ['comment'],
      );
    }
  }

  #decided(title: string, saved: MdfRequest | MdfClaim): void {
    this.#announce(
      this.t('mdfBalance.decided', { title, status: this.t(`mdfBalance.status.${saved.status}`) }),
    );
    this.emit('prm-mdf-decide', saved);
  }

  #ctx(id: string, submit: () => void): FormContext {
    const limit = this.#limit();
    return {
      id,
      values: this._values,
      errors: this._errors,
      hints: limit
        ? {
            amount: this.t(
              limit.key === 'mdfBalance.error.overAvailable'
                ? 'mdfBalance.hint.available'
                : 'mdfBalance.hint.claimable',
              { available: limit.text, amount: limit.text },
            ),
          }
        : {},
      busy: this._busy,
      formError: this._formError,
      t: (k, p) => this.t(k, p),
      input: (f, v) => this.#input(f, v),
      submit,
      cancel: () => this.#openForm(undefined),
    };
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
      <div class="visually-hidden" role="status" aria-live="polite">${this._announcement}</div>
      ${body}
    </section>`;
  }

  #renderPeriod(p: MdfPeriod): TemplateResult {
    const t = (k: Parameters<typeof this.t>[0], params?: Parameters<typeof this.t>[1]) =>
      this.t(k, params);
    const locale = this.resolvedLocale;
    const now = Date.now();
    const requests = this._data!.requests.filter((r) => r.allocationId === p.allocationId);
    const open = this._open;
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
                @click=${() => this.#openForm({ kind: 'request', allocationId: p.allocationId }, emptyRequest())}
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
              this.#ctx(`req-${p.allocationId}`, () => this.#submitRequest()),
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
    const open = this._open;
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
          this.#openForm(
            { kind: 'request', allocationId: r.allocationId, editing: r },
            requestValuesOf(r, locale),
          ),
        ),
      );
    }
    if (role === 'partner_admin' && claimable(r) > 0 && claimOpen(r, now) && !here('claim')) {
      actions.push(
        action('claim', t('mdfBalance.claimFunds'), () =>
          this.#openForm(
            { kind: 'claim', request: r },
            { amount: amountText(claimable(r), locale, r.requestedAmount.currency) },
          ),
        ),
      );
    }
    if (isDecider(role) && r.status === 'submitted' && !here('decide-request')) {
      actions.push(
        action('review', t('mdfBalance.approve') + ' / ' + t('mdfBalance.reject'), () =>
          this.#openForm(
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
              this.#ctx(`dc-${c.id}`, () => {}),
              ['approve', 'reject'],
              undefined,
              (v) => this.#decide(v),
            )
          : action('review-claim', t('mdfBalance.approve') + ' / ' + t('mdfBalance.reject'), () =>
              this.#openForm({ kind: 'decide-claim', claim: c }),
            )
        : nothing;
    return html`<li class="request" data-id=${r.id} data-status=${r.status}>
      ${renderRequestSummary(r, locale, t, now)}
      ${actions.length ? html`<div class="actions">${actions}</div>` : nothing}
      ${
        here('request')
          ? renderRequestForm(
              this.#ctx(`edit-${r.id}`, () => this.#submitRequest()),
              t('mdfBalance.edit'),
              r.requestedAmount.currency,
              true,
            )
          : nothing
      }
      ${
        here('claim')
          ? renderClaimForm(
              this.#ctx(`claim-${r.id}`, () => this.#submitClaim()),
              t('mdfBalance.form.claim', { title: r.activity.title }),
              r.requestedAmount.currency,
              this._uploads,
              (f) => this.#onFiles(f),
              (key) => (this._uploads = this._uploads.filter((u) => u.key !== key)),
            )
          : nothing
      }
      ${
        here('decide-request')
          ? renderDecision(
              this.#ctx(`dr-${r.id}`, () => {}),
              ['approve', 'return', 'reject'],
              r.requestedAmount.currency,
              (v) => this.#decide(v),
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
