/**
 * @module The elements the loader knows, each with the import of its class: one chunk per widget
 * (Rolldown needs each import written out). A new widget adds its line here and in
 * `../../widgets/define.ts`.
 */
export const WIDGETS: Readonly<Record<string, () => Promise<CustomElementConstructor>>> = {
  'prm-provider': () => import('../../widgets/provider/prm-provider.js').then((m) => m.PrmProvider),
  'prm-deal-registration': () =>
    import('../../widgets/deal-registration/prm-deal-registration.js').then(
      (m) => m.PrmDealRegistration,
    ),
  'prm-deal-list': () =>
    import('../../widgets/deal-list/prm-deal-list.js').then((m) => m.PrmDealList),
  'prm-tier-progress': () =>
    import('../../widgets/tier-progress/prm-tier-progress.js').then((m) => m.PrmTierProgress),
  'prm-content-finder': () =>
    import('../../widgets/content-finder/prm-content-finder.js').then((m) => m.PrmContentFinder),
  'prm-mdf-balance': () =>
    import('../../widgets/mdf-balance/prm-mdf-balance.js').then((m) => m.PrmMdfBalance),
};
