/**
 * @module What a widget tells beyond its pixels, in one place: its custom states (`:state(loading)`
 * for the page's CSS) and its live-region announcements (polite news, assertive errors) for screen
 * readers. Every widget uses this controller rather than its own `attachInternals()` and live
 * regions, so the regions look and behave the same everywhere.
 */
import { html } from 'lit';
import type { ReactiveController, ReactiveControllerHost, TemplateResult } from 'lit';

type Host = ReactiveControllerHost & HTMLElement;

/**
 * @example
 * ```ts
 * #status = new StatusController(this, () => ({ loading: this.#task.status === TaskStatus.PENDING }));
 * // in a handler:
 * this.#status.announce(this.t('myWidget.saved'));
 * // in render():
 * html`${body} ${this.#status.regions()}`;
 * ```
 */
export class StatusController<S extends string = string> implements ReactiveController {
  /** The last polite announcement (`role="status"`). */
  get polite(): string {
    return this.#polite;
  }

  /** The last assertive announcement (`role="alert"`). */
  get assertive(): string {
    return this.#assertive;
  }

  /**
   * `states` is read after every update: each name that maps to `true` is a custom state of the
   * element (`:state(name)`), every other one is not.
   */
  constructor(host: Host, states: () => Record<S, boolean>) {
    this.#host = host;
    this.#states = states;
    this.#internals = host.attachInternals();
    host.addController(this);
  }

  /** Says `text` politely (news that can wait: loaded, restored, warnings). */
  announce(text: string): void {
    if (text === this.#polite) return;
    this.#polite = text;
    this.#host.requestUpdate();
  }

  /** Says `text` at once (errors); an empty text clears the last one. */
  alert(text: string): void {
    if (text === this.#assertive) return;
    this.#assertive = text;
    this.#host.requestUpdate();
  }

  /** The two visually hidden live regions: render them once, anywhere in the shadow root. */
  regions(): TemplateResult {
    return html`<div class="visually-hidden" role="status" aria-live="polite">${this.#polite}</div>
      <div class="visually-hidden" role="alert" aria-live="assertive">${this.#assertive}</div>`;
  }

  hostUpdated(): void {
    const set = this.#internals.states as Set<string> | undefined;
    if (!set) return;
    for (const [name, on] of Object.entries(this.#states()) as [string, boolean][]) {
      if (on) set.add(name);
      else set.delete(name);
    }
  }

  #host: Host;
  #states: () => Record<S, boolean>;
  #internals: ElementInternals;
  #polite = '';
  #assertive = '';
}
