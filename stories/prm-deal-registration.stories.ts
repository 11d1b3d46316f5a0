import { html } from 'lit';
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import '../src/widgets/define.js';
import { PartnerApiError } from '../src/core/index.js';
import type { ConflictReport, Deal, DealInput, Program } from '../src/core/index.js';
import type { PrmDealRegistration } from '../src/widgets/deal-registration/prm-deal-registration.js';
import { FakeApi, dealFrom } from '../test/support/fake-api.js';
import { demoMe } from './support/demo-elements.js';

const program: Program = {
  name: 'Lumenfold Partner Network',
  products: [
    { id: 'lf-core', name: 'Lumenfold Core Platform' },
    { id: 'lf-analytics', name: 'Insight Analytics' },
    { id: 'lf-edge', name: 'Edge Gateway' },
    { id: 'lf-secure', name: 'Secure Access' },
  ],
  currencies: ['USD', 'EUR', 'GBP'],
  slaHours: 48,
  protectionDays: 90,
  claimWindowDays: 60,
};

const DAY = 86_400_000;
const instant = (fromNow: number) =>
  new Date(Date.now() + fromNow).toISOString().replace(/\.\d+Z$/, 'Z');
const inDays = (n: number) => instant(n * DAY).slice(0, 10);

// The fake API's base and user: the draft key the widget reads.
const API_BASE = 'https://prm.example';
const DRAFT_KEY = `prm:deal-draft:${API_BASE}:${demoMe.user.id}`;

/** A filled-in draft, as the widget stores it. */
const draft = (values: Record<string, unknown> = {}) => ({
  key: 'story-draft-key',
  savedAt: instant(-25 * 60_000),
  values: {
    customerName: 'Northwind Traders',
    customerDomain: 'northwind.example',
    contactName: 'Robin Buyer',
    contactEmail: 'robin@northwind.example',
    title: 'Analytics for 40 stores',
    products: ['lf-analytics'],
    amount: '48,500.00',
    currency: 'USD',
    expectedCloseDate: inDays(45),
    notes: 'Met at the retail fair; budget approved for Q1.',
    ...values,
  },
});

/** The fake server's deal, as the demo partner's. */
const dealOf = (input: DealInput, patch: Partial<Deal>): Deal =>
  dealFrom(input, {
    id: 'deal_story1',
    partnerId: demoMe.partner!.id,
    submittedBy: demoMe.user.id,
    ...patch,
  });

const clear: ConflictReport = { verdict: 'clear', matches: [] };

/** What a story changes in the fake API's answers. */
type Setup = (api: FakeApi) => void;

function fakeApi(setup: Setup | undefined): FakeApi {
  const api = new FakeApi({ baseUrl: API_BASE, userId: demoMe.user.id, program });
  api.loadMe = async () => demoMe;
  api.answerCheck = async () => clear;
  api.answerRegister = async (input) => dealOf(input, {});
  setup?.(api);
  return api;
}

const notFound = () =>
  new PartnerApiError(
    { type: 'about:blank', title: 'Not Found', status: 404, code: 'not_found' },
    { status: 404, method: 'GET', url: `${API_BASE}/v1/program` },
  );

interface Args {
  lang: string;
  setup?: Setup;
  stored?: ReturnType<typeof draft>;
  prefill?: { customerName?: string; customerDomain?: string; products?: string };
  submit?: boolean;
}

const meta = {
  title: 'Widgets/prm-deal-registration',
  component: 'prm-deal-registration',
  tags: ['autodocs'],
  parameters: {
    docs: {
      description: {
        component:
          'Registers a deal: live conflict check, one idempotency key per draft, the outcome at once, and a draft kept in localStorage per user. These stories use the fake API of the tests (`test/support/fake-api.ts`).',
      },
    },
  },
  render: (args) => {
    // Each story starts from its own storage: the fake client has one user and one API base.
    if (args.stored) localStorage.setItem(DRAFT_KEY, JSON.stringify(args.stored));
    else localStorage.removeItem(DRAFT_KEY);
    return html`<prm-deal-registration
      lang=${args.lang}
      customer-name=${args.prefill?.customerName ?? ''}
      customer-domain=${args.prefill?.customerDomain ?? ''}
      products=${args.prefill?.products ?? ''}
      .client=${fakeApi(args.setup).client}
    ></prm-deal-registration>`;
  },
  play: async ({ canvasElement, args }) => {
    if (!args.submit) return;
    const el = canvasElement.querySelector<PrmDealRegistration>('prm-deal-registration')!;
    for (let i = 0; i < 50 && !el.renderRoot.querySelector('form'); i++) {
      await new Promise((r) => setTimeout(r, 50));
    }
    el.renderRoot.querySelector<HTMLButtonElement>('button[type=submit]')?.click();
  },
  args: { lang: 'en' },
} satisfies Meta<Args>;

export default meta;
type Story = StoryObj<Args>;

export const Empty: Story = {};

export const Loading: Story = {
  args: { setup: (api) => void (api.loadProgram = () => new Promise(() => {})) },
};

/** The program cannot be loaded (here: a 404); "Try again" loads again. */
export const LoadError: Story = {
  args: {
    setup: (api) =>
      void (api.loadProgram = async () => {
        throw notFound();
      }),
  },
};

export const DraftRestored: Story = {
  args: { stored: draft() },
};

export const Prefilled: Story = {
  args: {
    prefill: {
      customerName: 'Contoso Ltd',
      customerDomain: 'contoso.example',
      products: 'lf-edge',
    },
  },
};

export const ConflictWarning: Story = {
  args: {
    prefill: { customerName: 'Fabrikam Inc', customerDomain: 'fabrikam.example' },
    setup: (api) =>
      void (api.answerCheck = async () => ({
        verdict: 'blocked',
        matches: [{ kind: 'other_partner', similarity: 1, matchedOn: ['domain', 'name'] }],
      })),
  },
};

export const PossibleDuplicate: Story = {
  args: {
    prefill: { customerName: 'Fabrikam Industries' },
    setup: (api) =>
      void (api.answerCheck = async () => ({
        verdict: 'review',
        matches: [
          { kind: 'other_partner', similarity: 0.72, matchedOn: ['name'] },
          { kind: 'direct_opportunity', similarity: 1, matchedOn: ['name'] },
        ],
      })),
  },
};

const outcome = (patch: Partial<Deal>, lang = 'en'): Story => ({
  args: {
    lang,
    stored: draft(lang === 'de' ? { amount: '48.500,00' } : {}),
    submit: true,
    setup: (api) => void (api.answerRegister = async (input) => dealOf(input, patch)),
  },
});

export const Approved = outcome({
  status: 'approved',
  protectedUntil: instant(90 * DAY),
  decision: { by: 'system', decision: 'approve', reasonCode: 'approved_auto', at: instant(0) },
});

export const UnderReview = outcome({ status: 'under_review' });

export const Rejected = outcome({
  status: 'rejected',
  reviewDueAt: null,
  decision: {
    by: 'system',
    decision: 'reject',
    reasonCode: 'conflict_other_partner',
    at: instant(0),
  },
});

export const German: Story = { args: { lang: 'de', stored: draft({ amount: '48.500,00' }) } };

export const GermanUnderReview = outcome({ status: 'under_review' }, 'de');
