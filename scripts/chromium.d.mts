export declare const CHROMIUM_ARGS: string[];
export declare function chromiumPath(): string;
export declare function ensureChromium(): Promise<
  { ok: true; path: string; version: string } | { ok: false; path: string; message: string }
>;
