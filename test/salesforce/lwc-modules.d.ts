// The LWC modules the Salesforce tests import: compiled by the LWC plugin, untyped here.
declare module 'c/*' {
  const component: new () => HTMLElement;
  export default component;
  export function setPollInterval(ms: number): void;
  export function resetBridge(): void;
  export function bridgeMode(): 'apex' | 'direct' | undefined;
  // An ambient module cannot import by a relative path: the type is named inline.
  // eslint-disable-next-line @typescript-eslint/consistent-type-imports
  export function bridgeClient(): import('../../src/core/client.js').PartnerClient;
}
declare module 'lwc' {
  export function createElement(
    name: string,
    options: { is: unknown },
  ): HTMLElement & {
    recordId?: string;
  };
}
