export interface TestServer {
  url: string;
  close(): Promise<void>;
}
export function startTestServer(options?: { host?: string; port?: number }): Promise<TestServer>;
export function fixtureDeal(overrides?: Record<string, unknown>): Record<string, unknown>;
