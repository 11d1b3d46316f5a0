// Shared by the embed-script tests: loading the script the way a page does (a module script tag
// with data attributes) and a bare probe widget to see what it was given.
import { html } from 'lit';
import { PrmElement } from '../../src/widgets/shared/prm-element.js';

declare global {
  interface HTMLElementTagNameMap {
    'host-probe': HostProbe;
  }
}

/** The smallest widget: it shows whether it has a client. */
export class HostProbe extends PrmElement {
  protected override render() {
    return html`<p>${this.resolvedClient ? 'connected' : 'no client'}</p>`;
  }
}
if (!customElements.get('host-probe')) customElements.define('host-probe', HostProbe);

/**
 * Adds `<script type="module" src data-*>` to the head and resolves once it has run and its
 * `ready` (the loader's: configuration applied, the runtime in) has resolved. The `load` event
 * alone does not wait for what the loader imports lazily.
 */
export function loadScript(
  src: string,
  data: Record<string, string> = {},
): Promise<HTMLScriptElement> {
  const script = document.createElement('script');
  script.type = 'module';
  script.src = src;
  for (const [key, value] of Object.entries(data)) script.dataset[key] = value;
  return new Promise((resolve, reject) => {
    script.addEventListener('load', () => {
      // The same URL: the module instance the tag ran.
      import(/* @vite-ignore */ script.src)
        .then((module: { ready?: Promise<void> }) => module.ready)
        .then(() => resolve(script), reject);
    });
    script.addEventListener('error', () => reject(new Error(`${src} did not load`)));
    document.head.append(script);
  });
}

let seeds = 0;
/** A token URL of the widget test routes whose tokens no other test shares: `<seed>-1`, … */
export function tokenUrl(): { seed: string; url: string } {
  const seed = `embed${++seeds}${Math.random().toString(36).slice(2, 8)}`;
  return { seed, url: `/__prm-widgets/token?seed=${seed}` };
}

/** The widget test routes' fake API: `/v1/me` echoes the token and names the label. */
export const api = (label: string) => `/__prm-widgets/api/${label}`;

/** Collects `console.warn` calls while `fn` runs and after, until `stop()`. */
export function captureWarnings(): { warnings: string[]; stop(): void } {
  const original = console.warn;
  const warnings: string[] = [];
  console.warn = (...args: unknown[]) => void warnings.push(args.map(String).join(' '));
  return { warnings, stop: () => void (console.warn = original) };
}
