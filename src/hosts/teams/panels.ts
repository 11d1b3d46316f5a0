/**
 * @module What a tab page shows when it is not in Teams, or is set up wrong: text only.
 */
import { html } from 'lit';
import type { TemplateResult } from 'lit';
import type { TabPageConfig } from './page-config.js';

/** A page of its own (no frame): the web host's sign-in, at once. */
export function signInPanel(config: Pick<TabPageConfig, 'signInUrl'>): TemplateResult {
  return html`<section class="tab-panel" id="web-sign-in" aria-labelledby="web-sign-in-title">
    <h1 id="web-sign-in-title">Sign in</h1>
    <p>
      This page is a Microsoft Teams tab. Outside Teams, sign in on the partner portal to see your
      deals.
    </p>
    ${
      config.signInUrl
        ? html`<p><a class="tab-button" href=${config.signInUrl}>Sign in on the web</a></p>`
        : html`<p>Ask your program team for the partner portal's address.</p>`
    }
  </section>`;
}

/** A frame whose parent is not Teams. */
export function notTeamsPanel(
  config: Pick<TabPageConfig, 'signInUrl'>,
  reason: string,
): TemplateResult {
  return html`<section class="tab-panel" id="not-teams" role="alert">
    <h1>Open this tab in Microsoft Teams</h1>
    <p>
      This page runs inside Microsoft Teams, and the page around it is not Teams: ${reason} Nothing
      is shown here.
    </p>
    ${
      config.signInUrl
        ? html`<p><a href=${config.signInUrl} target="_top">Sign in on the web instead</a></p>`
        : ''
    }
  </section>`;
}

export function problem(message: string): TemplateResult {
  return html`<p class="tab-problem" role="alert">${message}</p>`;
}
