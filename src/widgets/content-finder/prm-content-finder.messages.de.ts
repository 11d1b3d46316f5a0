/** @module The German messages of `<prm-content-finder>`, loaded when a widget renders in German. */

// Typed by the catalogue the English module declares in `Messages`, not by importing it: the
// English module loads this one, and this one does not import it back.
import type { Messages, Translation } from '../shared/i18n.js';

export const de: Translation<Messages['contentFinder']> = {
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
