/**
 * @module The forms of `<prm-mdf-balance>` as a controller: which form is open, what was typed,
 * the problems beside each field, the uploads of a claim, and saving through the client.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { PartnerClient } from '../../core/client.js';
import { isPartnerApiError } from '../../core/errors.js';
import type { MdfClaim, MdfPeriod, MdfRequest } from '../../core/schema/index.js';
import type { PrmEventDetail } from '../shared/prm-element.js';
import type { FormContext, Verdict } from './mdf-balance-forms.js';
import type { Problem, Upload } from './mdf-balance-input.js';
import {
  CLAIM_FIELDS,
  REQUEST_FIELDS,
  amountProblem,
  buildClaim,
  buildRequest,
  parseAmount,
  serverProblems,
} from './mdf-balance-input.js';
import { claimable, describeError } from './mdf-balance-model.js';
import type { T } from './mdf-balance-view.js';
import { money } from './mdf-balance-view.js';

export type Open =
  | { kind: 'request'; allocationId: string; editing?: MdfRequest }
  | { kind: 'claim'; request: MdfRequest }
  | { kind: 'decide-request'; request: MdfRequest }
  | { kind: 'decide-claim'; claim: MdfClaim };

type MdfEvent = 'prm-mdf-request' | 'prm-mdf-claim' | 'prm-mdf-decide';

/** What the forms need of their element. */
export interface FormsHost {
  client(): PartnerClient | undefined;
  locale(): string;
  t: T;
  currency(): string;
  periodOf(allocationId: string): MdfPeriod | undefined;
  refresh(): Promise<void>;
  announce(text: string): void;
  emit<K extends MdfEvent>(name: K, detail: PrmEventDetail<K>): void;
}

interface State {
  open: Open | undefined;
  values: Record<string, string>;
  errors: Record<string, string | undefined>;
  formError: string | undefined;
  busy: boolean;
  uploads: Upload[];
}

