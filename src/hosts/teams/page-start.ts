/**
 * @module How both Teams pages (the tab and its configuration page) begin: read the page's
 * configuration, start the Teams session, and when there is none show why (a configuration
 * problem, a page of its own, a frame that is not Teams) in the page's `#tab` element.
 */
import { render } from 'lit';
import { readPageConfig } from './page-config.js';
import type { TabPageConfig } from './page-config.js';
import { notTeamsPanel, problem, signInPanel } from './panels.js';
import { startSession } from './session.js';
import type { TeamsSession } from './session.js';

/** The configuration and the session, or undefined when the page already says why not. */
export async function startTabPage(): Promise<
  { config: TabPageConfig; session: TeamsSession } | undefined
> {
  const root = document.getElementById('tab')!;
  let config: TabPageConfig;
  try {
    config = readPageConfig();
  } catch (error) {
    root.replaceChildren();
    render(problem((error as Error).message), root);
    return undefined;
  }
  const started = await startSession(config);
  if (started.kind === 'teams') return { config, session: started.session };
  root.replaceChildren();
  if (started.kind === 'top-level') render(signInPanel(config), root);
  else render(notTeamsPanel(config, started.reason), root);
  return undefined;
}
