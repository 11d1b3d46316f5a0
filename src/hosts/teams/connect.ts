/**
 * @module Where the tab runs, decided without hanging: Teams, a plain browser window, or a frame
 * that is not Teams.
 *
 * TeamsJS rejects at once on a top-level page, but inside a frame whose parent never answers it
 * waits a full minute. So a top-level page is answered here without asking TeamsJS at all, and in
 * a frame `app.initialize()` races a timer ({@link DEFAULT_GIVE_UP_MS}, at most 5 s).
 */
import { app } from '@microsoft/teams-js';

/** How long a frame waits for a Teams host to answer before giving up. */
export const DEFAULT_GIVE_UP_MS = 3000;

export type Where =
  | { kind: 'teams'; context: app.Context }
  /** A browser tab or window of its own: the web host's sign-in applies. */
  | { kind: 'top-level' }
  /** A frame whose parent did not answer as Teams does. */
  | { kind: 'foreign-frame'; reason: string };

export interface ConnectOptions {
  /** Give up in a frame after this long (tests shorten it); never more than 5 s. */
  giveUpMs?: number;
  /** Origins of a host other than Teams' own and this page's (a simulator elsewhere). */
  validOrigins?: string[];
  window?: Window;
}

export async function connectTeams(options: ConnectOptions = {}): Promise<Where> {
  const win = options.window ?? window;
  let framed: boolean;
  try {
    framed = win.self !== win.top;
  } catch {
    framed = true; // a cross-origin top throws on access: we are framed
  }
  if (!framed && !win.opener) return { kind: 'top-level' };

  const giveUpMs = Math.min(options.giveUpMs ?? DEFAULT_GIVE_UP_MS, 5000);
  let timer: ReturnType<typeof setTimeout> | undefined;
  const gaveUp = new Promise<Where>((resolve) => {
    timer = setTimeout(
      () =>
        resolve({
          kind: 'foreign-frame',
          reason: `The page around this one did not answer as Microsoft Teams does within ${Math.round(giveUpMs / 100) / 10} s.`,
        }),
      giveUpMs,
    );
  });
  const initialized = app
    .initialize(options.validOrigins)
    .then(async (): Promise<Where> => ({ kind: 'teams', context: await app.getContext() }))
    .catch((error: unknown): Where =>
      framed
        ? { kind: 'foreign-frame', reason: error instanceof Error ? error.message : String(error) }
        : { kind: 'top-level' },
    );
  try {
    return await Promise.race([initialized, gaveUp]);
  } finally {
    clearTimeout(timer);
  }
}
