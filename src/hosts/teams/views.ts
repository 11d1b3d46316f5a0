/**
 * @module What a tab can show: every element of the web loader's registry (`../web/widgets.ts`)
 * but the provider. A widget added there appears in the personal tab and in the configurable
 * tab's choices with nothing changed here; the labels below only name the ones known today more
 * nicely than their tag does.
 */
import { define } from '../../widgets/shared/define.js';
import { WIDGETS } from '../web/widgets.js';

/** What a partner opens the personal tab for comes first: their deals, then registering one. */
const FIRST = ['prm-deal-list', 'prm-deal-registration'];

/** The elements a tab can show: the first two above, then the rest in the registry's order. */
export const TAB_WIDGETS: readonly string[] = Object.keys(WIDGETS)
  .filter((tag) => tag !== 'prm-provider')
  .sort((a, b) => rank(a) - rank(b));

function rank(tag: string): number {
  const i = FIRST.indexOf(tag);
  return i === -1 ? FIRST.length : i;
}

const LABELS: Record<string, string> = {
  'prm-deal-list': 'My deals',
  'prm-deal-registration': 'Register a deal',
  'prm-tier-progress': 'Tier progress',
  'prm-content-finder': 'Content',
  'prm-mdf-balance': 'Marketing funds',
};

/** `prm-deal-list` → its label; an unknown tag `prm-lead-inbox` → `Lead inbox`. */
export function widgetLabel(tag: string): string {
  const known = LABELS[tag];
  if (known) return known;
  const words = tag.replace(/^prm-/, '').replace(/-/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** Loads and defines the element (its own chunk), once. */
export async function defineWidget(tag: string): Promise<void> {
  const importer = WIDGETS[tag];
  if (!importer) throw new Error(`This version has no <${tag}>.`);
  if (!customElements.get(tag)) define(tag, await importer());
}

/** Attribute names a tab URL may set on its widget: lower-case words joined by hyphens. */
const ATTRIBUTE = /^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/;

export interface TabView {
  tag: string;
  attributes: Record<string, string>;
}

/**
 * What a configured tab shows, from its URL: `?view=prm-deal-list&status=under_review`. Every
 * other parameter is an attribute of the widget, so a widget's own attributes work without a
 * list here. Unknown views and malformed names are dropped.
 */
export function viewFromUrl(url: URL): TabView | undefined {
  const tag = url.searchParams.get('view');
  if (!tag || !TAB_WIDGETS.includes(tag)) return undefined;
  const attributes: Record<string, string> = {};
  for (const [name, value] of url.searchParams) {
    if (name !== 'view' && ATTRIBUTE.test(name) && !name.startsWith('on')) attributes[name] = value;
  }
  return { tag, attributes };
}

/** The tab URL for a view: the inverse of {@link viewFromUrl}. */
export function urlForView(base: URL | string, view: TabView): string {
  const url = new URL(base);
  url.search = '';
  url.searchParams.set('view', view.tag);
  for (const [name, value] of Object.entries(view.attributes)) {
    if (value) url.searchParams.set(name, value);
  }
  return url.href;
}
