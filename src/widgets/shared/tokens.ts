import { css, unsafeCSS } from 'lit';

/**
 * Design tokens. Each token has two names:
 *
 * - `--prm-<name>`: the public input for the light theme (and for sizes and fonts in every theme);
 *   `--prm-dark-<name>` and `--prm-contrast-<name>` are the dark and high-contrast themes' colours.
 *   Set them anywhere — on `:root`, on a container, on the widget itself — and every widget below
 *   picks them up.
 * - `--_<name>`: what widget styles read. Each widget's `:host` resolves it as `--prm-<name>`, else
 *   the Salesforce hook (`--slds-g-*`), else the Fluent token (Teams), else the theme's default.
 *
 * Two names because a `:host` rule `--prm-accent: var(--prm-accent, …)` would be a cycle, and a
 * `:host` rule that set `--prm-accent` outright would shadow what a page set on an ancestor
 * (Material Web resolves its component tokens into `--_*` for the same reason).
 *
 * Host tokens win over the theme's defaults because a host's tokens already carry the host's own
 * theme (Teams swaps Fluent's tokens when it goes dark). High contrast skips them: a host's palette
 * is not designed for it.
 */
interface Token {
  name: string;
  slds?: string;
  fluent?: string;
  light: string;
  dark?: string;
  contrast?: string;
  /** Under `forced-colors: active`: a CSS system colour. */
  forced?: string;
}

export const TOKENS: readonly Token[] = [
  {
    name: 'accent',
    slds: 'color-accent-1',
    fluent: 'colorBrandBackground',
    light: '#0b5cab',
    dark: '#78b0fd',
    contrast: '#ffff00',
    forced: 'Highlight',
  },
  {
    name: 'on-accent',
    slds: 'color-on-accent-1',
    fluent: 'colorNeutralForegroundOnBrand',
    light: '#ffffff',
    dark: '#0a1a33',
    contrast: '#000000',
    forced: 'HighlightText',
  },
  {
    name: 'surface',
    slds: 'color-surface-container-1',
    fluent: 'colorNeutralBackground1',
    light: '#ffffff',
    dark: '#1f1f1f',
    contrast: '#000000',
    forced: 'Canvas',
  },
  {
    name: 'surface-raised',
    slds: 'color-surface-container-2',
    fluent: 'colorNeutralBackground2',
    light: '#f3f3f3',
    dark: '#2b2b2b',
    contrast: '#000000',
    forced: 'Canvas',
  },
  {
    name: 'text',
    slds: 'color-on-surface-2',
    fluent: 'colorNeutralForeground1',
    light: '#181818',
    dark: '#f2f2f2',
    contrast: '#ffffff',
    forced: 'CanvasText',
  },
  {
    name: 'text-muted',
    slds: 'color-on-surface-1',
    fluent: 'colorNeutralForeground3',
    light: '#5c5c5c',
    dark: '#b8b8b8',
    contrast: '#ffffff',
    forced: 'CanvasText',
  },
  {
    name: 'border',
    slds: 'color-border-1',
    fluent: 'colorNeutralStroke1',
    light: '#c9c9c9',
    dark: '#5c5c5c',
    contrast: '#ffffff',
    forced: 'CanvasText',
  },
  {
    name: 'danger',
    slds: 'color-error-1',
    fluent: 'colorStatusDangerForeground1',
    light: '#ba0517',
    dark: '#ff8a80',
    contrast: '#ff8080',
    forced: 'CanvasText',
  },
  {
    name: 'warning',
    slds: 'color-warning-1',
    fluent: 'colorStatusWarningForeground1',
    light: '#8c4b02',
    dark: '#ffc266',
    contrast: '#ffd700',
    forced: 'CanvasText',
  },
  {
    name: 'success',
    slds: 'color-success-1',
    fluent: 'colorStatusSuccessForeground1',
    light: '#2e844a',
    dark: '#7bd88f',
    contrast: '#80ff80',
    forced: 'CanvasText',
  },
  {
    name: 'focus-ring',
    slds: 'color-border-accent-1',
    fluent: 'colorStrokeFocus2',
    light: '#0b5cab',
    dark: '#9cc3ff',
    contrast: '#00ffff',
    forced: 'Highlight',
  },
  { name: 'radius', slds: 'radius-border-2', fluent: 'borderRadiusMedium', light: '0.25rem' },
  { name: 'space-1', slds: 'spacing-1', fluent: 'spacingHorizontalXS', light: '0.25rem' },
  { name: 'space-2', slds: 'spacing-2', fluent: 'spacingHorizontalS', light: '0.5rem' },
  { name: 'space-3', slds: 'spacing-3', fluent: 'spacingHorizontalM', light: '0.75rem' },
  { name: 'space-4', slds: 'spacing-4', fluent: 'spacingHorizontalL', light: '1rem' },
  { name: 'space-5', slds: 'spacing-5', fluent: 'spacingHorizontalXXL', light: '1.5rem' },
  {
    name: 'font-family',
    slds: 'font-family',
    fluent: 'fontFamilyBase',
    light: "system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif",
  },
  { name: 'font-size', slds: 'font-size-base', fluent: 'fontSizeBase300', light: '0.875rem' },
  { name: 'font-size-small', slds: 'font-size-2', fluent: 'fontSizeBase200', light: '0.75rem' },
  { name: 'font-size-large', slds: 'font-size-5', fluent: 'fontSizeBase500', light: '1.25rem' },
  { name: 'line-height', fluent: 'lineHeightBase300', light: '1.4' },
];

