/** Which copy of the embed script owns the page; the one global the embed script sets. */
const OWNER = Symbol.for('prm-widgets.embed');

export interface EmbedOwner {
  version: string;
  url: string;
}

type Global = typeof globalThis & { [OWNER]?: EmbedOwner };

/**
 * True for the first copy of the embed script on a page. A later copy (the tag pasted twice with
 * different cache busters, a CMS block adding its own, another version) gets false and logs one
 * warning, so it configures nothing a second time. Not a development-only warning: this mistake is
 * made on production pages, and the console is where a partner's developer looks.
 */
export function claimPage(self: EmbedOwner): boolean {
  const g = globalThis as Global;
  const owner = g[OWNER];
  if (!owner) {
    Object.defineProperty(g, OWNER, { value: Object.freeze({ ...self }), enumerable: false });
    return true;
  }
  const same = owner.version === self.version ? 'the same version' : `version ${owner.version}`;
  console.warn(
    `[prm-widgets] The embed script is loaded more than once on this page: ${owner.url} (${same}) came first and serves every prm-* element; this copy (${self.version}, ${self.url}) does nothing. Keep one <script type="module"> tag.`,
  );
  return false;
}

/** The copy that owns the page, if any. */
export const pageOwner = (): EmbedOwner | undefined => (globalThis as Global)[OWNER];
