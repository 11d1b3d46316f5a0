import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import type { MdfClaim, MdfRequest, Role } from '../src/core/schema/index.js';
import '../src/widgets/define.js';
import { fakeMdfClient, inDays, makeClaim, makeRequest } from './support/fake-mdf.js';
import type { FakeAllocation, FakeMdfOptions } from './support/fake-mdf.js';

interface Args {
  role: Role;
  lang: string;
  theme: string;
}

const DAY = 86_400_000;
const usd = (dollars: number) => ({ amount: dollars * 100, currency: 'USD' });
const at = (days: number) => new Date(Date.now() + days * DAY).toISOString();

const allocations: FakeAllocation[] = [
  { id: 'mdfa_q4', period: '2026-Q4', allocated: 5_000_000, expiresAt: at(20) },
  { id: 'mdfa_q3', period: '2026-Q3', allocated: 2_500_000, expiresAt: at(-3) },
];

/** One request in every status, and claims in every status. */
const requests: MdfRequest[] = [
  makeRequest({
    id: 'mdfr_digital',
    activity: {
      type: 'digital',
      title: 'Paid search, quarter-end push',
      description: 'Search and social.',
      startDate: inDays(5),
      endDate: inDays(35),
    },
    requestedAmount: usd(9_000),
  }),
  makeRequest({
    id: 'mdfr_event',
    status: 'approved',
    activity: {
      type: 'event',
      title: 'Customer roadshow Berlin',
      description: 'Two days.',
      startDate: inDays(-20),
      endDate: inDays(-18),
    },
    requestedAmount: usd(15_000),
    approvedAmount: usd(12_000),
    claimedAmount: usd(6_500),
    decision: {
      by: 'usr_cm',
      decision: 'approve',
      comment: 'Approved without the dinner.',
      at: at(-15),
    },
  }),
  makeRequest({
    id: 'mdfr_video',
    status: 'returned',
    activity: {
      type: 'content',
      title: 'Case study video',
      description: 'Customer story.',
      startDate: inDays(10),
      endDate: inDays(30),
    },
    requestedAmount: usd(7_000),
    decision: {
      by: 'usr_cm',
      decision: 'return',
      comment: 'Add the distribution plan, please.',
      at: at(-2),
    },
  }),
  makeRequest({
    id: 'mdfr_training',
    status: 'rejected',
    activity: {
      type: 'training',
      title: 'Sales bootcamp',
      description: 'Three days.',
      startDate: inDays(15),
      endDate: inDays(18),
    },
    requestedAmount: usd(4_000),
    decision: {
      by: 'usr_cm',
      decision: 'reject',
      comment: 'Covered by the vendor academy.',
      at: at(-1),
    },
  }),
  makeRequest({
    id: 'mdfr_webinar',
    allocationId: 'mdfa_q3',
    period: '2026-Q3',
    status: 'approved',
    activity: {
      type: 'webinar',
      title: 'Security webinar series',
      description: 'Four sessions.',
      startDate: inDays(-40),
      endDate: inDays(-39),
    },
    requestedAmount: usd(8_000),
    approvedAmount: usd(8_000),
    claimedAmount: usd(7_500),
  }),
];
const claims: MdfClaim[] = [
  makeClaim({ id: 'mdfc_ok', requestId: 'mdfr_event', amount: usd(4_000), status: 'approved' }),
  makeClaim({ id: 'mdfc_new', requestId: 'mdfr_event', amount: usd(2_500) }),
  makeClaim({
    id: 'mdfc_no',
    requestId: 'mdfr_event',
    amount: usd(3_000),
    status: 'rejected',
    decision: { by: 'usr_cm', decision: 'reject', comment: 'The invoice is missing.', at: at(-3) },
  }),
  makeClaim({
    id: 'mdfc_paid',
    requestId: 'mdfr_webinar',
    allocationId: 'mdfa_q3',
    period: '2026-Q3',
    amount: usd(7_500),
    status: 'paid',
    payout: { reference: 'PAY-0091', paidAt: at(-2) },
  }),
];

const render = (options: FakeMdfOptions, args: Args) => {
  const { client } = fakeMdfClient({ ...options, role: args.role });
  const vendor = !args.role.startsWith('partner');
  return html`<prm-mdf-balance
    lang=${args.lang}
    theme=${args.theme}
    partner-id=${vendor ? 'prt_acme' : ''}
    .client=${client}
  ></prm-mdf-balance>`;
};

const meta: Meta<Args> = {
  title: 'Widgets/MDF balance',
  component: 'prm-mdf-balance',
  args: { role: 'partner_admin', lang: 'en', theme: 'light' },
  argTypes: {
    role: {
      control: 'select',
      options: ['partner_user', 'partner_admin', 'seller', 'channel_manager', 'program_admin'],
    },
    lang: { control: 'inline-radio', options: ['en', 'de'] },
    theme: { control: 'inline-radio', options: ['light', 'dark', 'high-contrast', 'auto'] },
  },
  render: (args) => render({ allocations, requests, claims }, args),
};
export default meta;

type Story = StoryObj<Args>;

export const PartnerAdmin: Story = {};
export const PartnerUser: Story = { args: { role: 'partner_user' } };
export const ChannelManager: Story = { args: { role: 'channel_manager' } };
export const German: Story = { args: { lang: 'de' } };
export const Dark: Story = { args: { theme: 'dark' } };
export const Empty: Story = { render: (args) => render({ allocations: [] }, args) };
export const Loading: Story = {
  render: (args) => render({ beforeSummary: () => new Promise(() => {}) }, args),
};
export const ErrorState: Story = {
  name: 'Error',
  render: (args) => render({ failSummaries: 1_000 }, args),
};
