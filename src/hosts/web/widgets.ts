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
};

declare const __PRM_VERSION__: string | undefined;

/** This copy's package version (`vite build` writes it in; sources run as they are say `dev`). */
export const version: string = typeof __PRM_VERSION__ === 'string' ? __PRM_VERSION__ : 'dev';

/** The warning of a script that finds the elements defined by another copy of prm-widgets. */
export const otherCopyWarning = (url: string) =>
  `[prm-widgets] The prm-* elements on this page were defined by another copy of prm-widgets; this script (${version}, ${url}) configures them, but its own definitions are not used. Load one copy.`;
