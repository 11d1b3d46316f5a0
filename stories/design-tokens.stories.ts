import { html } from 'lit';
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { THEMES } from '../src/widgets/shared/context.js';
import { defineDemoElements } from './support/demo-elements.js';

defineDemoElements();

const meta = {
  title: 'Foundations/Design tokens',
  parameters: {
    docs: {
      description: {
        component:
          'Every widget resolves its colours from `--prm-*`, then Salesforce (`--slds-g-*`), then Fluent (`--color*`), then the theme default.',
      },
    },
  },
} satisfies Meta;

export default meta;
type Story = StoryObj;

export const Themes: Story = {
  render: () =>
    html`${THEMES.map((theme) => html`<prm-story-swatches theme=${theme}></prm-story-swatches>`)}`,
};

export const InSalesforce: Story = {
  render: () =>
    html`<div
      style="--slds-g-color-accent-1: #066afe; --slds-g-color-surface-container-1: #f3f3f3; --slds-g-color-on-surface-2: #03234d"
    >
      <prm-story-swatches></prm-story-swatches>
    </div>`,
};

export const InTeams: Story = {
  render: () =>
    html`<div
      style="--colorBrandBackground: #5b5fc7; --colorNeutralBackground1: #292929; --colorNeutralForeground1: #ffffff"
    >
      <prm-story-swatches theme="dark"></prm-story-swatches>
    </div>`,
};

export const OverriddenByThePage: Story = {
  render: () =>
    html`<div style="--prm-accent: #c2185b; --slds-g-color-accent-1: #066afe">
      <prm-story-swatches></prm-story-swatches>
    </div>`,
};