export class MdfForms implements ReactiveController {
  #s: State = {
    open: undefined,
    values: {},
    errors: {},
    formError: undefined,
    busy: false,
    uploads: [],
  };
  #uploadKey = 0;

  constructor(
    private readonly host: ReactiveControllerHost,
    protected readonly h: FormsHost,
  ) {
    host.addController(this);
  }

  hostConnected(): void {}

  #set(patch: Partial<State>): void {
    this.#s = { ...this.#s, ...patch };
    this.host.requestUpdate();
  }
  get open() {
    return this.#s.open;
  }
  set open(open) {
    this.#set({ open });
  }
  get values() {
    return this.#s.values;
  }
  set values(values) {
    this.#set({ values });
  }
  get errors() {
    return this.#s.errors;
  }
  set errors(errors) {
    this.#set({ errors });
  }
  get formError() {
    return this.#s.formError;
  }
  set formError(formError) {
    this.#set({ formError });
  }
  get busy() {
    return this.#s.busy;
  }
  set busy(busy) {
    this.#s.busy = busy;
    this.host.requestUpdate();
  }
  get uploads() {
    return this.#s.uploads;
  }
  set uploads(uploads) {
    this.#set({ uploads });
  }

  removeUpload(key: number): void {
    this.uploads = this.uploads.filter((u) => u.key !== key);
  }

  openForm(open: Open | undefined, values: Record<string, string> = {}): void {
    this.open = open;
    this.values = values;
    this.errors = {};
    this.formError = undefined;
    this.uploads = [];
  }

  #text(p: Problem): string {
    return this.h.t(p.key, p.params);
  }

  /** The live limit of the amount field: what is available, or what is left to claim. */
  #limit():
    | {
        minor: number;
        text: string;
        key: 'mdfBalance.error.overAvailable' | 'mdfBalance.error.overClaimable';
      }
    | undefined {
    const open = this.open;
    const currency = this.h.currency();
    const locale = this.h.locale();
    if (open?.kind === 'request') {
      const p = this.h.periodOf(open.allocationId);
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
    this.values = { ...this.values, [field]: value };
    const errors = { ...this.errors, [field]: undefined };
    const limit = this.#limit();
    // The amount is checked as it is typed, against what is available right now.
    if (field === 'amount' && limit && value.trim()) {
      const p = amountProblem(
        value,
        this.h.locale(),
        this.h.currency(),
        limit.minor,
        limit.key,
        limit.text,
      );
      errors['amount'] = p && p.key !== 'mdfBalance.error.required' ? this.#text(p) : undefined;
    }
    this.errors = errors;
  }

  #fail(error: unknown, fields: readonly string[]): void {
    if (isPartnerApiError(error)) {
      const { problems, rest } = serverProblems(error.fieldErrors, fields);
      const errors: Record<string, string | undefined> = {};
      for (const [f, p] of Object.entries(problems)) errors[f] = (p as { text: string }).text;
      if (error.code === 'insufficient_funds' && fields.includes('amount')) {
        errors['amount'] = error.problem.detail ?? error.problem.title;
      }
      this.errors = { ...this.errors, ...errors };
      this.formError =
        Object.keys(errors).length > 0 && rest.length === 0
          ? this.h.t('mdfBalance.error.form')
          : rest.join(' ') || describeError(error, (k) => this.h.t(k));
    } else {
      this.formError = describeError(error, (k) => this.h.t(k));
    }
  }

  async #save<R>(
    run: (client: PartnerClient) => Promise<R>,
    done: (r: R) => void,
    fields: readonly string[],
  ) {
    const client = this.h.client();
    if (!client || this.busy) return;
    this.busy = true;
    this.formError = undefined;
    try {
      const result = await run(client);
      this.openForm(undefined);
      done(result);
      await this.h.refresh();
    } catch (error) {
      // What was typed stays; the problems show beside the fields.
      this.#fail(error, fields);
    } finally {
      this.busy = false;
    }
  }

  submitRequest(): void {
    const open = this.open;
    if (open?.kind !== 'request') return;
    const limit = this.#limit()!;
    // A resubmission may ask again for what the returned request had held.
    const built = buildRequest(
      this.values as Record<(typeof REQUEST_FIELDS)[number], string>,
      this.h.locale(),
      this.h.currency(),
      limit.minor,
      limit.text,
    );
    if (!built.input) {
      this.errors = Object.fromEntries(
        Object.entries(built.problems).map(([f, p]) => [f, this.#text(p!)]),
      );
      this.formError = this.h.t('mdfBalance.error.form');
      return;
    }
    const input = built.input;
    void this.#save(
      (client) =>
        open.editing
          ? client.mdf.resubmit(open.editing.id, input)
          : client.mdf.request({ allocationId: open.allocationId, ...input }),
      (r) => {
        this.h.announce(
          this.h.t('mdfBalance.submitted', { amount: money(r.requestedAmount, this.h.locale()) }),
        );
        this.h.emit('prm-mdf-request', r);
      },
      REQUEST_FIELDS,
    );
  }

  onFiles(files: FileList): void {
    const client = this.h.client();
    if (!client) return;
    for (const file of Array.from(files)) {
      const key = ++this.#uploadKey;
      this.uploads = [...this.uploads, { key, name: file.name, state: 'uploading' }];
      this.errors = { ...this.errors, files: undefined };
      const settle = (patch: Partial<Upload>) =>
        (this.uploads = this.uploads.map((u) => (u.key === key ? { ...u, ...patch } : u)));
      const progress = ({ loaded, total }: { loaded: number; total: number }) => {
        if (this.uploads.some((u) => u.key === key && u.state === 'uploading')) {
          settle({ loaded, total });
        }
      };
      client.files.upload(file, { name: file.name, onProgress: progress }).then(
        (info) => settle({ state: 'done', fileId: info.id }),
        (error: unknown) =>
          settle({ state: 'failed', error: describeError(error, (k) => this.h.t(k)) }),
      );
    }
  }

  submitClaim(): void {
    const open = this.open;
    if (open?.kind !== 'claim') return;
    const limit = this.#limit()!;
    const built = buildClaim(
      {
        amount: this.values['amount'] ?? '',
        leads: this.values['leads'] ?? '',
        notes: this.values['notes'] ?? '',
      },
      this.uploads,
      this.h.locale(),
      this.h.currency(),
      limit.minor,
      limit.text,
    );
    if (!built.input) {
      this.errors = Object.fromEntries(
        Object.entries(built.problems).map(([f, p]) => [f, this.#text(p!)]),
      );
      this.formError = this.h.t('mdfBalance.error.form');
      return;
    }
    const input = built.input;
    void this.#save(
      (client) => client.mdf.claim(open.request.id, input),
      (c) => {
        this.h.announce(
          this.h.t('mdfBalance.claimSubmitted', { amount: money(c.amount, this.h.locale()) }),
        );
        this.h.emit('prm-mdf-claim', c);
      },
      CLAIM_FIELDS,
    );
  }

  decide(verdict: Verdict): void {
    const open = this.open;
    const comment = this.values['comment']?.trim() || undefined;
    if (open?.kind === 'decide-request') {
      const r = open.request;
      let approvedAmount: { amount: number; currency: string } | undefined;
      if (verdict === 'approve') {
        const p = parseAmount(
          this.values['amount'] ?? '',
          this.h.locale(),
          r.requestedAmount.currency,
        );
        if (!p.ok) {
          this.errors = { amount: this.#text(p.problem) };
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
        (saved) => this.#decided(money(saved.amount, this.h.locale()), saved),
        ['comment'],
      );
    }
  }

  #decided(title: string, saved: MdfRequest | MdfClaim): void {
    this.h.announce(
      this.h.t('mdfBalance.decided', {
        title,
        status: this.h.t(`mdfBalance.status.${saved.status}`),
      }),
    );
    this.h.emit('prm-mdf-decide', saved);
  }

  ctx(id: string, submit: () => void): FormContext {
    const limit = this.#limit();
    return {
      id,
      values: this.values,
      errors: this.errors,
      hints: limit
        ? {
            amount: this.h.t(
              limit.key === 'mdfBalance.error.overAvailable'
                ? 'mdfBalance.hint.available'
                : 'mdfBalance.hint.claimable',
              { available: limit.text, amount: limit.text },
            ),
          }
        : {},
      busy: this.busy,
      formError: this.formError,
      t: (k, p) => this.h.t(k, p),
      locale: this.h.locale(),
      input: (f, v) => this.#input(f, v),
      submit,
      cancel: () => this.openForm(undefined),
    };
  }
}
