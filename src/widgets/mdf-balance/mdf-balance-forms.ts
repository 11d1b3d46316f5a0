/**
 * @module The forms of `<prm-mdf-balance>`: requesting funds, claiming them with proof, and a
 * channel manager's decision. Each field keeps what was typed; its problem shows beside it.
 */
import { html, nothing } from 'lit';
import type { TemplateResult } from 'lit';
import { ACTIVITY_TYPES } from '../../core/schema/index.js';
import type { Upload } from './mdf-balance-input.js';
import type { T } from './mdf-balance-view.js';

export interface FormContext {
  /** The form's id prefix, unique in the element. */
  id: string;
  values: Record<string, string>;
  errors: Record<string, string | undefined>;
  hints: Record<string, string | undefined>;
  busy: boolean;
  formError: string | undefined;
  t: T;
  locale: string;
  input(field: string, value: string): void;
  submit(): void;
  cancel(): void;
}

function field(
  ctx: FormContext,
  name: string,
  label: string,
  control: (attrs: { id: string; invalid: boolean; describedBy: string }) => TemplateResult,
): TemplateResult {
  const id = `${ctx.id}-${name}`;
  const error = ctx.errors[name];
  const hint = ctx.hints[name];
  const describedBy = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].join(' ').trim();
  return html`<div class="field field-${name}" data-field=${name}>
    <label for=${id}>${label}</label>
    ${control({ id, invalid: !!error, describedBy })}
    ${hint ? html`<span class="hint" id="${id}-hint">${hint}</span>` : nothing}
    ${error ? html`<span class="field-error" id="${id}-error">${error}</span>` : nothing}
  </div>`;
}

const text = (ctx: FormContext, name: string, label: string, type = 'text', extra = {}) =>
  field(
    ctx,
    name,
    label,
    (a) =>
      html`<input
        id=${a.id}
        name=${name}
        type=${type}
        .value=${ctx.values[name] ?? ''}
        aria-invalid=${a.invalid ? 'true' : 'false'}
        aria-describedby=${a.describedBy || nothing}
        inputmode=${(extra as { inputmode?: string }).inputmode ?? nothing}
        autocomplete="off"
        @input=${(e: Event) => ctx.input(name, (e.target as HTMLInputElement).value)}
      />`,
  );

const area = (ctx: FormContext, name: string, label: string) =>
  field(
    ctx,
    name,
    label,
    (a) =>
      html`<textarea
        id=${a.id}
        name=${name}
        rows="2"
        .value=${ctx.values[name] ?? ''}
        aria-invalid=${a.invalid ? 'true' : 'false'}
        aria-describedby=${a.describedBy || nothing}
        @input=${(e: Event) => ctx.input(name, (e.target as HTMLTextAreaElement).value)}
      ></textarea>`,
  );

function buttons(ctx: FormContext, submitLabel: string): TemplateResult {
  return html`<div class="buttons">
      <button type="submit" class="primary" data-action="submit" ?disabled=${ctx.busy}>
        ${ctx.busy ? ctx.t('mdfBalance.saving') : submitLabel}
      </button>
      <button type="button" data-action="cancel" @click=${ctx.cancel}>
        ${ctx.t('mdfBalance.cancel')}
      </button>
    </div>
    ${ctx.formError ? html`<p class="form-error" role="alert">${ctx.formError}</p>` : nothing}`;
}

const onSubmit = (ctx: FormContext) => (e: Event) => {
  e.preventDefault();
  ctx.submit();
};

export function renderRequestForm(
  ctx: FormContext,
  heading: string,
  currency: string,
  resubmit: boolean,
): TemplateResult {
  const t = ctx.t;
  return html`<form
    part="form"
    class="form request-form"
    novalidate
    @submit=${onSubmit(ctx)}
    aria-label=${heading}
  >
    <h4>${heading}</h4>
    <div class="grid">
      ${field(
        ctx,
        'type',
        t('mdfBalance.field.type'),
        (a) =>
          html`<select
            id=${a.id}
            name="type"
            .value=${ctx.values['type'] ?? 'event'}
            @change=${(e: Event) => ctx.input('type', (e.target as HTMLSelectElement).value)}
          >
            ${ACTIVITY_TYPES.map(
              (type) =>
                html`<option value=${type} ?selected=${ctx.values['type'] === type}>
                  ${t(`mdfBalance.type.${type}`)}
                </option>`,
            )}
          </select>`,
      )}
      ${text(ctx, 'title', t('mdfBalance.field.title'))}
      ${text(ctx, 'amount', t('mdfBalance.field.amount', { currency }), 'text', { inputmode: 'decimal' })}
      ${text(ctx, 'startDate', t('mdfBalance.field.startDate'), 'date')}
      ${text(ctx, 'endDate', t('mdfBalance.field.endDate'), 'date')}
      ${text(ctx, 'expectedLeads', t('mdfBalance.field.expectedLeads'), 'text', { inputmode: 'numeric' })}
    </div>
    ${area(ctx, 'description', t('mdfBalance.field.description'))}
    ${buttons(ctx, resubmit ? t('mdfBalance.resubmit') : t('mdfBalance.submit'))}
  </form>`;
}

