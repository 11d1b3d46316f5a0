/**
 * @module Teams' themes in the widgets' terms. Teams names three (`default`, `dark`, `contrast`);
 * the widgets take `light`, `dark` and `high-contrast`. The page also carries the Teams theme as
 * `data-teams-theme` on `<html>`, which the tab's stylesheet reads to set Fluent's colour tokens
 * (`--colorNeutralBackground1`, …): the widgets fall back to those in light and dark.
 */
import type { Theme } from '../../widgets/shared/context.js';

export type TeamsTheme = 'default' | 'dark' | 'contrast';

/** A Teams theme name to the widgets' theme; anything unknown is Teams' default (light). */
export function widgetTheme(teamsTheme: string | undefined): Theme {
  switch (teamsTheme) {
    case 'dark':
      return 'dark';
    case 'contrast':
      return 'high-contrast';
    default:
      return 'light';
  }
}

/** Marks the page with the Teams theme, for the stylesheet's Fluent tokens and page colours. */
export function markPageTheme(
  teamsTheme: string | undefined,
  root = document.documentElement,
): void {
  const theme = widgetTheme(teamsTheme);
  root.dataset['teamsTheme'] =
    theme === 'high-contrast' ? 'contrast' : theme === 'dark' ? 'dark' : 'default';
  root.style.colorScheme = theme === 'light' ? 'light' : 'dark';
}
