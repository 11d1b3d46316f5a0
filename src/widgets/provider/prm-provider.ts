import { html } from 'lit';
import type { CSSResultGroup } from 'lit';
import { property } from 'lit/decorators.js';
import { ContextProvider } from '@lit/context';
import type { TokenProvider } from '../../core/auth.js';
import type { PartnerClient } from '../../core/client.js';
import { clientFromConfig } from '../shared/client-config.js';
import { clientContext, hostContext } from '../shared/context.js';
import type { HostContext } from '../shared/context.js';
import { canonicalLocale } from '../shared/i18n.js';
import { PrmElement } from '../shared/prm-element.js';
import { styles } from './prm-provider.styles.js';

/**
 * Builds one Partner API client from its attributes and gives it, with the locale and theme, to
 * every widget below it, across shadow roots. A widget's own `client`, `lang` and `theme` win over
 * what the provider gives. Nested providers work: the innermost one serves the widgets inside it,
 * and one without `locale` or `theme` passes on its parent's.
 *
 * @summary Connects the widgets inside it to a Partner API.
 *
 * @slot - The widgets, at any depth.
 *
 * @cssproperty [--prm-accent=#0b5cab] - Accent colour of every widget inside (custom properties inherit through the provider).
 * @cssproperty [--prm-surface=#ffffff] - Background of every widget inside.
 * @cssproperty [--prm-text=#181818] - Text colour of every widget inside.
 * @cssproperty [--prm-font-family=system-ui] - Font of every widget inside.
 *
 * @example
 * ```html
 * <prm-provider api-base="https://prm.example.com" token-url="/prm/token" locale="de-DE">
 *   <prm-deal-list></prm-deal-list>
 * </prm-provider>
 * ```
 */
export class PrmProvider extends PrmElement {
  static override styles: CSSResultGroup = styles;

  // ---------------------------------------------------------------- public API

  /** Where the Partner API lives, without `/v1`; defaults to this page's origin. */
  @property({ attribute: 'api-base', reflect: true }) apiBase?: string;

  /**
   * A URL on the embedding site that answers `GET` with `{ token, expiresAt }` for the signed-in
   * user (sent with the page's cookies). The token is fetched when first needed and again before it
   * expires.
   */
  @property({ attribute: 'token-url', reflect: true }) tokenUrl?: string;

  /** Where tokens come from, when the page has them some other way; wins over `token-url`. */
  @property({ attribute: false }) getToken?: TokenProvider;

  /** The locale for the widgets inside (BCP 47, e.g. `de-DE`); else the parent host's, else each widget's `[lang]`. */
  @property({ reflect: true }) locale?: string;

  /** The client the widgets inside get: the `client` property if set, else the one built from the attributes. */
  get providedClient(): PartnerClient | undefined {
    return this.client ?? this.#built;
  }

  // ---------------------------------------------------------------- implementation

  #clientProvider = new ContextProvider(this, { context: clientContext });
  #hostProvider = new ContextProvider(this, { context: hostContext });
  #built: PartnerClient | undefined;
  #builtFrom: readonly unknown[] = [];

  // Not in connectedCallback: an element upgraded late gets the properties set on it before the
  // upgrade (`.getToken`) only at its first update. Widgets inside ask at once and are answered
  // then; the provider updates before them, as it connected first.
  protected override willUpdate(): void {
    this.#sync();
  }

  #sync(): void {
    if (!this.client) {
      const from = [this.apiBase, this.tokenUrl, this.getToken];
      if (!this.#built || from.some((value, i) => value !== this.#builtFrom[i])) {
        this.#built = this.#build();
        this.#builtFrom = from;
      }
    }
    const client = this.providedClient;
    if (this.#clientProvider.value !== client) this.#clientProvider.setValue(client);

    const host: HostContext = {
      locale: canonicalLocale(this.locale) ?? this.hostContext?.locale,
      theme: this.resolvedTheme,
    };
    const current = this.#hostProvider.value;
    if (current?.locale !== host.locale || current?.theme !== host.theme) {
      this.#hostProvider.setValue(host);
    }
  }

  #build(): PartnerClient {
    return clientFromConfig(
      { apiBase: this.apiBase, tokenUrl: this.tokenUrl, getToken: this.getToken },
      '<prm-provider>',
    );
  }

  protected override render() {
    return html`<slot></slot>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'prm-provider': PrmProvider;
  }
}
