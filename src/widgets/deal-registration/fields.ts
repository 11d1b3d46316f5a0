/**
 * @module The fields of the deal-registration form: each labelled, its error tied to it with
 * `aria-invalid` and `aria-describedby`, in the order a seller thinks of a deal.
 */
import { html, nothing } from 'lit';
import type { TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { live } from 'lit/directives/live.js';
import type { Program } from '../../core/schema/program.js';
import { t } from '../shared/i18n.js';
import type { MessageKey } from '../shared/i18n.js';
import { amountExample } from './form.js';
import type { FieldName, FieldProblem, FieldProblems, FormValues } from './form.js';

export interface FieldsSource {
  values(): FormValues;
  problems(): FieldProblems;
  program(): Program | undefined;
  locale(): string;
  onInput(field: FieldName, value: string | string[]): void;
  onBlur(field: FieldName): void;
}

type TextField = Exclude<FieldName, 'products' | 'currency'>;

interface TextOptions {
  type?: string;
  inputmode?: string;
  hint?: string;
  required?: boolean;
  multiline?: boolean;
  min?: string;
  maxlength?: number;
}

const LABELS: Record<FieldName, MessageKey> = {
  customerName: 'dealRegistration.customerName',
  customerDomain: 'dealRegistration.customerDomain',
  contactName: 'dealRegistration.contactName',
  contactEmail: 'dealRegistration.contactEmail',
  title: 'dealRegistration.title',
  products: 'dealRegistration.products',
  amount: 'dealRegistration.amount',
  currency: 'dealRegistration.currency',
  expectedCloseDate: 'dealRegistration.expectedCloseDate',
  notes: 'dealRegistration.notes',
};

/** Today in the user's own zone, as an `<input type="date">` `min`. */
const localToday = () => {
  const d = new Date();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
};

/** `EUR – Euro`: the code a seller knows, and the name for the unsure. */
function currencyLabel(code: string, locale: string): string {
  try {
    const name = new Intl.DisplayNames(locale, { type: 'currency' }).of(code);
    return name && name !== code ? `${code} – ${name}` : code;
  } catch {
    return code;
  }
}

export class FormFields {
  #source: FieldsSource;

  constructor(source: FieldsSource) {
    this.#source = source;
  }

  /** The customer and the contact, with the live check's result under them. */
  customer(check: TemplateResult | typeof nothing): TemplateResult {
    return html`<fieldset>
      <legend>${this.#t('dealRegistration.customer')}</legend>
      <div class="grid">
        ${this.#text('customerName', { required: true, maxlength: 200 })}
        ${this.#text('customerDomain', {
          required: true,
          inputmode: 'url',
          hint: this.#t('dealRegistration.customerDomainHint'),
        })}
      </div>
      ${check}
      <div class="grid">
        ${this.#text('contactName', { required: true, maxlength: 200 })}
        ${this.#text('contactEmail', { type: 'email', required: true })}
      </div>
    </fieldset>`;
  }

  opportunity(): TemplateResult {
    const locale = this.#source.locale();
    const currency = this.#source.values().currency;
    return html`<fieldset>
      <legend>${this.#t('dealRegistration.opportunity')}</legend>
      ${this.#text('title', { required: true, maxlength: 200 })} ${this.#products()}
      <div class="grid">
        ${this.#text('amount', {
          required: true,
          inputmode: 'decimal',
          hint: this.#t('dealRegistration.amountHint', {
            example: amountExample(locale, currency),
          }),
        })}
        ${this.#currency()}
        ${this.#text('expectedCloseDate', { type: 'date', required: true, min: localToday() })}
      </div>
      ${this.#text('notes', { multiline: true, maxlength: 4000 })}
    </fieldset>`;
  }

  // ---------------------------------------------------------------- implementation

  #t(key: MessageKey, params?: Record<string, string | number>): string {
    return t(this.#source.locale(), key, params);
  }

  #problemText(problem: FieldProblem): string {
    return 'key' in problem ? this.#t(problem.key, problem.params) : problem.text;
  }

  #error(field: FieldName): TemplateResult | typeof nothing {
    const problem = this.#source.problems()[field];
    return problem
      ? html`<p id="${field}-error" part="error" class="error">${this.#problemText(problem)}</p>`
      : nothing;
  }

  /** `aria-describedby`: the hint, then the error when there is one. */
  #describedBy(field: FieldName, hint: boolean): string | undefined {
    const ids = [
      hint ? `${field}-hint` : '',
      this.#source.problems()[field] ? `${field}-error` : '',
    ]
      .filter(Boolean)
      .join(' ');
    return ids || undefined;
  }

  #text(field: TextField, o: TextOptions): TemplateResult {
    const value = this.#source.values()[field];
    const invalid = this.#source.problems()[field] ? 'true' : undefined;
    const describedBy = this.#describedBy(field, !!o.hint);
    const onInput = (e: Event) =>
      this.#source.onInput(field, (e.target as HTMLInputElement | HTMLTextAreaElement).value);
    const onBlur = () => this.#source.onBlur(field);
    const control = o.multiline
      ? html`<textarea
          id=${field}
          name=${field}
          .value=${live(value)}
          maxlength=${ifDefined(o.maxlength)}
          aria-invalid=${ifDefined(invalid)}
          aria-describedby=${ifDefined(describedBy)}
          @input=${onInput}
          @blur=${onBlur}
        ></textarea>`
      : html`<input
          id=${field}
          name=${field}
          type=${o.type ?? 'text'}
          .value=${live(value)}
          inputmode=${ifDefined(o.inputmode)}
          min=${ifDefined(o.min)}
          autocomplete="off"
          ?required=${o.required}
          aria-invalid=${ifDefined(invalid)}
          aria-describedby=${ifDefined(describedBy)}
          @input=${onInput}
          @blur=${onBlur}
        />`;
    return html`<div part="field" class="field field-${field}">
      <label for=${field}>${this.#t(LABELS[field])}</label>
      ${o.hint ? html`<p id="${field}-hint" class="hint">${o.hint}</p>` : nothing} ${control}
      ${this.#error(field)}
    </div>`;
  }

  #products(): TemplateResult {
    const products = this.#source.program()?.products ?? [];
    const chosen = new Set(this.#source.values().products);
    const invalid = this.#source.problems().products ? 'true' : undefined;
    const toggle = (id: string, on: boolean) => {
      const next = new Set(chosen);
      if (on) next.add(id);
      else next.delete(id);
      // Keep the program's order, so the draft and the request do not depend on click order.
      this.#source.onInput(
        'products',
        products.map((p) => p.id).filter((p) => next.has(p)),
      );
    };
    return html`<fieldset
      part="field"
      class="field field-products"
      aria-describedby=${ifDefined(this.#describedBy('products', false))}
    >
      <legend class="label">${this.#t(LABELS.products)}</legend>
      ${
        products.length
          ? html`<div class="choices">
              ${products.map(
                (p) =>
                  html`<label>
                    <input
                      type="checkbox"
                      name="products"
                      value=${p.id}
                      .checked=${live(chosen.has(p.id))}
                      aria-invalid=${ifDefined(invalid)}
                      @change=${(e: Event) => toggle(p.id, (e.target as HTMLInputElement).checked)}
                      @blur=${() => this.#source.onBlur('products')}
                    />
                    <span>${p.name}</span>
                  </label>`,
              )}
            </div>`
          : html`<p class="muted">${this.#t('dealRegistration.noProducts')}</p>`
      }
      ${this.#error('products')}
    </fieldset>`;
  }

  #currency(): TemplateResult {
    const { currency } = this.#source.values();
    const locale = this.#source.locale();
    const currencies = this.#source.program()?.currencies ?? [];
    return html`<div part="field" class="field field-currency">
      <label for="currency">${this.#t(LABELS.currency)}</label>
      <select
        id="currency"
        name="currency"
        aria-invalid=${ifDefined(this.#source.problems().currency ? 'true' : undefined)}
        aria-describedby=${ifDefined(this.#describedBy('currency', false))}
        @change=${(e: Event) =>
          this.#source.onInput('currency', (e.target as HTMLSelectElement).value)}
      >
        ${currencies.map(
          (c) =>
            html`<option value=${c} ?selected=${c === currency}>
              ${currencyLabel(c, locale)}
            </option>`,
        )}
      </select>
      ${this.#error('currency')}
    </div>`;
  }
}
