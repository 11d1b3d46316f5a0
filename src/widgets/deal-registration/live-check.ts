/**
 * @module The live conflict check while the customer fields are filled in: debounced, and each new
 * check aborts the one before, so a slow answer about "Acm" never overwrites the one about "Acme".
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { PartnerClient } from '../../core/client.js';
import { isAbortError } from '../../core/errors.js';
import { DealCheckInput, hostnameOf } from '../../core/schema/deal.js';
import type { ConflictReport } from '../../core/schema/deal.js';

export type CheckState =
  | { kind: 'idle' }
  | { kind: 'checking' }
  | {
      kind: 'done';
      report: ConflictReport;
      /** What was checked: the report speaks of it only. */ input: DealCheckInput;
    }
  | { kind: 'failed' };

export interface CheckFields {
  customerName: string;
  customerDomain: string;
  products: string[];
}

/** The check body for what is typed so far, or `undefined` while there is too little to ask about. */
export function checkInput(fields: CheckFields): DealCheckInput | undefined {
  const name = fields.customerName.trim();
  if (name.length < 2) return undefined;
  const domain = fields.customerDomain.trim();
  const input = {
    customer: { name, ...(domain && hostnameOf(domain) ? { domain } : {}) },
    ...(fields.products.length ? { products: fields.products } : {}),
  };
  const parsed = DealCheckInput.safeParse(input);
  return parsed.success ? parsed.data : undefined;
}

export class LiveCheck implements ReactiveController {
  state: CheckState = { kind: 'idle' };

  #host: ReactiveControllerHost;
  #client: () => PartnerClient | undefined;
  #delay: () => number;
  #timer: ReturnType<typeof setTimeout> | undefined;
  #abort: AbortController | undefined;
  #last = '';

  constructor(
    host: ReactiveControllerHost,
    client: () => PartnerClient | undefined,
    delay: () => number,
  ) {
    this.#host = host;
    this.#client = client;
    this.#delay = delay;
    host.addController(this);
  }

  /** Checks `fields` after the debounce delay, unless they are what was last checked. */
  schedule(fields: CheckFields): void {
    const input = checkInput(fields);
    const signature = input ? JSON.stringify(input) : '';
    if (signature === this.#last) return;
    this.#last = signature;
    this.#cancel();
    if (!input) {
      this.#set({ kind: 'idle' });
      return;
    }
    this.#timer = setTimeout(() => void this.#run(input), this.#delay());
  }

  /** Forgets the last check (a discarded or submitted draft). */
  reset(): void {
    this.#cancel();
    this.#last = '';
    this.#set({ kind: 'idle' });
  }

  hostDisconnected(): void {
    this.#cancel();
    // Reconnecting must check again: the answer in flight was thrown away.
    this.#last = '';
  }

  #cancel(): void {
    clearTimeout(this.#timer);
    this.#timer = undefined;
    this.#abort?.abort();
    this.#abort = undefined;
  }

  async #run(input: DealCheckInput): Promise<void> {
    const client = this.#client();
    if (!client) return;
    const abort = new AbortController();
    this.#abort = abort;
    this.#set({ kind: 'checking' });
    try {
      const report = await client.deals.check(input, { signal: abort.signal });
      if (!abort.signal.aborted) this.#set({ kind: 'done', report, input });
    } catch (error) {
      // A failed check only loses a warning; the submit reports the real outcome.
      if (!abort.signal.aborted && !isAbortError(error)) this.#set({ kind: 'failed' });
    }
  }

  #set(state: CheckState): void {
    this.state = state;
    this.#host.requestUpdate();
  }
}
