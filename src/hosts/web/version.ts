/** @module This copy's version, and the warning of a script that finds another copy's elements. */
declare const __PRM_VERSION__: string | undefined;

/** This copy's package version (`vite build` writes it in; sources run as they are say `dev`). */
export const version: string = typeof __PRM_VERSION__ === 'string' ? __PRM_VERSION__ : 'dev';

/** The warning of a script that finds the elements defined by another copy of prm-widgets. */
export const otherCopyWarning = (url: string) =>
  `[prm-widgets] The prm-* elements on this page were defined by another copy of prm-widgets; this script (${version}, ${url}) configures them, but its own definitions are not used. Load one copy.`;
