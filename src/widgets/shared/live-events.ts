/**
 * @module The event stream as a widget follows it: one controller for every widget that shows
 * live changes, so none keeps a connection open after it leaves the page.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { PartnerClient } from '../../core/client.js';
import type { EventSubscription } from '../../core/events.js';
import type { PrmEvent } from '../../core/schema/index.js';

/**
 * Follows the event stream of the host's current client: subscribes when the host connects (or
 * gets a client), resubscribes when the client changes, and closes the stream on disconnect, so
 * that a removed widget keeps no connection open.
 */
export class LiveEventsController implements ReactiveController {
  #subscription: EventSubscription | undefined;
  #client: PartnerClient | undefined;
  #connected = false;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly options: {
      client(): PartnerClient | undefined;
      onEvent(event: PrmEvent): void;
    },
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    this.#connected = true;
    this.#sync();
  }

  hostUpdated(): void {
    this.#sync();
  }

  hostDisconnected(): void {
    this.#connected = false;
    this.#sync();
  }

  #sync(): void {
    const client = this.#connected ? this.options.client() : undefined;
    if (client === this.#client) return;
    this.#subscription?.close();
    this.#subscription = undefined;
    this.#client = client;
    if (!client) return;
    this.#subscription = client.events.subscribe({
      onEvent: (event) => this.options.onEvent(event),
      // The stream reconnects by itself; a widget that has stopped following it still works.
      onError: () => {},
    });
  }
}
