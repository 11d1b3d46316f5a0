/**
 * @module The manifest checked against Microsoft's official JSON schema for its version, offline:
 * `@microsoft/app-manifest` ships the schemas (up to v1.30) and validates with them.
 */
import { AppManifestUtils } from '@microsoft/app-manifest';

/** The schema's complaints; empty when the manifest is valid. */
export async function validateManifest(manifest: Record<string, unknown>): Promise<string[]> {
  return AppManifestUtils.validateAgainstSchema(
    manifest as unknown as Parameters<typeof AppManifestUtils.validateAgainstSchema>[0],
  );
}
