/**
 * @module The app package: `manifest.json` and the two icons in one zip, as Teams side-loads it.
 * fflate makes the zip: no dependencies of its own, synchronous, and it reads zips back for the
 * tests.
 */
import { zipSync } from 'fflate';
import { colourIcon, outlineIcon } from './icons.js';
import { ICON_FILES, buildManifest } from './manifest.js';
import type { TeamsAppConfig } from './manifest.js';

/** A fixed date for every entry, so the same configuration gives the same bytes. */
const MTIME = new Date('2026-01-01T00:00:00Z');

export function buildPackage(
  config: TeamsAppConfig,
  packageVersion: string,
): { manifest: Record<string, unknown>; zip: Uint8Array } {
  const manifest = buildManifest(config, packageVersion);
  const zip = zipSync(
    {
      'manifest.json': new TextEncoder().encode(`${JSON.stringify(manifest, null, 2)}\n`),
      [ICON_FILES.color]: [colourIcon(), { level: 0 }],
      [ICON_FILES.outline]: [outlineIcon(), { level: 0 }],
    },
    { level: 9, mtime: MTIME },
  );
  return { manifest, zip };
}
