/** @module Messages of `<prm-content-finder>`, which registers them with `../shared/i18n.ts`. */

import type { Translation } from '../shared/i18n.js';

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
};

export const de: Translation<typeof en> = {
  'contentFinder.label': 'Inhaltsbibliothek',
  'contentFinder.search': 'Inhalte suchen',
  'contentFinder.placeholder': 'Datenblatt, Preise, Logo…',
  'contentFinder.filters': 'Filter',
  'contentFinder.facet.type': 'Art',
  'contentFinder.facet.product': 'Produkt',
  'contentFinder.facet.language': 'Sprache',
  'contentFinder.facetValue': '{value} ({count})',
  'contentFinder.any': 'Alle',
  'contentFinder.type.datasheet': 'Datenblatt',
  'contentFinder.type.presentation': 'Präsentation',
  'contentFinder.type.case_study': 'Fallstudie',
  'contentFinder.type.playbook': 'Playbook',
  'contentFinder.type.video': 'Video',
  'contentFinder.type.training': 'Schulung',
  'contentFinder.type.price_list': 'Preisliste',
  'contentFinder.type.brand_asset': 'Markenelement',
  'contentFinder.type.guide': 'Handbuch',
  'contentFinder.freshness.new': 'Neu',
  'contentFinder.freshness.updated': 'Aktualisiert',
  'contentFinder.freshness.review_due': 'Prüfung fällig',
  'contentFinder.results': { one: '{count} Inhalt', other: '{count} Inhalte' },
  'contentFinder.download': '{format} herunterladen, {size}',
  'contentFinder.downloading': '{format} wird geladen: {percent}',
  'contentFinder.downloadFailed': 'Der Download ist fehlgeschlagen.',
  'contentFinder.empty': 'Nichts passt zu „{q}“.',
  'contentFinder.emptyNoQuery': 'Hier gibt es noch keine Inhalte.',
  'contentFinder.suggestions': 'Versuchen Sie:',
  'contentFinder.clearFilters': 'Filter zurücksetzen',
  'contentFinder.error': 'Die Inhaltsbibliothek konnte nicht durchsucht werden.',
  'contentFinder.updated': 'Die Bibliothek hat sich geändert; die Ergebnisse sind aktuell.',
};
