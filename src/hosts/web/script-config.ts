import { isTheme } from '../../widgets/shared/context.js';
import type { Theme } from '../../widgets/shared/context.js';
import { canonicalLocale } from '../../widgets/shared/i18n.js';

/** What a page can say on the embed script's own tag. */
export interface ScriptConfig {
  /** `data-api-base`: where the Partner API lives, without `/v1`. */
  apiBase?: string;
  /** `data-token-url`: the page's own endpoint answering `{ token, expiresAt }`. */
  tokenUrl?: string;
  /** `data-locale`: a BCP 47 tag. */
  locale?: string;
  /** `data-theme`: `light`, `dark`, `high-contrast` or `auto`. */
  theme?: Theme;
}

/** The configuration in the tag's `data-*` attributes; invalid values are left out. */
export function readScriptConfig(script: HTMLScriptElement | null): ScriptConfig {
  if (!script) return {};
  const data = script.dataset;
  const config: ScriptConfig = {};
  const apiBase = data.apiBase?.trim();
  if (apiBase) config.apiBase = new URL(apiBase, script.baseURI).href;
  const tokenUrl = data.tokenUrl?.trim();
  if (tokenUrl) config.tokenUrl = new URL(tokenUrl, script.baseURI).href;
  const locale = canonicalLocale(data.locale);
  if (locale) config.locale = locale;
  const theme = data.theme?.trim();
  if (isTheme(theme)) config.theme = theme;
  else if (theme) {
    console.warn(
      `[prm-widgets] data-theme="${theme}" on the embed script is not one of light, dark, high-contrast, auto; it is ignored.`,
    );
  }
  return config;
}
