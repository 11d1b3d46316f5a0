import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { PartnerApiError } from '../src/core/errors.js';
import type { Deal, Role } from '../src/core/schema/index.js';
import '../src/widgets/define.js';
import { makeDeal, makeDeals } from '../bench/deal-list.fixture.js';
import { FakeApi } from '../test/support/fake-api.js';
import type { FakeApiOptions } from '../test/support/fake-api.js';

const HOUR = 3_600_000;

interface Args {
  role: Role;
  lang: string;
  status: string;
}

/** A mix a reviewer meets: due soon, overdue, approved and protected, rejected, in conflict. */
function pipeline(count = 200): Deal[] {
  const now = Date.now();
  return makeDeals(count, now).map((deal, i) => {
    if (i % 7 === 1)
      return { ...deal, reviewDueAt: new Date(now - (i % 5) * HOUR - HOUR).toISOString() };
    if (i % 7 === 3) {
      return {
        ...deal,
        status: 'approved',
        reviewDueAt: null,
        protectedUntil: new Date(now + 60 * 24 * HOUR).toISOString(),
      };
    }
    if (i % 7 === 5) return { ...deal, status: 'rejected', reviewDueAt: null };
    return deal;
  });
}

const render = (options: FakeApiOptions, args: Args) => {
  const { client } = new FakeApi({ ...options, role: args.role });
  return html`<prm-deal-list
    lang=${args.lang}
    status=${args.status}
    .client=${client}
    @prm-deal-select=${(e: CustomEvent<Deal>) => console.info('prm-deal-select', e.detail.id)}
  ></prm-deal-list>`;
};

const meta: Meta<Args> = {
  title: 'Widgets/Deal list',
  component: 'prm-deal-list',
  args: { role: 'partner_user', lang: 'en', status: '' },
  argTypes: {
    role: {
      control: 'select',
      options: ['partner_user', 'partner_admin', 'seller', 'channel_manager', 'program_admin'],
    },
    lang: { control: 'inline-radio', options: ['en', 'de'] },
    status: {
      control: 'select',
      options: ['', 'under_review', 'approved', 'rejected', 'withdrawn', 'expired'],
    },
  },
  render: (args) => render({ deals: pipeline() }, args),
};
export default meta;

type Story = StoryObj<Args>;

export const Populated: Story = { args: { role: 'seller' } };

export const Empty: Story = { render: (args) => render({ deals: [] }, args) };

export const Loading: Story = {
  render: (args) => render({ deals: [], beforeList: () => new Promise(() => {}) }, args),
};

export const ErrorState: Story = {
  name: 'Error',
  render: (args) =>
    render(
      {
        beforeList: () => {
          throw new PartnerApiError(
            {
              type: 'about:blank',
              title: 'Service Unavailable',
              status: 503,
              detail: 'The Partner API is down for maintenance.',
              code: 'internal',
            },
            { method: 'GET', url: '/v1/deals', status: 503 },
          );
        },
      },
      args,
    ),
};

export const Conflict: Story = {
  args: { role: 'channel_manager' },
  render: (args) =>
    render(
      {
        deals: [
          makeDeal(1, {
            conflicts: {
              verdict: 'review',
              matches: [{ kind: 'other_partner', similarity: 0.82, matchedOn: ['name'] }],
            },
          }),
          makeDeal(2, {
            status: 'rejected',
            reviewDueAt: null,
            conflicts: {
              verdict: 'blocked',
              matches: [{ kind: 'other_partner', similarity: 1, matchedOn: ['domain'] }],
            },
          }),
          makeDeal(3),
        ],
      },
      args,
    ),
};

export const PartnerView: Story = { args: { role: 'partner_user' } };

/** The review queue: deals under review, with inline approve and reject. */
export const ChannelManagerView: Story = {
  args: { role: 'channel_manager', status: 'under_review' },
};

export const German: Story = { args: { role: 'channel_manager', lang: 'de' } };

export const TenThousandDeals: Story = {
  args: { role: 'seller' },
  render: (args) => render({ deals: makeDeals(10_000), pageSize: 200 }, args),
};
