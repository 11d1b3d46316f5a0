/** @module Messages of `<prm-content-finder>`, which registers them with `../shared/i18n.ts`. */

import type { Message } from '../shared/i18n.js';

declare module '../shared/i18n.js' {
  interface Messages {
    contentFinder: typeof en;
  }
}

export const en = {
  'contentFinder.label': 'Content library',
  'contentFinder.search': 'Search content',
  'contentFinder.placeholder': 'Data sheet, pricing, logo…',
  'contentFinder.filters': 'Filters',
  'contentFinder.facet.type': 'Type',
  'contentFinder.facet.product': 'Product',
  'contentFinder.facet.language': 'Language',
  'contentFinder.facetValue': '{value} ({count})',
  'contentFinder.any': 'All',
  'contentFinder.type.datasheet': 'Data sheet',
  'contentFinder.type.presentation': 'Presentation',
  'contentFinder.type.case_study': 'Case study',
  'contentFinder.type.playbook': 'Playbook',
  'contentFinder.type.video': 'Video',
  'contentFinder.type.training': 'Training',
  'contentFinder.type.price_list': 'Price list',
  'contentFinder.type.brand_asset': 'Brand asset',
  'contentFinder.type.guide': 'Guide',
  'contentFinder.freshness.new': 'New',
  'contentFinder.freshness.updated': 'Updated',
  'contentFinder.freshness.review_due': 'Review due',
  'contentFinder.results': { one: '{count} asset', other: '{count} assets' },
  'contentFinder.download': 'Download {format}, {size}',
  'contentFinder.downloading': 'Downloading {format}: {percent}',
  'contentFinder.downloadFailed': 'The download failed.',
  'contentFinder.empty': 'Nothing matches “{q}”.',
  'contentFinder.emptyNoQuery': 'No content here yet.',
  'contentFinder.suggestions': 'Try instead:',
  'contentFinder.clearFilters': 'Clear filters',
  'contentFinder.error': 'The content library could not be searched.',
  'contentFinder.updated': 'The library changed; results are up to date.',
} satisfies Record<string, Message>;

/**
 * The German catalogue, in a module of its own: a page loads it only when a widget renders in
 * German (`../shared/i18n.ts` calls this then), so an English page carries no German.
 */
export const de = () => import('./prm-content-finder.messages.de.js').then((m) => m.de);
