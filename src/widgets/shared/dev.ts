/**
 * Development warnings: issued once per cause, with a link to the docs, and compiled out of
 * production builds (`vite.config.ts` defines `__PRM_DEV__` as `false`, so the minifier drops the
 * body). Sources run as they are (tests, Storybook, tsx) keep them on.
 */

declare const __PRM_DEV__: boolean | undefined;

export const DEV: boolean = typeof __PRM_DEV__ === 'undefined' || __PRM_DEV__;

/** Every warning points to its own section of this page of the package, by its code. */
export const WARNINGS_DOCS_URL = 'prm-widgets/docs/warnings.md';

export const DEV_WARNING_CODES = [
  'missing-client',
  'invalid-theme',
  'duplicate-define',
  'late-shadow-root-mode',
  'missing-api-base',
  'missing-token',
] as const;
export type DevWarningCode = (typeof DEV_WARNING_CODES)[number] | (string & {});

const issued = new Set<string>();

/**
 * Warns once per cause. `key` narrows the cause (a tag name, an attribute value) when one code can
 * have several independent causes on a page; it defaults to the code itself.
 */
export function devWarn(code: DevWarningCode, message: string, key?: string): void {
  if (!DEV) return;
  const cause = key === undefined ? code : `${code}:${key}`;
  if (issued.has(cause)) return;
  issued.add(cause);
  console.warn(`[prm-widgets] ${message}\nSee ${WARNINGS_DOCS_URL}#${code}`);
}
