/**
 * @module The configurable tab's configuration page (`config.html`): the user picks what the
 * channel or chat tab shows; the page tells Teams whether the choice can be saved
 * (`pages.config.setValidityState`) and, when Teams saves, writes the tab's URL and name
 * (`pages.config.setConfig`) and reports success or failure to Teams.
 */
import { html, nothing, render } from 'lit';
import { app, pages } from '@microsoft/teams-js';
import { isPartnerRole } from '../../core/schema/index.js';
import type { Partner, Product } from '../../core/schema/index.js';
import { REVIEW_STATUSES, choiceErrors, choiceOptions, choiceView, regionsOf } from './choices.js';
import type { TabChoice } from './choices.js';
import { startTabPage } from './page-start.js';
import type { TeamsSession } from './session.js';
import { urlForView } from './views.js';

const root = () => document.getElementById('tab')!;

interface ConfigState {
  session: TeamsSession;
  choice: TabChoice;
  vendor: boolean;
  partners: Partner[];
  products: Product[];
  /** Errors are shown once the user changed something or Teams tried to save. */
  touched: boolean;
  saveError?: string;
}

const STATUS_LABELS: Record<string, string> = {
  under_review: 'Under review',
  approved: 'Approved',
  rejected: 'Rejected',
  expired: 'Expired',
  '': 'Any status',
};

function fieldError(state: ConfigState, field: string) {
  const message = state.touched ? choiceErrors(state.choice, state.vendor)[field] : undefined;
  return message
    ? html`<p class="config-error" id="${field}-error" role="alert">${message}</p>`
    : nothing;
}

function draw(state: ConfigState): void {
  if (root().hasAttribute('aria-busy')) root().replaceChildren(); // the page's "Loading…"
  const { choice } = state;
  const errors = choiceErrors(choice, state.vendor);
  const set = (patch: Partial<TabChoice>) => {
    state.choice = { ...state.choice, ...patch };
    state.touched = true;
    update(state);
  };
  const needsPartner = choice.kind === 'pipeline' || choice.kind === 'tier-progress';
  render(
    html`<form class="config" @submit=${(e: Event) => e.preventDefault()}>
      <h1>What should this tab show?</h1>
      <label for="config-kind">Show</label>
      <select
        id="config-kind"
        @change=${(e: Event) => set({ kind: (e.target as HTMLSelectElement).value })}
      >
        ${choiceOptions().map(
          (o) =>
            html`<option value=${o.kind} ?selected=${o.kind === choice.kind}>${o.label}</option>`,
        )}
      </select>
      ${
        needsPartner && state.vendor
          ? html`<label for="config-partner">Partner</label>
              <select
                id="config-partner"
                aria-invalid=${errors['partnerId'] && state.touched ? 'true' : 'false'}
                aria-describedby="partnerId-error"
                @change=${(e: Event) => set({ partnerId: (e.target as HTMLSelectElement).value })}
              >
                <option value="">Choose a partner</option>
                ${state.partners.map(
                  (p) =>
                    html`<option value=${p.id} ?selected=${p.id === choice.partnerId}>
                      ${p.name}
                    </option>`,
                )}
              </select>
              ${fieldError(state, 'partnerId')}`
          : nothing
      }
      ${
        choice.kind === 'review-queue'
          ? html`<label for="config-status">Status</label>
              <select
                id="config-status"
                @change=${(e: Event) => set({ status: (e.target as HTMLSelectElement).value })}
              >
                ${REVIEW_STATUSES.map(
                  (s) =>
                    html`<option value=${s} ?selected=${s === (choice.status ?? 'under_review')}>
                      ${STATUS_LABELS[s]}
                    </option>`,
                )}
              </select>
              ${
                state.vendor
                  ? html`<label for="config-region">Region</label>
                      <select
                        id="config-region"
                        @change=${(e: Event) =>
                          set({ region: (e.target as HTMLSelectElement).value || undefined })}
                      >
                        <option value="" ?selected=${!choice.region}>Every region</option>
                        ${regionsOf(state.partners).map(
                          (r) =>
                            html`<option value=${r} ?selected=${r === choice.region}>${r}</option>`,
                        )}
                      </select>`
                  : nothing
              }
              <label class="config-check">
                <input
                  type="checkbox"
                  id="config-mine"
                  .checked=${Boolean(choice.assignedToMe)}
                  @change=${(e: Event) => set({ assignedToMe: (e.target as HTMLInputElement).checked })}
                />
                Only deals assigned to me
              </label>`
          : nothing
      }
      ${
        choice.kind === 'content'
          ? html`<label for="config-product">Product</label>
              <select
                id="config-product"
                aria-invalid=${errors['product'] && state.touched ? 'true' : 'false'}
                aria-describedby="product-error"
                @change=${(e: Event) => set({ product: (e.target as HTMLSelectElement).value })}
              >
                <option value="">Choose a product</option>
                ${state.products.map(
                  (p) =>
                    html`<option value=${p.id} ?selected=${p.id === choice.product}>
                      ${p.name}
                    </option>`,
                )}
              </select>
              ${fieldError(state, 'product')}`
          : nothing
      }
      ${state.saveError ? html`<p class="config-error" role="alert">${state.saveError}</p>` : nothing}
    </form>`,
    root(),
  );
  root().removeAttribute('aria-busy');
}

function update(state: ConfigState): void {
  draw(state);
  const valid = Object.keys(choiceErrors(state.choice, state.vendor)).length === 0;
  void pages.config.setValidityState(valid);
}

async function save(state: ConfigState, event: pages.config.SaveEvent): Promise<void> {
  const errors = choiceErrors(state.choice, state.vendor);
  if (Object.keys(errors).length > 0) {
    state.touched = true;
    draw(state);
    event.notifyFailure(Object.values(errors).join(' '));
    return;
  }
  const partner = state.partners.find((p) => p.id === state.choice.partnerId)?.name;
  const product = state.products.find((p) => p.id === state.choice.product)?.name;
  const { view, name } = choiceView(state.choice, { partner, product });
  const contentUrl = urlForView(new URL('../tab/', location.href), view);
  try {
    await pages.config.setConfig({
      contentUrl,
      websiteUrl: contentUrl,
      entityId: `prm-${view.tag.replace(/^prm-/, '')}-${Date.now().toString(36)}`,
      suggestedDisplayName: name,
    });
    event.notifySuccess();
  } catch (error) {
    state.saveError = `The tab could not be saved: ${(error as Error).message}`;
    draw(state);
    event.notifyFailure(state.saveError);
  }
}

async function main(): Promise<void> {
  const started = await startTabPage();
  if (!started) return;
  const { session } = started;
  const { client } = session;
  const me = await client.me().catch(() => undefined);
  const vendor = me ? !isPartnerRole(me.user.role) : false;
  const [partners, program] = await Promise.all([
    vendor
      ? client.partners.list({ limit: 200 }).then(
          (p) => p.items,
          () => [],
        )
      : [],
    client.program.get().catch(() => undefined),
  ]);
  const state: ConfigState = {
    session,
    vendor,
    partners,
    products: program?.products ?? [],
    choice: { kind: vendor ? 'review-queue' : 'pipeline', status: 'under_review' },
    touched: false,
  };
  pages.config.registerOnSaveHandler((event) => void save(state, event));
  update(state);
  app.notifySuccess();
}

void main();
