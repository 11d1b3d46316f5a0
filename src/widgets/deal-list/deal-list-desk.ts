/**
 * @module What `<prm-deal-list>` needs besides its deals: the program's product names (for the
 * facts) and, for reviewers, who a review can be handed to.
 */
import { Task, initialState } from '@lit/task';
import type { ReactiveControllerHost } from 'lit';
import type { PartnerClient } from '../../core/client.js';
import type { Me, ReviewerInput, Role } from '../../core/schema/index.js';
import { canDecide } from './deal-list-model.js';

export class DeskReference {
  /** Product names; ids stand in until (or unless) the program loads. */
  readonly #program: Task<readonly [PartnerClient | undefined], Map<string, string>>;
  /** The review routing's reviewers (reviewers only). */
  readonly #routing;

  constructor(
    host: ReactiveControllerHost,
    client: () => PartnerClient | undefined,
    role: () => Role | undefined,
  ) {
    this.#program = new Task(host, {
      task: async ([c], { signal }) => {
        if (!c) return initialState;
        const program = await c.program.get({ signal });
        return new Map(program.products.map((p) => [p.id, p.name]));
      },
      args: () => [client()] as const,
    });
    this.#routing = new Task(host, {
      task: async ([c, r]: readonly [PartnerClient | undefined, Role | undefined], { signal }) =>
        c && canDecide(r) ? c.reviewRouting.get({ signal }) : initialState,
      args: () => [client(), role()] as const,
    });
  }

  /** The regions the routing names, each once: suggestions for the region filter. */
  regions = (): string[] => [
    ...new Set(this.#routing.value?.rules.map((r) => r.region!).filter(Boolean)),
  ];

  productName = (id: string): string => this.#program.value?.get(id) ?? id;

  /** Who a review can be handed to: the user, and every reviewer the routing names. */
  reviewers(me: Me['user'] | undefined): ReviewerInput[] {
    if (!me || !canDecide(me.role)) return [];
    const all = new Map<string, ReviewerInput>([
      [me.id, { id: me.id, name: me.name, email: me.email }],
    ]);
    const routing = this.#routing.value;
    for (const r of [...(routing?.rules.map((rule) => rule.assignee) ?? []), routing?.fallback]) {
      if (r && !all.has(r.id)) all.set(r.id, { id: r.id, name: r.name, email: r.email });
    }
    return [...all.values()];
  }
}
