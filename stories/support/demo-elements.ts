/**
 * Two story-only elements built the way widgets are: `prm-story-whoami` loads `/v1/me` through its
 * provider's client with `@lit/task`; `prm-story-swatches` shows the resolved design tokens.
 */
import { css, html } from 'lit';
import { Task } from '@lit/task';
import type { Me } from '../../src/core/index.js';
import { define } from '../../src/widgets/shared/define.js';
import { PrmElement } from '../../src/widgets/shared/prm-element.js';
import { hostStyles, TOKENS, tokens } from '../../src/widgets/shared/tokens.js';

/** The signed-in user of the stories. */
export const demoMe: Me = {
  user: {
    id: 'usr_demo',
    name: 'Dana Demo',
    email: 'dana@acme-partner.example',
    role: 'partner_admin',
  },
  partner: {
    id: 'prt_acme',
    name: 'Acme Partner GmbH',
    type: 'reseller',
    tier: { id: 'tier_gold', name: 'Gold', rank: 2 },
  },
};

class StoryWhoami extends PrmElement {
  static override styles = [
    tokens,
    hostStyles,
    css`
      :host {
        display: block;
        padding: var(--_space-3);
        background: var(--_surface);
        border: 1px solid var(--_border);
        border-radius: var(--_radius);
      }
      .muted {
        color: var(--_text-muted);
      }
    `,
  ];

  #me = new Task(this, {
    task: ([client], { signal }) => client!.me({ signal }),
    args: () => [this.resolvedClient] as const,
  });

  protected override render() {
    if (!this.resolvedClient) return html`<p>${this.t('common.missingClient')}</p>`;
    return this.#me.render({
      pending: () => html`<p class="muted">${this.t('common.loading')}</p>`,
      complete: (me) =>
        html`<p><strong>${me.user.name}</strong> <span class="muted">(${me.user.role})</span></p>
          <p class="muted">${me.partner?.name ?? '—'} · ${this.resolvedLocale}</p>`,
      error: () => html`<p role="alert">${this.t('common.error')}</p>`,
    });
  }
}

const COLOURS = TOKENS.filter((t) => t.name !== 'radius' && !/^(space|font|line)/.test(t.name));

class StorySwatches extends PrmElement {
  static override styles = [
    tokens,
    hostStyles,
    css`
      :host {
        display: block;
        padding: var(--_space-3);
        background: var(--_surface);
        color: var(--_text);
      }
      ul {
        display: grid;
        grid-template-columns: repeat(auto-fill, minmax(8rem, 1fr));
        gap: var(--_space-2);
        margin: 0;
        padding: 0;
        list-style: none;
      }
      li {
        display: grid;
        gap: var(--_space-1);
        font-size: var(--_font-size-small);
      }
      span {
        block-size: 2rem;
        border: 1px solid var(--_border);
        border-radius: var(--_radius);
      }
    `,
  ];

  protected override render() {
    return html`<p>theme: ${this.resolvedTheme}</p>
      <ul>
        ${COLOURS.map(
          (t) =>
            html`<li>
              <span style="background: var(--_${t.name})"></span><code>--prm-${t.name}</code>
            </li>`,
        )}
      </ul>`;
  }
}

/**
 * Called by the stories that use them, not run on import: package.json's `sideEffects` lists only
 * the define entries, so the bundler drops a bare `import './demo-elements.js'`.
 */
export function defineDemoElements(): void {
  define('prm-story-whoami', StoryWhoami);
  define('prm-story-swatches', StorySwatches);
}

declare global {
  interface HTMLElementTagNameMap {
    'prm-story-whoami': StoryWhoami;
    'prm-story-swatches': StorySwatches;
  }
}
