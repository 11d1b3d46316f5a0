import { LitElement, adoptStyles } from 'lit';
import type { CSSResultGroup, CSSResultOrNative, PropertyValues } from 'lit';
import { property } from 'lit/decorators.js';
import { ContextConsumer, ContextRoot } from '@lit/context';
import type { PartnerClient } from '../../core/client.js';
import { clientContext, hostContext, isTheme } from './context.js';
import type { HostContext, Theme } from './context.js';
import { devWarn } from './dev.js';
import { canonicalLocale, messagesReady, t as translate } from './i18n.js';
import type { MessageKey, MessageParams } from './i18n.js';
import { hostStyles, tokens } from './tokens.js';

// ---------------------------------------------------------------------------------------------
// Module switches
// ---------------------------------------------------------------------------------------------

let shadowRootMode: ShadowRootMode = 'open';
let anyRendered = false;

/**
 * Open shadow roots by default; the Salesforce bundle calls `setShadowRootMode('closed')` before it
 * defines any element, because Lightning Web Security requires closed roots. The mode applies to
 * elements that render after the call; reach inside through `renderRoot`, never `shadowRoot`.
 */
export function setShadowRootMode(mode: ShadowRootMode): void {
  if (anyRendered && mode !== shadowRootMode) {
    devWarn(
      'late-shadow-root-mode',
      `setShadowRootMode('${mode}') was called after widgets rendered; those keep their ${shadowRootMode} roots.`,
    );
  }
  shadowRootMode = mode;
}

export const getShadowRootMode = (): ShadowRootMode => shadowRootMode;

/** The `prm-*` events declared in `GlobalEventHandlersEventMap`, and the detail each carries. */
export type PrmEventName = Extract<keyof GlobalEventHandlersEventMap, `prm-${string}`>;
export type PrmEventDetail<K extends PrmEventName> =
  GlobalEventHandlersEventMap[K] extends CustomEvent<infer D> ? D : never;
export type EmitInit = Omit<CustomEventInit, 'detail'>;

/** The parent across shadow boundaries: a shadow root's children inherit `lang` from its host. */
const parentOf = (node: Element): Element | null =>
  node.parentElement ?? (node.parentNode as ShadowRoot | null)?.host ?? null;

function ancestorLang(element: Element): string | undefined {
  for (let node = parentOf(element); node; node = parentOf(node)) {
    const lang = canonicalLocale(node.getAttribute('lang'));
    if (lang) return lang;
  }
  return undefined;
}

/**
 * The one base class of every widget.
 *
 * - `lang`: the element's own, else the host context's locale, else the nearest `[lang]` ancestor
 *   (across shadow roots), else `navigator.language`; `resolvedLocale` is the result, kept current
 *   when any of them changes.
 * - `theme`: the element's own, else the host context's, else `light`; mirrored to the
 *   `data-prm-theme` attribute that the design tokens select on.
 * - `client`: the `client` property, else the nearest `<prm-provider>`'s (`resolvedClient`).
 * - `emit()`: typed `prm-*` events that bubble and cross shadow roots.
 */
export class PrmElement extends LitElement {
  static override styles: CSSResultGroup = [tokens, hostStyles];

  // ---------------------------------------------------------------- public API

  /** The language of this element's text, as a BCP 47 tag; inherited when not set. */
  @property({ reflect: true }) override lang!: string;

  /** `light`, `dark`, `high-contrast` or `auto` (follows the OS); inherited from the host when not set. */
  @property({ reflect: true }) theme?: Theme;

  /** The Partner API client; when set, it wins over the one a `<prm-provider>` provides. */
  @property({ attribute: false }) client?: PartnerClient;

  /** The client this element uses: its own `client`, else its provider's. */
  get resolvedClient(): PartnerClient | undefined {
    return this.client ?? this.#clientConsumer.value;
  }

  /** What the host provided, if anything. */
  get hostContext(): HostContext | undefined {
    return this.#hostConsumer.value;
  }

  /** The locale that text, numbers and dates are rendered in. */
  get resolvedLocale(): string {
    return (
      canonicalLocale(this.lang) ??
      canonicalLocale(this.hostContext?.locale) ??
      ancestorLang(this) ??
      canonicalLocale(globalThis.navigator?.language) ??
      'en'
    );
  }

  /** The theme in effect. */
  get resolvedTheme(): Theme {
    if (this.theme != null && !isTheme(this.theme)) {
      devWarn(
        'invalid-theme',
        `<${this.localName}> theme="${String(this.theme)}" is not one of light, dark, high-contrast, auto; it is ignored.`,
        String(this.theme),
      );
    }
    return (isTheme(this.theme) ? this.theme : undefined) ?? this.hostContext?.theme ?? 'light';
  }

