/**
 * @module Pure pieces of `<prm-content-finder>`: highlight segments, sizes, the debounce, and the
 * result rows.
 */
import { html, nothing } from 'lit';
import type { TemplateResult } from 'lit';
import type { AssetFormat, ContentItem } from '../../core/schema/index.js';
import type { MessageKey, MessageParams } from '../shared/i18n.js';

const SKELETON_ROWS = 4;

/** What a result row needs from its element. */
export interface RowContext {
  locale: string;
  t(key: MessageKey, params?: MessageParams): string;
  /** A format's download progress (`item:format`): a fraction, `error`, or none. */
  progress(key: string): number | 'error' | undefined;
  download(item: ContentItem, format: AssetFormat['format']): void;
}

/**
 * `text` cut at the highlight ranges: plain strings and `<mark>` parts, all rendered as text.
 * Ranges are UTF-16 offsets from the server; out-of-bounds or overlapping ones are clamped.
 */
export function highlighted(
  text: string,
  ranges: ReadonlyArray<readonly number[]> = [],
): Array<string | TemplateResult> {
  const sorted = ranges
    .map(([s = 0, e = 0]) => [Math.max(0, s), Math.min(text.length, e)] as const)
    .filter(([s, e]) => e > s)
    .sort((a, b) => a[0] - b[0]);
  const out: Array<string | TemplateResult> = [];
  let at = 0;
  for (const [s, e] of sorted) {
    if (e <= at) continue;
    const start = Math.max(s, at);
    if (start > at) out.push(text.slice(at, start));
    out.push(html`<mark part="mark">${text.slice(start, e)}</mark>`);
    at = e;
  }
  if (at < text.length) out.push(text.slice(at));
  return out;
}

/** A byte count as `824 KB` / `3.2 MB` in the locale. */
export function formatSize(bytes: number, locale: string): string {
  const [value, unit] =
    bytes >= 1_000_000
      ? [bytes / 1_000_000, 'megabyte']
      : bytes >= 1_000
        ? [bytes / 1_000, 'kilobyte']
        : [bytes, 'byte'];
  return new Intl.NumberFormat(locale, {
    style: 'unit',
    unit,
    unitDisplay: 'short',
    maximumFractionDigits: value < 10 && unit !== 'byte' ? 1 : 0,
  }).format(value);
}

/** Resolves after `ms`, or rejects with the signal's reason as soon as it aborts. */
export function pause(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) return reject(signal.reason as Error);
    const timer = setTimeout(resolve, ms);
    signal.addEventListener(
      'abort',
      () => {
        clearTimeout(timer);
        reject(signal.reason as Error);
      },
      { once: true },
    );
  });
}

/** One asset of the results: title and description with their highlights, badge, formats. */
export function renderItem(item: ContentItem, c: RowContext): TemplateResult {
  const marks = (field: 'title' | 'description') =>
    item.highlights?.find((h) => h.field === field)?.ranges ?? [];
  const badge =
    item.freshness === 'current'
      ? nothing
      : html`<span part="badge badge-${item.freshness}" class="badge ${item.freshness}">
          ${c.t(`contentFinder.freshness.${item.freshness}`)}
        </span>`;
  return html`<li part="row" tabindex="-1" data-id=${item.id} aria-labelledby="t-${item.id}">
    <div class="head">
      <span class="title" id="t-${item.id}">${highlighted(item.title, marks('title'))}</span>
      ${badge}
    </div>
    <p class="description">${highlighted(item.description, marks('description'))}</p>
    <div class="meta">
      <span>${c.t(`contentFinder.type.${item.type}`)}</span>
      <span>${item.language.toUpperCase()}</span>
      <span class="formats">${item.formats.map((f) => renderFormat(item, f, c))}</span>
    </div>
  </li>`;
}

/** A format's download button, with its size or its progress. */
function renderFormat(item: ContentItem, f: AssetFormat, c: RowContext): TemplateResult {
  const progress = c.progress(`${item.id}:${f.format}`);
  const name = f.format.toUpperCase();
  const size = formatSize(f.sizeBytes, c.locale);
  const percent =
    typeof progress === 'number'
      ? new Intl.NumberFormat(c.locale, { style: 'percent' }).format(progress)
      : '';
  return html`<button
    part="format"
    type="button"
    data-format=${f.format}
    ?disabled=${typeof progress === 'number'}
    aria-label=${
      typeof progress === 'number'
        ? c.t('contentFinder.downloading', { format: name, percent })
        : c.t('contentFinder.download', { format: name, size })
    }
    @click=${() => c.download(item, f.format)}
  >
    <span aria-hidden="true">${name} · ${typeof progress === 'number' ? percent : size}</span>
    ${
      progress === 'error'
        ? html`<span class="failed" role="status">${c.t('contentFinder.downloadFailed')}</span>`
        : nothing
    }
  </button>`;
}

/** Placeholder rows while the first results load. */
export function renderSkeleton(): TemplateResult {
  return html`<ul class="skeleton" aria-hidden="true">
    ${Array.from({ length: SKELETON_ROWS }, () => html`<li part="row"><span></span><span></span><span></span></li>`)}
  </ul>`;
}
