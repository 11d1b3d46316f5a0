/** @module The widget classes and their shared base, without registering any element. */
export { PrmElement, setShadowRootMode, getShadowRootMode } from './shared/prm-element.js';
export type { PrmEventName, PrmEventDetail, EmitInit } from './shared/prm-element.js';
export { clientContext, hostContext, THEMES, isTheme } from './shared/context.js';
export type { HostContext, Theme } from './shared/context.js';
export { define } from './shared/define.js';
export { tokens, hostStyles } from './shared/tokens.js';
export { t, canonicalLocale, SUPPORTED_LANGUAGES } from './shared/i18n.js';
export type { MessageKey, MessageParams } from './shared/i18n.js';
export { PrmProvider } from './provider/prm-provider.js';