  /**
   * Dispatches a `prm-*` event from this element. It bubbles and is composed (it leaves the shadow
   * root) unless `init` says otherwise; whether it is cancelable is the event's own decision. Returns
   * the event, so a caller can check `defaultPrevented`. An `Event` instance (a small event class)
   * is dispatched as it is.
   */
  emit<K extends PrmEventName>(
    name: K,
    detail: PrmEventDetail<K>,
    init?: EmitInit,
  ): CustomEvent<PrmEventDetail<K>>;
  emit<E extends Event>(event: E): E;
  emit(nameOrEvent: string | Event, detail?: unknown, init?: EmitInit): Event {
    const event =
      typeof nameOrEvent === 'string'
        ? new CustomEvent(nameOrEvent, {
            bubbles: true,
            composed: true,
            cancelable: false,
            ...init,
            detail,
          })
        : nameOrEvent;
    this.dispatchEvent(event);
    return event;
  }

  // ---------------------------------------------------------------- for subclasses

  /** A catalogue message in this element's locale. */
  protected t(key: MessageKey, params?: MessageParams): string {
    return translate(this.resolvedLocale, key, params);
  }

  /**
   * The client, or a thrown error after a development warning: for a `@lit/task` that cannot run
   * without one. A task should return `initialState` while `resolvedClient` is still `undefined`
   * right after connecting (a provider defined later answers through the context root).
   */
  protected requireClient(): PartnerClient {
    const client = this.resolvedClient;
    if (client) return client;
    devWarn(
      'missing-client',
      `<${this.localName}> has no Partner API client: place it inside a <prm-provider> or set its client property.`,
      this.localName,
    );
    throw new Error(`<${this.localName}> has no Partner API client`);
  }

  // ---------------------------------------------------------------- implementation

  #clientConsumer = new ContextConsumer(this, { context: clientContext, subscribe: true });
  #hostConsumer = new ContextConsumer(this, { context: hostContext, subscribe: true });
  #renderedLocale: string | undefined;

  static #connected = new Set<PrmElement>();
  static #langObserver: MutationObserver | undefined;
  static #contextRoot: ContextRoot | undefined;

  /** A `lang` change anywhere in the document re-renders the widgets whose locale it changes. */
  static #watchLang(): void {
    if (PrmElement.#langObserver || typeof MutationObserver === 'undefined') return;
    PrmElement.#langObserver = new MutationObserver(() => {
      for (const element of PrmElement.#connected) {
        if (element.#renderedLocale !== element.resolvedLocale) element.requestUpdate();
      }
    });
    PrmElement.#langObserver.observe(document.documentElement, {
      attributes: true,
      attributeFilter: ['lang'],
      subtree: true,
    });
  }

  override connectedCallback(): void {
    // Before the consumers ask: a request that no provider answers yet is kept by the root and
    // asked again when a provider connects (a provider whose bundle loads after the widgets').
    if (!PrmElement.#contextRoot && typeof document !== 'undefined') {
      PrmElement.#contextRoot = new ContextRoot();
      PrmElement.#contextRoot.attach(document.documentElement);
    }
    PrmElement.#connected.add(this);
    PrmElement.#watchLang();
    super.connectedCallback();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    PrmElement.#connected.delete(this);
  }

  protected override createRenderRoot(): HTMLElement | DocumentFragment {
    anyRendered = true;
    // As ReactiveElement/LitElement do, with the mode of the module switch.
    const ctor = this.constructor as typeof LitElement;
    const root = this.attachShadow({ ...ctor.shadowRootOptions, mode: shadowRootMode });
    adoptStyles(root, ctor.elementStyles);
    this.renderOptions.renderBefore ??= root.firstChild;
    return root;
  }

  /**
   * Adds styles after the element rendered: those of a second chunk (forms, a vendor desk) that
   * only some users load. The class's own styles stay first; the root keeps its mode.
   */
  protected addStyles(...styles: CSSResultOrNative[]): void {
    const root = this.renderRoot;
    if (!(root instanceof ShadowRoot)) return;
    const ctor = this.constructor as typeof LitElement;
    adoptStyles(root, [...ctor.elementStyles, ...styles]);
  }

  /** Renders once this locale's messages are in (a language other than English loads lazily). */
  protected override scheduleUpdate(): void | Promise<unknown> {
    const ready = messagesReady(this.resolvedLocale);
    return ready ? ready.then(() => super.scheduleUpdate()) : super.scheduleUpdate();
  }

  protected override update(changed: PropertyValues): void {
    const theme = this.resolvedTheme;
    if (this.getAttribute('data-prm-theme') !== theme) this.setAttribute('data-prm-theme', theme);
    this.#renderedLocale = this.resolvedLocale;
    super.update(changed);
  }
}
