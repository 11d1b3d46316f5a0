/**
 * @module The tab page (`tab.html`): the personal tab (every widget, one at a time, behind a row
 * of tabs) or, when its URL names a view (`?view=prm-deal-list&status=under_review`, written by
 * the configuration page), a channel or chat tab showing that one widget. A deep link to a deal
 * opens it on top; a chosen deal can be shared into the conversation.
 *
 * Outside Teams it never hangs: a page of its own shows the web sign-in at once, and a frame that
 * is not Teams shows why nothing is there.
 */
import { html, nothing, render } from 'lit';
import type { TemplateResult } from 'lit';
import { app, sharing } from '@microsoft/teams-js';
import { formatMoney } from '../../core/format.js';
import type { Deal } from '../../core/schema/index.js';
import { dealDeepLink, dealIdFromSubPage, shareMessage } from './links.js';
import type { TabPageConfig } from './page-config.js';
import { startTabPage } from './page-start.js';
import type { TeamsSession } from './session.js';
import { TAB_WIDGETS, defineWidget, viewFromUrl, widgetLabel } from './views.js';
import type { TabView } from './views.js';

const root = () => document.getElementById('tab')!;

interface TabState {
  session: TeamsSession;
  config: TabPageConfig;
  /** The configured tab's view; undefined for the personal tab. */
  fixed: TabView | undefined;
  current: TabView;
  me?: { name: string; role: string };
  linked?: { deal?: Deal; error?: string };
  selected?: Deal;
  shared?: string;
}

const made = new Map<string, HTMLElement>();

/** The view's element, made once by name from the registry (no template per widget) and kept. */
function widget(view: TabView): HTMLElement {
  const key = JSON.stringify(view);
  let el = made.get(key);
  if (!el) {
    el = document.createElement(view.tag);
    for (const [name, value] of Object.entries(view.attributes)) el.setAttribute(name, value);
    el.id = 'tab-widget';
    made.set(key, el);
  }
  return el;
}

function dealPanel(state: TabState): TemplateResult | typeof nothing {
  const linked = state.linked;
  if (!linked) return nothing;
  if (linked.error) return html`<p class="tab-problem" role="alert">${linked.error}</p>`;
  const deal = linked.deal;
  if (!deal) return html`<p role="status">Opening the linked deal…</p>`;
  const locale = state.session.context.app.locale || 'en';
  return html`<section class="tab-deal" id="linked-deal" aria-labelledby="linked-deal-title">
    <h2 id="linked-deal-title">${deal.title}</h2>
    <dl>
      <dt>Customer</dt>
      <dd>${deal.customer.name} (${deal.customer.domain})</dd>
      <dt>Status</dt>
      <dd>${deal.status.replace(/_/g, ' ')}</dd>
      <dt>Amount</dt>
      <dd>${formatMoney(deal.amount, locale)}</dd>
    </dl>
  </section>`;
}

function shareBar(state: TabState): TemplateResult | typeof nothing {
  const deal = state.selected;
  if (!deal) return nothing;
  const canShare = sharing.isSupported();
  return html`<div class="tab-share" role="region" aria-label="Selected deal">
    <span>Selected: <strong>${deal.title}</strong></span>
    ${
      canShare
        ? html`<button type="button" id="share-deal" @click=${() => void share(state, deal)}>
            Share in the conversation
          </button>`
        : html`<span>This host cannot share into a conversation.</span>`
    }
    <span role="status">${state.shared ?? ''}</span>
  </div>`;
}

function entityId(state: TabState): string {
  return state.session.context.page.id || 'deals';
}

async function share(state: TabState, deal: Deal): Promise<void> {
  const url = dealDeepLink(
    {
      appId: state.config.appId,
      entityId: entityId(state),
      channelId: state.session.context.channel?.id,
      chatId: state.session.context.chat?.id,
    },
    deal.id,
  );
  try {
    await sharing.shareWebContent({
      content: [{ type: 'URL', url, message: shareMessage(deal), preview: true }],
    });
    state.shared = 'Shared.';
  } catch (error) {
    state.shared = `Not shared: ${(error as { message?: string }).message ?? String(error)}`;
  }
  draw(state);
}

function draw(state: TabState): void {
  if (root().hasAttribute('aria-busy')) root().replaceChildren(); // the page's "Connecting…"
  const personal = !state.fixed;
  const who = state.me
    ? html`<p class="tab-user">
        Signed in by Teams as ${state.me.name} · ${state.me.role.replace(/_/g, ' ')}
      </p>`
    : nothing;
  // Teams shows the tab's name above the frame; the page's own heading is for assistive tech.
  const title = personal ? widgetLabel(state.current.tag) : widgetLabel(state.fixed!.tag);
  render(
    html`<h1 class="visually-hidden">${title}</h1>
      ${who} ${dealPanel(state)}
      ${
        personal
          ? html`<nav class="tab-nav" aria-label="Widgets">
              ${TAB_WIDGETS.map(
                (tag) =>
                  html`<button
                    type="button"
                    data-view=${tag}
                    aria-pressed=${tag === state.current.tag ? 'true' : 'false'}
                    @click=${() => show(state, { tag, attributes: {} })}
                  >
                    ${widgetLabel(tag)}
                  </button>`,
              )}
            </nav>`
          : nothing
      }
      ${shareBar(state)}
      <div class="tab-widget">${widget(state.current)}</div>`,
    root(),
  );
  root().removeAttribute('aria-busy');
}

function show(state: TabState, view: TabView): void {
  state.current = view;
  void defineWidget(view.tag).then(() => draw(state));
}

async function openLinkedDeal(state: TabState): Promise<void> {
  const dealId = dealIdFromSubPage(state.session.context.page.subPageId);
  if (!dealId) return;
  state.linked = {};
  draw(state);
  try {
    state.linked = { deal: await state.session.client.deals.get(dealId) };
  } catch (error) {
    state.linked = { error: `The linked deal could not be opened: ${(error as Error).message}` };
  }
  draw(state);
}

async function main(): Promise<void> {
  const started = await startTabPage();
  if (!started) return;
  const { config, session } = started;
  const fixed = viewFromUrl(new URL(location.href));
  const first = fixed ?? { tag: TAB_WIDGETS[0] ?? 'prm-deal-list', attributes: {} };
  const state: TabState = { session, config, fixed, current: first };
  document.addEventListener('prm-deal-select', (event) => {
    state.selected = event.detail;
    state.shared = undefined;
    draw(state);
  });
  await defineWidget(first.tag);
  draw(state);
  app.notifySuccess();
  void session.client.me().then(
    (me) => {
      state.me = { name: me.user.name, role: me.user.role };
      draw(state);
    },
    () => undefined, // the widgets show what went wrong
  );
  void openLinkedDeal(state);
}

void main();
