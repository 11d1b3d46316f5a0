/**
 * @module Test elements on the `PrmElement` base, for the base class's own tests: a widget, a host
 * that provides contexts, and an outer element that puts a widget in its shadow root.
 */
import { html } from '@open-wc/testing';
import { css, LitElement } from 'lit';
import { ContextProvider } from '@lit/context';
import type { PartnerClient } from '../../src/core/client.js';
import { clientContext, hostContext } from '../../src/widgets/shared/context.js';
import { PrmElement } from '../../src/widgets/shared/prm-element.js';
import { hostStyles, tokens } from '../../src/widgets/shared/tokens.js';

declare global {
  interface GlobalEventHandlersEventMap {
    'prm-test-ping': CustomEvent<{ n: number }>;
  }
  interface HTMLElementTagNameMap {
    'prm-test-widget': TestWidget;
    'prm-test-host': TestHost;
    'prm-test-outer': TestOuter;
  }
}

export class TestWidget extends PrmElement {
  static override styles = [
    tokens,
    hostStyles,
    css`
      [part='box'] {
        color: var(--_text);
        background-color: var(--_surface);
      }
    `,
  ];
  protected override render() {
    return html`<p part="box">${this.t('common.items', { count: 2 })}</p>`;
  }
  ping(n: number, cancelable = false) {
    return this.emit('prm-test-ping', { n }, { cancelable });
  }
  needClient() {
    return this.requireClient();
  }
}
customElements.define('prm-test-widget', TestWidget);

/** Provides a host context and a client, as `<prm-provider>` or a host adapter would. */
export class TestHost extends PrmElement {
  host = new ContextProvider(this, { context: hostContext });
  clientProvider = new ContextProvider(this, { context: clientContext });
  protected override render() {
    return html`<slot></slot>`;
  }
}
customElements.define('prm-test-host', TestHost);

/** Puts a widget inside its own shadow root, to see events and `lang` cross the boundary. */
export class TestOuter extends LitElement {
  protected override render() {
    return html`<prm-test-widget></prm-test-widget>`;
  }
}
customElements.define('prm-test-outer', TestOuter);

/** A stand-in client, told apart by its name (for tests of which client an element gets). */
export const namedClient = (name: string) => ({ name }) as unknown as PartnerClient;
export const token = (el: Element, name: string) =>
  getComputedStyle(el).getPropertyValue(name).trim();
export const box = (el: TestWidget) => el.renderRoot.querySelector('[part=box]')!;

/** Collects console.warn calls while `fn` runs. */
export async function warnings(fn: () => unknown): Promise<string[]> {
  const seen: string[] = [];
  const original = console.warn;
  console.warn = (...args: unknown[]) => seen.push(args.map(String).join(' '));
  try {
    await fn();
  } finally {
    console.warn = original;
  }
  return seen;
}
