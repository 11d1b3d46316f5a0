import { html } from 'lit';
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import '../src/widgets/define.js';
import { THEMES } from '../src/widgets/shared/context.js';
import type { PrmProvider } from '../src/widgets/provider/prm-provider.js';
import { FakeApi } from '../test/support/fake-api.js';
import { defineDemoElements, demoMe } from './support/demo-elements.js';

type Args = Pick<PrmProvider, 'locale' | 'theme'> & { slow: boolean };

defineDemoElements();

/** The fake API of the tests, signed in as the demo user; slow answers show the pending state. */
function demoApi(slow: boolean): FakeApi {
  const api = new FakeApi({ delayMs: slow ? 2000 : 0 });
  api.loadMe = async () => demoMe;
  return api;
}

const meta = {
  title: 'Widgets/prm-provider',
  component: 'prm-provider',
  tags: ['autodocs'],
  args: { locale: 'en-US', theme: 'light', slow: false },
  argTypes: {
    theme: { control: 'inline-radio', options: [...THEMES] },
    locale: { control: 'select', options: ['en-US', 'en-GB', 'de-DE', 'de-CH'] },
    slow: { description: 'Answer after two seconds, to see the pending state.' },
  },
  parameters: {
    docs: {
      description: {
        component:
          'These stories pass the provider the fake API of the tests as its `client`, so they run without a server. On a page, give it `api-base` and `token-url` instead.',
      },
    },
  },
  render: ({ locale, theme, slow }) =>
    html`<prm-provider
      .client=${demoApi(slow).client}
      locale=${locale ?? ''}
      theme=${theme ?? 'light'}
    >
      <prm-story-whoami></prm-story-whoami>
    </prm-provider>`,
} satisfies Meta<Args>;

export default meta;
type Story = StoryObj<Args>;

export const WithAFakeClient: Story = {};

export const German: Story = { args: { locale: 'de-DE' } };

export const Dark: Story = {
  args: { theme: 'dark' },
  parameters: { backgrounds: { default: 'dark' } },
};

export const WithoutAClient: Story = {
  render: () => html`<prm-story-whoami lang="de"></prm-story-whoami>`,
};

/** `<prm-provider>` markup as a page would write it; here the token URL does not exist. */
export const AsOnAPage: Story = {
  render: () =>
    html`<prm-provider api-base="https://prm.example" token-url="/prm/token">
      <prm-story-swatches></prm-story-swatches>
    </prm-provider>`,
};
