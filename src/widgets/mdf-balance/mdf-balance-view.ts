/** @module What `<prm-mdf-balance>` renders of the data: the meter, figures, requests and claims. */
import { html, nothing } from 'lit';
import type { TemplateResult } from 'lit';
import { formatDate, formatMoney } from '../../core/format.js';
import type { MdfClaim, MdfPeriod, MdfRequest, Money } from '../../core/schema/index.js';
import type { MessageKey, MessageParams } from '../shared/i18n.js';
import { claimOpen, expiryOf } from './mdf-balance-model.js';

export type T = (key: MessageKey, params?: MessageParams) => string;

export const FIGURES = [
  'allocated',
  'pending',
  'approved',
  'claimed',
  'paid',
  'available',
] as const;
/** The meter's segments, in the order money travels. */
const SEGMENTS = ['paid', 'claimed', 'approved', 'pending', 'available'] as const;

export const money = (m: Money, locale: string) => formatMoney(m, locale);

export function meterText(p: MdfPeriod, locale: string, t: T): string {
  const params: MessageParams = { period: p.period };
  for (const f of FIGURES) params[f] = money(p[f], locale);
  return t('mdfBalance.meter', params);
}

/**
 * The stacked bar of where the allocation went, with its figures as text for everyone. Widths go
 * through the CSSOM (`.style`), which a strict `style-src` allows; a `style` attribute it blocks.
 */
export function renderMeter(p: MdfPeriod, locale: string, t: T): TemplateResult {
  const total = Math.max(1, p.allocated.amount);
  return html`
    <div part="meter" class="meter" role="img" aria-label=${meterText(p, locale, t)}>
      ${SEGMENTS.map((s) =>
        p[s].amount > 0
          ? html`<span
              class="segment ${s}"
              .style=${`inline-size: ${((p[s].amount / total) * 100).toFixed(3)}%`}
            ></span>`
          : nothing,
      )}
    </div>
    <dl part="figures" class="figures">
      ${FIGURES.map(
        (f) =>
          html`<div class="figure ${f}" data-figure=${f}>
            <dt>
              <span class="swatch ${f}" aria-hidden="true"></span>${t(`mdfBalance.figure.${f}`)}
            </dt>
            <dd>${money(p[f], locale)}</dd>
          </div>`,
      )}
    </dl>
  `;
}

export function renderExpiry(p: MdfPeriod, locale: string, t: T, now: number): TemplateResult {
  const e = expiryOf(p.expiresAt, now);
  const date = formatDate(p.expiresAt.slice(0, 10), locale);
  if (e.kind === 'expired') {
    return html`<p part="expiry" class="notice expired" role="note">
      ${t('mdfBalance.expired', { date })}
    </p>`;
  }
  if (e.kind === 'soon' && p.available.amount > 0) {
    return html`<p part="expiry" class="notice soon" role="note">
      ${t('mdfBalance.expiresSoon', { count: e.days, date })}
    </p>`;
  }
  return html`<p class="expires">${t('mdfBalance.expires', { date })}</p>`;
}

const badge = (status: string, t: T) =>
  html`<span part="badge badge-${status}" class="badge ${status}"
    >${t(`mdfBalance.status.${status as 'submitted'}`)}</span
  >`;

export function renderClaims(
  claims: readonly MdfClaim[],
  locale: string,
  t: T,
  actions: (c: MdfClaim) => TemplateResult | typeof nothing,
): TemplateResult | typeof nothing {
  if (claims.length === 0) return nothing;
  return html`<ul class="claims">
    ${claims.map(
      (c) =>
        html`<li class="claim" data-id=${c.id}>
          <span class="what">${t('mdfBalance.claim', { amount: money(c.amount, locale) })}</span>
          ${badge(c.status, t)}
          ${
            c.decision?.comment
              ? html`<span class="comment"
                  >${t('mdfBalance.decisionComment', { comment: c.decision.comment })}</span
                >`
              : nothing
          }
          ${actions(c)}
        </li>`,
    )}
  </ul>`;
}

export function renderRequestSummary(
  r: MdfRequest,
  locale: string,
  t: T,
  now: number,
): TemplateResult {
  const amounts = r.approvedAmount
    ? t('mdfBalance.approvedOf', {
        approved: money(r.approvedAmount, locale),
        requested: money(r.requestedAmount, locale),
      })
    : t('mdfBalance.requested', { amount: money(r.requestedAmount, locale) });
  const deadline = formatDate(r.claimDeadline, locale);
  return html`
    <div class="head">
      <span class="title">${r.activity.title}</span>
      ${badge(r.status, t)}
    </div>
    <div class="meta">
      <span>${t(`mdfBalance.type.${r.activity.type}`)}</span>
      <span
        >${formatDate(r.activity.startDate, locale)} –
        ${formatDate(r.activity.endDate, locale)}</span
      >
      <span class="amounts">${amounts}</span>
      ${
        r.status === 'approved'
          ? html`<span class="deadline ${claimOpen(r, now) ? '' : 'closed'}"
              >${
                claimOpen(r, now)
                  ? t('mdfBalance.claimDeadline', { date: deadline })
                  : t('mdfBalance.claimClosed', { date: deadline })
              }</span
            >`
          : nothing
      }
    </div>
    ${
      r.decision?.comment
        ? html`<p class="comment">
            ${t('mdfBalance.decisionComment', { comment: r.decision.comment })}
          </p>`
        : nothing
    }
  `;
}

/** Placeholders shaped like one period, so the element does not jump when the data arrives. */
export function renderSkeleton(t: T): TemplateResult {
  return html`<div class="skeleton" role="group" aria-busy="true" aria-label=${t('common.loading')}>
    <article class="period">
      <header><span class="bone title-bone"></span></header>
      <p class="expires"><span class="bone short"></span></p>
      <div class="meter"></div>
      <dl class="figures">
        ${FIGURES.map(
          () =>
            html`<div class="figure">
              <dt><span class="bone short"></span></dt>
              <dd><span class="bone"></span></dd>
            </div>`,
        )}
      </dl>
      <div class="requests-heading"><span class="bone short"></span></div>
      <ul class="requests">
        ${[1, 2].map(() => html`<li class="request"><span class="bone wide"></span><span class="bone"></span></li>`)}
      </ul>
    </article>
  </div>`;
}

export function renderMessage(
  text: string,
  part: 'empty' | 'error',
  retry?: { label: string; run: () => void },
): TemplateResult {
  return html`<div
    part=${part}
    class="message ${part}"
    role=${part === 'error' ? 'alert' : 'status'}
  >
    <p>${text}</p>
    ${retry ? html`<button type="button" data-action="retry" @click=${retry.run}>${retry.label}</button>` : nothing}
  </div>`;
}
