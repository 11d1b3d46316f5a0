/** @module What `<prm-tier-progress>` renders: pure functions of the progress and the locale. */
import { html, nothing } from 'lit';
import type { TemplateResult } from 'lit';
import { formatDate, formatMoney, formatPercent } from '../../core/format.js';
import type {
  Money,
  NextAction,
  Tier,
  TierHistoryEntry,
  TierProgress,
  TierRequirementProgress,
} from '../../core/schema/index.js';
import type { MessageKey, MessageParams } from '../shared/i18n.js';

export interface ViewContext {
  locale: string;
  t(key: MessageKey, params?: MessageParams): string;
}

/**
 * The fill's width, applied by the element after rendering through the CSSOM, which a strict
 * `style-src` allows (a `style` attribute, or `styleMap`'s first render, it blocks).
 */
const fill = (ratio: number) => String(Math.round(ratio * 1000) / 10);

const isMoney = (v: Money | number): v is Money => typeof v === 'object';

function value(v: Money | number, c: ViewContext): string {
  return isMoney(v) ? formatMoney(v, c.locale) : v.toLocaleString(c.locale);
}

function meter(r: TierRequirementProgress, c: ViewContext): TemplateResult {
  const label = c.t(`tierProgress.requirement.${r.key}`);
  const current = value(r.current, c);
  const target = value(r.target, c);
  const percent = formatPercent(r.progress, c.locale);
  return html`<li class="meter-row" part="requirement" data-key=${r.key}>
    <div class="meter-label">
      <span id="req-${r.key}">${label}</span>
      <span class="value"
        >${c.t('tierProgress.of', { current, target })}${
          r.met ? html` · ${c.t('tierProgress.met')}` : nothing
        }</span
      >
    </div>
    <div
      role="meter"
      class=${r.met ? 'met' : ''}
      aria-labelledby="req-${r.key}"
      aria-valuemin="0"
      aria-valuemax="100"
      aria-valuenow=${Math.round(r.progress * 100)}
      aria-valuetext=${c.t('tierProgress.valueText', { current, target, percent })}
    >
      <span data-fill=${fill(r.progress)}></span>
    </div>
  </li>`;
}

/** The English text's structured fields, phrased in the widget's language. */
export function actionText(a: NextAction, goal: string, c: ViewContext): string {
  const date = a.dueBy ? formatDate(a.dueBy, c.locale) : '';
  if (a.key === 'convert_currency') {
    return c.t('tierProgress.action.convert_currency', {
      amount: a.amount ? formatMoney(a.amount, c.locale) : '',
      currency: a.amount?.currency ?? '',
    });
  }
  if (a.key === 'revenue12m') {
    return c.t('tierProgress.action.revenue12m', {
      amount: a.amount ? formatMoney(a.amount, c.locale) : '',
      date,
      goal,
    });
  }
  return c.t(`tierProgress.action.${a.key}`, { count: a.count ?? 0, date, goal });
}

/** Actions for a requirement the current tier misses keep it; the others reach the next tier. */
function actions(p: TierProgress, c: ViewContext): TemplateResult | typeof nothing {
  if (p.nextActions.length === 0) return nothing;
  const keep = new Set<string>(p.retention.missing);
  const items = p.nextActions.map((a) => {
    const keeping = a.key !== 'convert_currency' && keep.delete(a.key);
    const goal = keeping
      ? c.t('tierProgress.goal.keep', { tier: p.currentTier.name })
      : c.t('tierProgress.goal.reach', { tier: p.nextTier?.name ?? p.currentTier.name });
    return html`<li data-key=${a.key}>${actionText(a, goal, c)}</li>`;
  });
  return html`<section class="stack" aria-labelledby="actions-title">
    <h3 id="actions-title">${c.t('tierProgress.actions')}</h3>
    <ul part="actions">
      ${items}
    </ul>
  </section>`;
}

function atRisk(p: TierProgress, c: ViewContext): TemplateResult | typeof nothing {
  if (p.retention.status !== 'at_risk') return nothing;
  const missing = p.retention.missing.map((k) => c.t(`tierProgress.requirement.${k}`)).join(', ');
  return html`<div part="at-risk" role="status">
    <p><strong>${c.t('tierProgress.atRisk', { tier: p.currentTier.name })}</strong></p>
    <p>
      ${c.t('tierProgress.atRiskDetail', {
        date: formatDate(p.retention.reviewDate, c.locale),
        missing,
      })}
    </p>
  </div>`;
}

