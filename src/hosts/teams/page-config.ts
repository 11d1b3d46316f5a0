/**
 * @module The tab pages' configuration: a JSON block in the page,
 * `<script type="application/json" id="prm-teams-config">`, which runs nothing (the pages' CSP
 * allows no inline script). The Entra and Teams ids are the deployment's, never the code's: the
 * server that serves the page (`prm serve`, `src/server/teams/`) writes the block from the
 * deployment's configuration.
 */
import { TabPageConfig } from '../../core/schema/teams.js';

export { TabPageConfig } from '../../core/schema/teams.js';

export function readPageConfig(doc: Document = document): TabPageConfig {
  const text = doc.getElementById('prm-teams-config')?.textContent ?? '';
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new Error('The page has no readable #prm-teams-config JSON block.');
  }
  const parsed = TabPageConfig.safeParse(json);
  if (!parsed.success) {
    const fields = parsed.error.issues.map((i) => i.path.join('.')).join(', ');
    throw new Error(`The page's #prm-teams-config is missing or has wrong fields: ${fields}.`);
  }
  return parsed.data;
}
