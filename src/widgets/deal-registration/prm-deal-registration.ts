import { html, nothing } from 'lit';
import type { CSSResultGroup, PropertyValues, TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { Task, TaskStatus, initialState } from '@lit/task';
import { newIdempotencyKey } from '../../core/client/request.js';
import { formatRelative } from '../../core/format.js';
import type { Deal, DealInput } from '../../core/schema/deal.js';
import type { Program } from '../../core/schema/program.js';
import { registerMessages } from '../shared/i18n.js';
import type { MessageKey, MessageParams } from '../shared/i18n.js';
import { PrmElement } from '../shared/prm-element.js';
import { StatusController } from '../shared/status.js';
import { FormDraftStore, apiBaseOf, draftStorageKey, newFormDraft } from './form-draft.js';
import type { FormDraft } from './form-draft.js';
import { FormFields } from './fields.js';
import { buildInput, emptyValues, fitToProgram, hasContent, prefill } from './form.js';
import type { FieldName, FieldProblems, FormValues } from './form.js';
import { LiveCheck } from './live-check.js';
import * as messages from './prm-deal-registration.messages.js';
import { styles } from './prm-deal-registration.styles.js';
import { classify, needsSignIn } from './submission.js';
import type { Failure } from './submission.js';
import * as views from './views.js';

// Here, not in an import-only module: bundlers keep this module's top level, as its class is used.
registerMessages(messages);

const CHECKED: readonly FieldName[] = ['customerName', 'customerDomain', 'products'];

/**
 * @summary Registers a deal in under a minute: the short form, a live conflict check while the
 * customer is typed, one idempotency key per draft, the outcome at once, and a draft that survives
 * reloads.
 *
 * @event {CustomEvent<DealInput>} prm-deal-submit - Before sending, with the validated input; cancelable: `preventDefault()` stops the submit.
 * @event {CustomEvent<Deal>} prm-deal-registered - The deal the server registered, whatever its status.
 * @event {CustomEvent<Deal>} prm-deal-select - The user asked to open their existing registration of this customer (after a duplicate); `detail` is that deal, as `<prm-deal-list>` sends it.
 *
 * @csspart form - The form, and the panels that stand in its place (loading, errors, outcome).
 * @csspart field - Each labelled field.
 * @csspart error - A field's error message, and the load error.
 * @csspart badge - A status or conflict badge.
 * @csspart status - Notices: restored draft, conflict warnings, submit failures, the outcome.
 *
 * @cssproperty [--prm-accent=#0b5cab] - Primary button and focus colour.
 * @cssproperty [--prm-danger=#ba0517] - Errors and blocking conflicts.
 * @cssproperty [--prm-warning=#8c4b02] - Warnings that send a deal to review.
 * @cssproperty [--prm-success=#2e844a] - The approved badge.
 * @cssproperty [--prm-deal-registration-max-width=44rem] - The widest the form grows.
 *
 * @cssstate loading - The program is loading.
 * @cssstate submitting - A registration is being sent.
 * @cssstate registered - The outcome is shown.
 */
export class PrmDealRegistration extends PrmElement {
  static override styles: CSSResultGroup = styles;

  // ---------------------------------------------------------------- public API

  /** Prefill: the customer's name, when the host knows it. Fills only an empty field. */
  @property({ attribute: 'customer-name' }) customerName?: string;

  /** Prefill: the customer's website or domain. Fills only an empty field. */
  @property({ attribute: 'customer-domain' }) customerDomain?: string;

  /** Prefill: program product ids, comma-separated. Used only when no product is chosen. */
  @property() products?: string;

  /** Milliseconds of typing pause before the live conflict check runs. */
  @property({ attribute: 'check-delay', type: Number }) checkDelay = 400;

  // ---------------------------------------------------------------- implementation

  @state() private values: FormValues = emptyValues();
  @state() private problems: FieldProblems = {};
  @state() private phase: 'editing' | 'submitting' | 'done' = 'editing';
  @state() private deal: Deal | undefined;
  @state() private failure: Failure | undefined;
  @state() private restoredAt: string | undefined;
  @state() private confirmingDiscard = false;

  #program: Program | undefined;
  #store: FormDraftStore | undefined;
  #draft: FormDraft | undefined;
  #submitAbort: AbortController | undefined;
  #announcedWarnings = '';
  #status = new StatusController(this, () => ({
    loading: this.#load.status === TaskStatus.PENDING,
    submitting: this.phase === 'submitting',
    registered: this.phase === 'done',
  }));
  #check = new LiveCheck(
    this,
    () => this.resolvedClient,
    () => this.checkDelay,
  );
  #fields = new FormFields({
    values: () => this.values,
    problems: () => this.problems,
    program: () => this.#program,
    locale: () => this.resolvedLocale,
    onInput: (field, value) => this.#edit(field, value),
    onBlur: (field) => this.#blurred(field),
  });

  #load = new Task(this, {
    args: () => [this.resolvedClient] as const,
    task: async ([client], { signal }) => {
      if (!client) return initialState;
      const [program, me] = await Promise.all([
        client.program.get({ signal }),
        client.me({ signal }),
      ]);
      this.#start(program, new FormDraftStore(draftStorageKey(apiBaseOf(client), me.user.id)));
      return program;
    },
  });

  /** The idempotency key the next submit will carry (for hosts that log it). */
  get idempotencyKey(): string | undefined {
    return this.#draft?.key;
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    // The draft and its key are saved: a submit cut off here replays when retried.
    this.#submitAbort?.abort();
  }

  /** Starts the form from the stored draft, else a fresh one; prefill fills what is empty. */
  #start(program: Program, store: FormDraftStore): void {
    this.#program = program;
    this.#store = store;
    const stored = store.load();
    const restore = stored && hasContent(stored.values);
    const base = restore
      ? fitToProgram(stored.values, program)
      : emptyValues(program.currencies[0]);
    this.#draft = { ...(restore ? stored : newFormDraft(base)), values: this.#prefill(base) };
    this.values = this.#draft.values;
    this.restoredAt = restore ? stored.savedAt || new Date().toISOString() : undefined;
    this.problems = {};
    this.failure = undefined;
    this.deal = undefined;
    this.phase = 'editing';
    this.confirmingDiscard = false;
    if (this.restoredAt) this.#status.announce(this.#restoredText());
    this.#check.reset();
    this.#check.schedule(this.values);
  }

  #prefill(values: FormValues): FormValues {
    return prefill(values, this.#program, {
      customerName: this.customerName,
      customerDomain: this.customerDomain,
      products: this.products,
    });
  }

  #edit(field: FieldName, value: string | string[]): void {
    this.values = { ...this.values, [field]: value };
    this.#saveDraft();
    if (this.problems[field]) this.#revalidate(field);
    if (field === 'currency' && this.problems.amount) this.#revalidate('amount');
    if (CHECKED.includes(field)) this.#check.schedule(this.values);
  }

  #blurred(field: FieldName): void {
    // Tabbing through an untouched field is not an error yet; the submit says what is missing.
    const value = this.values[field];
    if (this.problems[field] || (Array.isArray(value) ? value.length : value.trim())) {
      this.#revalidate(field);
    }
  }

  #revalidate(field: FieldName): void {
    const result = buildInput(this.values, this.resolvedLocale);
    const problems: FieldProblems = { ...this.problems };
    const problem = result.ok ? undefined : result.problems[field];
    if (problem) problems[field] = problem;
    else delete problems[field];
    this.problems = problems;
  }

  #saveDraft(): void {
    if (!this.#draft || !this.#store) return;
    this.#draft = { ...this.#draft, values: this.values, savedAt: new Date().toISOString() };
    this.#store.save(this.#draft);
  }

  /** After an answer that created nothing, the next submit is a new request and needs a new key. */
  #renewKey(): void {
    if (!this.#draft) return;
    this.#draft = { ...this.#draft, key: newIdempotencyKey() };
    this.#store?.save(this.#draft);
  }

  async #submit(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const client = this.resolvedClient;
    if (this.phase !== 'editing' || !client || !this.#draft) return;
    const result = buildInput(this.values, this.resolvedLocale);
    if (!result.ok) {
      this.failure = undefined;
      await this.#showProblems(result.problems);
      return;
    }
    this.problems = {};
    const submit = this.emit('prm-deal-submit', result.input, { cancelable: true });
    if (submit.defaultPrevented) return;
    this.#saveDraft();
    this.phase = 'submitting';
    this.failure = undefined;
    this.#status.alert('');
    const abort = new AbortController();
    this.#submitAbort = abort;
    try {
      const deal = await client.deals.register(result.input, {
        signal: abort.signal,
        idempotencyKey: this.#draft.key,
      });
      this.#store?.clear();
      this.#draft = undefined;
      this.#check.reset();
      this.deal = deal;
      this.phase = 'done';
      this.restoredAt = undefined;
      const status = this.t(`dealRegistration.status.${deal.status}` as MessageKey);
      this.#status.announce(
        `${this.t('dealRegistration.outcome.announce', { status })} ${views.outcomeText(deal, this.resolvedLocale, this.#t)}`,
      );
      this.emit('prm-deal-registered', deal);
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('.outcome')?.focus();
    } catch (error) {
      this.phase = 'editing';
      await this.#failed(error);
    } finally {
      if (this.#submitAbort === abort) this.#submitAbort = undefined;
    }
  }

  async #failed(error: unknown): Promise<void> {
    const outcome = classify(error);
    if (!outcome) return;
    if (outcome.renewKey) this.#renewKey();
    this.failure = outcome.failure;
    if (Object.keys(outcome.problems).length) await this.#showProblems(outcome.problems);
    else this.#status.alert(views.failureText(outcome.failure, this.#t));
  }

  async #showProblems(problems: FieldProblems): Promise<void> {
    this.problems = problems;
    const count = Object.keys(problems).length;
    this.#status.alert(
      count
        ? this.t('dealRegistration.errorSummary', { count })
        : views.failureText(this.failure, this.#t),
    );
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }

  /** Opens one's own existing registration: hosts handle it as a selection in the deal list. */
  async #openExisting(id: string): Promise<void> {
    try {
      const deal = await this.requireClient().deals.get(id);
      this.emit('prm-deal-select', deal);
    } catch {
      this.#status.alert(this.t('common.error'));
    }
  }

  async #discard(confirmed: boolean): Promise<void> {
    this.confirmingDiscard = false;
    if (confirmed && this.#program) {
      this.#store?.clear();
      const values = this.#prefill(emptyValues(this.#program.currencies[0]));
      this.#draft = newFormDraft(values);
      this.values = values;
      this.problems = {};
      this.failure = undefined;
      this.restoredAt = undefined;
      this.#status.alert('');
      this.#status.announce(this.t('dealRegistration.discarded'));
      this.#check.reset();
      this.#check.schedule(values);
    }
    await this.updateComplete;
    const target = confirmed ? 'input' : '.discard';
    this.renderRoot.querySelector<HTMLElement>(target)?.focus();
  }

  async #askDiscard(): Promise<void> {
    this.confirmingDiscard = true;
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('.confirm button')?.focus();
  }

  #another(): void {
    if (this.#program && this.#store) this.#start(this.#program, this.#store);
    void this.updateComplete.then(() => this.renderRoot.querySelector('input')?.focus());
  }

  #restoredText(): string {
    const when = this.restoredAt ? formatRelative(this.restoredAt, this.resolvedLocale) : '';
    return this.t('dealRegistration.restored', { when });
  }

  #t = (key: MessageKey, params?: MessageParams) => this.t(key, params);

  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    const state = this.#check.state;
    const warnings = state.kind === 'done' ? views.warningsOf(state.report, this.#t) : [];
    const said = warnings.map((w) => w.text).join(' ');
    if (said !== this.#announcedWarnings) {
      const stale = this.#announcedWarnings && this.#status.polite === this.#announcedWarnings;
      this.#announcedWarnings = said;
      if (said) this.#status.announce(said);
      // The warnings went away: what the status said of them is no longer true.
      else if (stale)
        this.#status.announce(state.kind === 'done' ? views.clearText(state, this.#t) : '');
    }
  }

  // ---------------------------------------------------------------- rendering

  protected override render(): TemplateResult {
    const body = this.#load.render({
      initial: () => html`<p part="status" class="panel">${this.t('common.missingClient')}</p>`,
      pending: () => views.skeleton(this.#t),
      error: (error) => views.loadErrorView(needsSignIn(error), this.#t, () => this.#load.run()),
      complete: () =>
        this.phase === 'done' && this.deal ? this.#outcome(this.deal) : this.#form(),
    });
    return html` ${body} ${this.#status.regions()} `;
  }

  #outcome(deal: Deal): TemplateResult {
    const names = new Map(this.#program?.products.map((p) => [p.id, p.name]));
    return html`<section
      part="form status"
      class="panel outcome"
      tabindex="-1"
      aria-labelledby="outcome-title"
    >
      ${views.outcomeView(deal, this.resolvedLocale, this.#t, (id) => names.get(id) ?? id)}
      <div class="actions">
        <button type="button" class="primary" @click=${this.#another}>
          ${this.t('dealRegistration.registerAnother')}
        </button>
      </div>
    </section>`;
  }

  #form(): TemplateResult {
    const submitting = this.phase === 'submitting';
    const dirty = hasContent(this.values) || !!this.restoredAt;
    const open = (id: string) =>
      html`<button type="button" class="link" @click=${() => this.#openExisting(id)}>
        ${this.t('dealRegistration.openExisting')}
      </button>`;
    return html`<form part="form" novalidate aria-labelledby="heading" @submit=${this.#submit}>
      <h2 id="heading">${this.t('dealRegistration.heading')}</h2>
      ${
        this.restoredAt
          ? html`<div part="status" class="notice restored"><p>${this.#restoredText()}</p></div>`
          : nothing
      }
      ${this.#fields.customer(views.checkView(this.#check.state, this.#t, open))}
      ${this.#fields.opportunity()}
      ${this.failure ? views.failureView(this.failure, this.#t, open) : nothing}
      ${this.confirmingDiscard ? views.discardConfirm(this.#t, (yes) => this.#discard(yes)) : nothing}
      <div class="actions">
        <button type="submit" class="primary" ?disabled=${submitting}>
          ${this.t(submitting ? 'dealRegistration.submitting' : 'dealRegistration.submit')}
        </button>
        ${
          dirty && !this.confirmingDiscard
            ? html`<button type="button" class="discard" @click=${this.#askDiscard}>
                ${this.t('dealRegistration.discard')}
              </button>`
            : nothing
        }
      </div>
    </form>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'prm-deal-registration': PrmDealRegistration;
  }
  interface GlobalEventHandlersEventMap {
    'prm-deal-submit': CustomEvent<DealInput>;
    'prm-deal-registered': CustomEvent<Deal>;
  }
}
