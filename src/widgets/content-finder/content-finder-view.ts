/** @module Pure pieces of `<prm-content-finder>`: highlight segments, sizes, the debounce. */
import { html } from 'lit';
import type { TemplateResult } from 'lit';

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