const withHost = (t: Token, fallback: string): string => {
  let value = fallback;
  if (t.fluent) value = `var(--${t.fluent}, ${value})`;
  if (t.slds) value = `var(--slds-g-${t.slds}, ${value})`;
  return value;
};

const block = (pick: (t: Token) => string | undefined): string =>
  TOKENS.flatMap((t) => {
    const value = pick(t);
    return value === undefined ? [] : [`--_${t.name}: ${value};`];
  }).join('\n');

/*
 * Each theme reads its own public names, so that a host's branding for one theme never lands in
 * another: a brand's dark `--prm-text`, made for the host's light page, would be dark text on the
 * dark theme's dark panel. `--prm-<name>` is the light theme's (and the theme-less sizes'),
 * `--prm-dark-<name>` the dark theme's, `--prm-contrast-<name>` high contrast's. Salesforce's and
 * Fluent's tokens still apply in light and dark: those hosts swap them with their own theme.
 */
const light = block((t) => `var(--prm-${t.name}, ${withHost(t, t.light)})`);
const dark = block((t) => t.dark && `var(--prm-dark-${t.name}, ${withHost(t, t.dark)})`);
const contrast = block((t) => t.contrast && `var(--prm-contrast-${t.name}, ${t.contrast})`);
const forced = block((t) => t.forced);

/**
 * The resolved tokens on `:host`, for every theme. Every widget's styles start with it. The theme
 * selectors read `data-prm-theme`, which `PrmElement` keeps equal to the theme in effect (its own
 * `theme` attribute, else the host context's); `[theme=…]` is matched too so that a styled element
 * is right before its first update.
 */
export const tokens = css`
  :host {
    ${unsafeCSS(light)}
    color-scheme: light;
  }
  :host([theme='dark']),
  :host([data-prm-theme='dark']) {
    ${unsafeCSS(dark)}
    color-scheme: dark;
  }
  :host([theme='high-contrast']),
  :host([data-prm-theme='high-contrast']) {
    ${unsafeCSS(contrast)}
    color-scheme: dark;
  }
  @media (prefers-color-scheme: dark) {
    :host([data-prm-theme='auto']) {
      ${unsafeCSS(dark)}
      color-scheme: dark;
    }
  }
  @media (prefers-contrast: more) {
    :host([data-prm-theme='auto']) {
      ${unsafeCSS(contrast)}
      color-scheme: dark;
    }
  }
  @media (forced-colors: active) {
    /* As specific as the theme rules above, and later, so that it overrides every theme. */
    :host,
    :host([data-prm-theme]) {
      ${unsafeCSS(forced)}
    }
  }
`;

/**
 * Host defaults every widget wants: the token font and colours, `hidden` that hides, a visible
 * focus ring in the token colour, box sizing that does not surprise, and `.visually-hidden` (read
 * by screen readers, not shown: the live regions of `StatusController`, hidden headings).
 */
export const hostStyles = css`
  :host {
    box-sizing: border-box;
    font-family: var(--_font-family);
    font-size: var(--_font-size);
    line-height: var(--_line-height);
    color: var(--_text);
  }
  :host([hidden]) {
    display: none !important;
  }
  *,
  *::before,
  *::after {
    box-sizing: inherit;
  }
  :focus-visible {
    outline: 2px solid var(--_focus-ring);
    outline-offset: 2px;
  }
  .visually-hidden {
    position: absolute;
    inline-size: 1px;
    block-size: 1px;
    margin: -1px;
    padding: 0;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
    border: 0;
  }
`;
