/**
 * @module `npm run teams:package`: the Teams app package (`dist/teams/prm-widgets-teams.zip`)
 * from the deployment's configuration — a JSON file (`--config <file>`, else `teams.config.json`
 * in the working directory if there is one) and environment variables, which win:
 * `PRM_TEAMS_APP_ID`, `PRM_TEAMS_DOMAIN`, `PRM_TEAMS_CLIENT_ID`, `PRM_TEAMS_TAB_URL`,
 * `PRM_TEAMS_API_BASE`, `PRM_TEAMS_SIGN_IN_URL`, `PRM_TEAMS_VERSION`, `PRM_TEAMS_DEVELOPER_NAME` (see `src/core/schema/teams.ts`; `prm serve`
 * reads the same configuration to serve the tab pages). The manifest is checked against the official
 * schema (offline) before the zip is written. `--out <file>` writes it elsewhere.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { mergeTeamsConfig, parseTeamsAppConfig } from '../../../core/schema/teams.js';
import { validateManifest } from './validate.js';
import { buildPackage } from './zip.js';

export function readConfig(
  env: NodeJS.ProcessEnv,
  file: string | undefined,
): Record<string, unknown> {
  const path = file ?? (existsSync('teams.config.json') ? 'teams.config.json' : undefined);
  const fromFile = path ? (JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>) : {};
  return mergeTeamsConfig(fromFile, env);
}

export interface PackageResult {
  out: string;
  bytes: number;
  manifest: Record<string, unknown>;
}

/** Reads the configuration, builds and checks the package, writes the zip. */
export async function packageApp(options: {
  env: NodeJS.ProcessEnv;
  config?: string | undefined;
  out?: string | undefined;
}): Promise<PackageResult> {
  const pkg = JSON.parse(
    readFileSync(new URL('../../../../package.json', import.meta.url), 'utf8'),
  ) as { version: string };
  const config = parseTeamsAppConfig(readConfig(options.env, options.config));
  const { manifest, zip } = buildPackage(config, pkg.version);
  const errors = await validateManifest(manifest);
  if (errors.length > 0) {
    throw new Error(`The manifest does not match the schema:\n  ${errors.join('\n  ')}`);
  }
  const out = resolve(options.out ?? 'dist/teams/prm-widgets-teams.zip');
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, zip);
  return { out, bytes: zip.length, manifest };
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { config: { type: 'string' }, out: { type: 'string' } },
  });
  const { out, bytes, manifest } = await packageApp({ env: process.env, ...values });
  process.stdout.write(
    `Teams app package: ${out} (${bytes} bytes; manifest v${String(manifest['manifestVersion'])}, app ${String(manifest['id'])})\n`,
  );
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((error: unknown) => {
    process.stderr.write(
      `teams:package: ${error instanceof Error ? error.message : String(error)}\n`,
    );
    process.exitCode = 1;
  });
}
