import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import type { ContentDownloadDetail } from '../src/widgets/content-finder/prm-content-finder.js';
import '../src/widgets/define.js';
import { fakeContentClient } from './support/content-client.js';
import type { FakeContentOptions } from './support/content-client.js';

interface Args {
  lang: string;
  q: string;
  product: string;
  type: string;
}

const render = (options: FakeContentOptions, args: Args) =>
  html`<prm-content-finder
    lang=${args.lang}
    q=${args.q}
    product=${args.product}
    type=${args.type}
    .client=${fakeContentClient(options)}
    @prm-content-download=${(e: CustomEvent<ContentDownloadDetail>) =>
      console.info('prm-content-download', e.detail.asset.id, e.detail.format)}
  ></prm-content-finder>`;

const meta: Meta<Args> = {
  title: 'Widgets/Content finder',
  component: 'prm-content-finder',
  args: { lang: 'en', q: '', product: '', type: '' },
  argTypes: {
    lang: { control: 'inline-radio', options: ['en', 'de'] },
    product: {
      control: 'select',
      options: ['', 'lf-core', 'lf-analytics', 'lf-edge', 'lf-secure', 'lf-vault', 'lf-support'],
    },
    type: {
      control: 'select',
      options: [
        '',
        'datasheet',
        'presentation',
        'case_study',
        'price_list',
        'brand_asset',
        'guide',
      ],
    },
  },
  render: (args) => render({}, args),
};
export default meta;

type Story = StoryObj<Args>;

export const Library: Story = {};
export const Searching: Story = { args: { q: 'gateway data' } };
export const InContext: Story = {
  name: 'In context (product preset)',
  args: { product: 'lf-edge', type: 'datasheet' },
};
export const German: Story = { args: { lang: 'de', q: 'preis' } };
export const Empty: Story = { args: { q: 'quarterly newsletter' } };
export const Loading: Story = {
  render: (args) => render({ before: () => new Promise(() => {}) }, args),
};
export const ErrorState: Story = {
  name: 'Error',
  render: (args) =>
    render(
      {
        before: () => {
          throw new Error('The Partner API is down for maintenance.');
        },
      },
      args,
    ),
};
