/**
 * The demo bar's language and theme: what a host would pass to the widgets (`locale` and `theme`
 * on `<prm-provider>`), and what the demo's own pages follow too. The choice lives in the query
 * string (`?lang=de&theme=dark`, shareable) and in localStorage (remembered).
 */

export const LOCALES = { en: 'en-US', de: 'de-DE' } as const;
export const THEMES = ['light', 'dark', 'high-contrast'] as const;
export type DemoLocale = keyof typeof LOCALES;
export type DemoTheme = (typeof THEMES)[number];

const KEY = { lang: 'prm-demo.lang', theme: 'prm-demo.theme' } as const;

function read(name: 'lang' | 'theme'): string | null {
  const fromQuery = new URLSearchParams(location.search).get(name);
  if (fromQuery) return fromQuery;
  try {
    return localStorage.getItem(KEY[name]);
  } catch {
    return null; // storage disabled: the query string still works
  }
}

function store(name: 'lang' | 'theme', value: string): void {
  try {
    localStorage.setItem(KEY[name], value);
  } catch {
    // storage disabled
  }
}

export function currentLocale(): DemoLocale {
  const value = read('lang');
  return value === 'de' ? 'de' : 'en';
}

export function currentTheme(): DemoTheme {
  const value = read('theme');
  return (THEMES as readonly string[]).includes(value ?? '') ? (value as DemoTheme) : 'light';
}

/** Applies the language and theme to the page and to every provider on it. */
export function applyPreferences(lang: DemoLocale, theme: DemoTheme): void {
  const root = document.documentElement;
  root.lang = LOCALES[lang];
  root.dataset['theme'] = theme;
  for (const provider of document.querySelectorAll('prm-provider')) {
    provider.setAttribute('locale', LOCALES[lang]);
    provider.setAttribute('theme', theme);
  }
}

/** Wires the bar's two selects (`#demo-locale`, `#demo-theme`); a change applies at once. */
export function mountPreferences(): void {
  const locale = document.getElementById('demo-locale') as HTMLSelectElement | null;
  const theme = document.getElementById('demo-theme') as HTMLSelectElement | null;
  const state = { lang: currentLocale(), theme: currentTheme() };
  applyPreferences(state.lang, state.theme);
  if (locale) {
    locale.value = state.lang;
    locale.addEventListener('change', () => {
      state.lang = locale.value === 'de' ? 'de' : 'en';
      store('lang', state.lang);
      applyPreferences(state.lang, state.theme);
    });
  }
  if (theme) {
    theme.value = state.theme;
    theme.addEventListener('change', () => {
      state.theme = (THEMES as readonly string[]).includes(theme.value)
        ? (theme.value as DemoTheme)
        : 'light';
      store('theme', state.theme);
      applyPreferences(state.lang, state.theme);
    });
  }
}
