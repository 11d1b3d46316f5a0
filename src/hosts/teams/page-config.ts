/**
 * @module The tab pages' configuration: a JSON block in the page,
 * `<script type="application/json" id="prm-teams-config">`, which runs nothing (the pages' CSP
 * allows no inline script). The Entra and Teams ids are the deployment's, never the code's.
 */
import * as z from 'zod/mini';

export const TabPageConfig = z.object({
  /** Where the Partner API lives, without `/v1`; the page's origin when empty. */
  apiBase: z.optional(z.string()),
  /** The tab's Entra app (client) id. */
  clientId: z.string().check(z.minLength(1)),
  /** The API scope the tab asks for: `api://<domain>/<client id>/access_as_user`. */
  apiScope: z.string().check(z.minLength(1)),
  /** The Teams app id (the manifest's `id`), for deep links. */
  appId: z.string().check(z.minLength(1)),
  /** Where a visitor outside Teams signs in (the web host's sign-in). */
  signInUrl: z.optional(z.string()),
  /** Origins of a host other than Teams' and this page's own. */
  validOrigins: z.optional(z.array(z.string())),
});
export type TabPageConfig = z.infer<typeof TabPageConfig>;

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