function benefits(tier: Tier, c: ViewContext): TemplateResult | typeof nothing {
  if (tier.benefits.length === 0) return nothing;
  return html`<section class="stack" aria-labelledby="benefits-title">
    <h3 id="benefits-title">${c.t('tierProgress.benefits', { tier: tier.name })}</h3>
    <ul part="benefits">
      ${tier.benefits.map((b) => html`<li>${b}</li>`)}
    </ul>
  </section>`;
}

export function renderProgress(
  p: TierProgress,
  c: ViewContext,
  extra: { celebration: string; history: TemplateResult },
): TemplateResult {
  const next = p.nextTier;
  const goalTier = next ?? p.currentTier;
  const overallPercent = formatPercent(p.overallProgress, c.locale);
  const unconverted = p.metrics.unconvertedRevenue;
  return html`<div class="stack">
    <header>
      <div>
        <p class="muted">${c.t('tierProgress.current')}</p>
        <h2><span part="badge" data-tier=${p.currentTier.id}>${p.currentTier.name}</span></h2>
      </div>
      ${
        next
          ? html`<p part="next">${c.t('tierProgress.next', { tier: next.name })}</p>`
          : html`<p part="top">${c.t('tierProgress.top')}</p>`
      }
    </header>
    ${extra.celebration ? html`<p part="celebration">${extra.celebration}</p>` : nothing}
    ${atRisk(p, c)}
    ${
      p.requirements.length === 0
        ? html`<p part="no-requirements">
            ${c.t('tierProgress.noRequirements', { tier: goalTier.name })}
          </p>`
        : html`<section class="stack" part="overall">
            ${
              next
                ? html`<div class="meter-row">
                    <div class="meter-label">
                      <span id="overall"
                        >${c.t('tierProgress.overall', {
                          percent: overallPercent,
                          tier: next.name,
                        })}</span
                      >
                    </div>
                    <div
                      role="meter"
                      aria-labelledby="overall"
                      aria-valuemin="0"
                      aria-valuemax="100"
                      aria-valuenow=${Math.round(p.overallProgress * 100)}
                      aria-valuetext=${overallPercent}
                    >
                      <span data-fill=${fill(p.overallProgress)}></span>
                    </div>
                  </div>`
                : html`<p class="muted">${c.t('tierProgress.topKeep', { tier: goalTier.name })}</p>`
            }
            <ul class="stack" part="requirements">
              ${p.requirements.map((r) => meter(r, c))}
            </ul>
            ${
              unconverted.length > 0
                ? html`<p class="muted" part="unconverted">
                    ${c.t('tierProgress.unconverted', {
                      amounts: unconverted.map((m) => formatMoney(m, c.locale)).join(', '),
                    })}
                  </p>`
                : nothing
            }
          </section>`
    }
    <div class="columns">${benefits(goalTier, c)} ${actions(p, c)}</div>
    ${extra.history}
  </div>`;
}

export function renderHistory(
  items: TierHistoryEntry[],
  names: Map<string, string>,
  c: ViewContext,
): TemplateResult {
  if (items.length === 0) return html`<p class="muted">${c.t('tierProgress.historyEmpty')}</p>`;
  const name = (id: string | null) => (id ? (names.get(id) ?? id) : '—');
  return html`<ul part="history">
    ${items.map(
      (e) =>
        html`<li>
          <time datetime=${e.at}>${formatDate(e.at, c.locale)}</time>
          <span
            >${c.t('tierProgress.change', { from: name(e.fromTierId), to: name(e.toTierId) })}</span
          >
          <span class="muted">${c.t(`tierProgress.reason.${e.reason}`)}</span>
        </li>`,
    )}
  </ul>`;
}

export function renderSkeleton(c: ViewContext): TemplateResult {
  return html`<div class="skeleton" aria-busy="true">
    <span class="visually-hidden">${c.t('common.loading')}</span>
    <div class="bone wide"></div>
    <div class="bone"></div>
    <div class="bone"></div>
    <div class="bone"></div>
    <div class="bone"></div>
    <div class="bone wide"></div>
  </div>`;
}
