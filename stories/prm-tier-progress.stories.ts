import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../src/widgets/define.js';
import {
  atRisk,
  climbing,
  fakeTierClient,
  noRequirements,
  offline,
  top,
} from '../bench/tier-progress.fixture.js';
import type { FakeTierClientOptions } from '../bench/tier-progress.fixture.js';

interface Args {
  lang: string;
  theme: string;
}

const render = (options: FakeTierClientOptions, args: Args) => {
  const { client } = fakeTierClient(options);
  return html`<prm-tier-progress
    lang=${args.lang}
    theme=${args.theme}
    style="max-inline-size: 44rem"
    .client=${client}
  ></prm-tier-progress>`;
};

const meta: Meta<Args> = {
  title: 'Widgets/Tier progress',
  component: 'prm-tier-progress',
  args: { lang: 'en', theme: 'light' },
  argTypes: {
    lang: { control: 'inline-radio', options: ['en', 'de'] },
    theme: { control: 'inline-radio', options: ['light', 'dark', 'high-contrast'] },
  },
  render: (args) => render({ progress: climbing }, args),
};
export default meta;

type Story = StoryObj<Args>;

/** Silver, most of the way to Gold, with revenue in a currency the program has no rate for. */
export const Climbing: Story = {};

export const AtRisk: Story = { render: (args) => render({ progress: atRisk }, args) };

export const TopTierReached: Story = { render: (args) => render({ progress: top }, args) };

export const NoRequirements: Story = {
  render: (args) => render({ progress: noRequirements }, args),
};

export const Loading: Story = {
  render: (args) => render({ beforeProgress: () => new Promise(() => {}) }, args),
};

export const ErrorState: Story = {
  name: 'Error',
  render: (args) =>
    render(
      {
        beforeProgress: () => {
          throw offline();
        },
      },
      args,
    ),
};

/** A rise arriving on the event stream three seconds after the story opens. */
export const Rise: Story = {
  render: (args) => {
    const fake = fakeTierClient({ progress: climbing });
    setTimeout(() => {
      fake.answer = top();
      fake.push({
        id: 'evt_1',
        event: 'tier.changed',
        data: { partnerId: 'prt_demo', fromTierId: 'tier_silver', toTierId: 'tier_gold' },
      });
    }, 3_000);
    return html`<prm-tier-progress
      lang=${args.lang}
      theme=${args.theme}
      style="max-inline-size: 44rem"
      .client=${fake.client}
    ></prm-tier-progress>`;
  },
};

export const German: Story = { args: { lang: 'de' } };

export const Dark: Story = { args: { theme: 'dark' } };
