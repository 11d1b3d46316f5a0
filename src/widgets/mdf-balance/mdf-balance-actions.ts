/**
 * @module What the roles that act see in `<prm-mdf-balance>`: the buttons that open a form, the
 * request and claim forms (with the proof upload) and a channel manager's inline decisions. A
 * chunk of its own: the element imports it with its data for partner admins, channel managers and
 * program admins only, so a partner user's page never fetches it.
 */
import { html, nothing } from 'lit';
import type { ReactiveControllerHost, TemplateResult } from 'lit';
import type { MdfClaim, MdfPeriod, MdfRequest, Role } from '../../core/schema/index.js';
import type { Open, FormsHost } from './mdf-balance-controller.js';
import { MdfForms } from './mdf-balance-controller.js';
import { renderClaimForm, renderDecision, renderRequestForm } from './mdf-balance-forms.js';
import { formStyles } from './mdf-balance-forms.styles.js';
import { amountText, emptyRequest, requestValuesOf } from './mdf-balance-input.js';
import { claimOpen, claimable, expiryOf, isDecider } from './mdf-balance-model.js';

export { formStyles };

type Part = TemplateResult | typeof nothing;

export class MdfActions extends MdfForms {
  constructor(host: ReactiveControllerHost, h: FormsHost) {
    super(host, h);
  }

  #button(name: string, label: string, run: () => void): TemplateResult {
    return html`<button type="button" data-action=${name} @click=${run}>${label}</button>`;
  }

  /** The period's "Request funds" button, then its request form when open. */
  period(p: MdfPeriod, role: Role | undefined, now: number): { button: Part; form: Part } {
    const t = this.h.t;
    const open = this.open;
    const opened = open?.kind === 'request' && open.allocationId === p.allocationId;
    const canRequest =
      role === 'partner_admin' &&
      expiryOf(p.expiresAt, now).kind !== 'expired' &&
      p.available.amount > 0;
    return {
      button:
        canRequest && !opened
          ? html`<button
              type="button"
              class="primary"
              data-action="request"
              @click=${() => this.openForm({ kind: 'request', allocationId: p.allocationId }, emptyRequest())}
            >
              ${t('mdfBalance.requestFunds')}
            </button>`
          : nothing,
      form:
        opened && !open.editing
          ? renderRequestForm(
              this.ctx(`req-${p.allocationId}`, () => this.submitRequest()),
              t('mdfBalance.form.request', { period: p.period }),
              p.available.currency,
              false,
            )
          : nothing,
    };
  }

  /** A request's buttons and its open form or decision. */
  request(r: MdfRequest, role: Role | undefined, now: number): Part {
    const t = this.h.t;
    const locale = this.h.locale();
    const open = this.open;
    const here = (kind: Open['kind']): boolean => {
      if (!open || open.kind !== kind) return false;
      if (open.kind === 'request') return open.editing?.id === r.id;
      if (open.kind === 'decide-claim') return false;
      return open.request.id === r.id;
    };
    const currency = r.requestedAmount.currency;
    const actions: TemplateResult[] = [];
    if (role === 'partner_admin' && r.status === 'returned' && !here('request')) {
      actions.push(
        this.#button('edit', t('mdfBalance.edit'), () =>
          this.openForm(
            { kind: 'request', allocationId: r.allocationId, editing: r },
            requestValuesOf(r, locale),
          ),
        ),
      );
    }
    if (role === 'partner_admin' && claimable(r) > 0 && claimOpen(r, now) && !here('claim')) {
      actions.push(
        this.#button('claim', t('mdfBalance.claimFunds'), () =>
          this.openForm(
            { kind: 'claim', request: r },
            { amount: amountText(claimable(r), locale, currency) },
          ),
        ),
      );
    }
    if (isDecider(role) && r.status === 'submitted' && !here('decide-request')) {
      actions.push(
        this.#button('review', t('mdfBalance.review'), () =>
          this.openForm(
            { kind: 'decide-request', request: r },
            { amount: amountText(r.requestedAmount.amount, locale, currency) },
          ),
        ),
      );
    }
    return html`${actions.length ? html`<div class="actions">${actions}</div>` : nothing}
    ${
      here('request')
        ? renderRequestForm(
            this.ctx(`edit-${r.id}`, () => this.submitRequest()),
            t('mdfBalance.edit'),
            currency,
            true,
          )
        : nothing
    }
    ${
      here('claim')
        ? renderClaimForm(
            this.ctx(`claim-${r.id}`, () => this.submitClaim()),
            t('mdfBalance.form.claim', { title: r.activity.title }),
            currency,
            this.uploads,
            (f) => this.onFiles(f),
            (key) => this.removeUpload(key),
          )
        : nothing
    }
    ${
      here('decide-request')
        ? renderDecision(
            this.ctx(`dr-${r.id}`, () => {}),
            ['approve', 'return', 'reject'],
            currency,
            (v) => this.decide(v),
          )
        : nothing
    }`;
  }

  /** A submitted claim's decision, for the channel team. */
  claim(c: MdfClaim, role: Role | undefined): Part {
    if (!isDecider(role) || c.status !== 'submitted') return nothing;
    const open = this.open;
    return open?.kind === 'decide-claim' && open.claim.id === c.id
      ? renderDecision(
          this.ctx(`dc-${c.id}`, () => {}),
          ['approve', 'reject'],
          undefined,
          (v) => this.decide(v),
        )
      : this.#button('review-claim', this.h.t('mdfBalance.review'), () =>
          this.openForm({ kind: 'decide-claim', claim: c }),
        );
  }
}