/**
 * An upload's bar: bytes sent of all, with the percentage as its value text and beside it, once
 * the client reports progress; indeterminate until then (a host transport that reports none).
 */
function renderProgress(u: Upload, label: string, locale: string): TemplateResult {
  const known = u.total !== undefined && u.total > 0;
  const percent = known
    ? new Intl.NumberFormat(locale, { style: 'percent' }).format(Math.min(1, u.loaded! / u.total!))
    : '';
  return html`<progress
      aria-label=${label}
      max=${known ? u.total! : nothing}
      value=${known ? u.loaded! : nothing}
      aria-valuetext=${known ? percent : nothing}
    ></progress>
    <span>${label}</span>
    ${known ? html`<span class="percent">${percent}</span>` : nothing}`;
}

export function renderClaimForm(
  ctx: FormContext,
  heading: string,
  currency: string,
  uploads: readonly Upload[],
  onFiles: (files: FileList) => void,
  remove: (key: number) => void,
): TemplateResult {
  const t = ctx.t;
  return html`<form
    part="form"
    class="form claim-form"
    novalidate
    @submit=${onSubmit(ctx)}
    aria-label=${heading}
  >
    <h4>${heading}</h4>
    <div class="grid">
      ${text(ctx, 'amount', t('mdfBalance.field.amount', { currency }), 'text', { inputmode: 'decimal' })}
      ${text(ctx, 'leads', t('mdfBalance.field.leads'), 'text', { inputmode: 'numeric' })}
    </div>
    ${field(
      ctx,
      'files',
      t('mdfBalance.field.files'),
      (a) =>
        html`<input
          id=${a.id}
          name="files"
          type="file"
          multiple
          accept=".pdf,.png,.jpg,.jpeg,.csv,.xlsx,application/pdf,image/png,image/jpeg,text/csv"
          aria-invalid=${a.invalid ? 'true' : 'false'}
          aria-describedby=${a.describedBy || nothing}
          @change=${(e: Event) => {
            const input = e.target as HTMLInputElement;
            if (input.files?.length) onFiles(input.files);
            input.value = '';
          }}
        />`,
    )}
    ${
      uploads.length
        ? html`<ul class="uploads" aria-live="polite">
            ${uploads.map(
              (u) =>
                html`<li class="upload ${u.state}" data-state=${u.state}>
                  ${
                    u.state === 'uploading'
                      ? renderProgress(u, t('mdfBalance.uploading', { name: u.name }), ctx.locale)
                      : u.state === 'done'
                        ? html`<span>${t('mdfBalance.uploaded', { name: u.name })}</span>`
                        : html`<span class="field-error"
                            >${t('mdfBalance.uploadFailed', { name: u.name, reason: u.error ?? '' })}</span
                          >`
                  }
                  ${
                    u.state !== 'uploading'
                      ? html`<button
                          type="button"
                          class="link"
                          data-action="remove-file"
                          @click=${() => remove(u.key)}
                        >
                          ${t('mdfBalance.remove', { name: u.name })}
                        </button>`
                      : nothing
                  }
                </li>`,
            )}
          </ul>`
        : nothing
    }
    ${area(ctx, 'notes', t('mdfBalance.field.notes'))} ${buttons(ctx, t('mdfBalance.submitClaim'))}
  </form>`;
}

export type Verdict = 'approve' | 'reject' | 'return';

/** A channel manager's inline decision: an amount to approve (requests), a comment, the verdicts. */
export function renderDecision(
  ctx: FormContext,
  verdicts: readonly Verdict[],
  currency: string | undefined,
  decide: (v: Verdict) => void,
): TemplateResult {
  const t = ctx.t;
  const label = {
    approve: t('mdfBalance.approve'),
    reject: t('mdfBalance.reject'),
    return: t('mdfBalance.return'),
  };
  return html`<div part="decision" class="decision">
    <div class="grid">
      ${
        currency
          ? text(ctx, 'amount', t('mdfBalance.field.approvedAmount', { currency }), 'text', {
              inputmode: 'decimal',
            })
          : nothing
      }
      ${text(ctx, 'comment', t('mdfBalance.comment'))}
    </div>
    <div class="buttons">
      ${verdicts.map(
        (v) =>
          html`<button
            type="button"
            class=${v === 'approve' ? 'primary' : v === 'reject' ? 'danger' : ''}
            data-action=${v}
            ?disabled=${ctx.busy}
            @click=${() => decide(v)}
          >
            ${label[v]}
          </button>`,
      )}
      <button type="button" data-action="cancel" @click=${ctx.cancel}>
        ${t('mdfBalance.cancel')}
      </button>
    </div>
    ${ctx.formError ? html`<p class="form-error" role="alert">${ctx.formError}</p>` : nothing}
  </div>`;
}
