import type { StorybookConfig } from '@storybook/web-components-vite';

const config: StorybookConfig = {
  stories: ['../stories/**/*.stories.ts'],
  addons: ['@storybook/addon-docs', '@storybook/addon-a11y'],
  framework: { name: '@storybook/web-components-vite', options: {} },
  core: { disableTelemetry: true },
  // The project's vite.config.ts builds the library (environments, lib mode, warnings compiled
  // out); Storybook builds an app, so it keeps only what applies to one.
  viteFinal: (config) => {
    const { builder: _builder, environments: _environments, ...rest } = config;
    return { ...rest, define: { ...rest.define, __PRM_DEV__: 'true' } };
  },
};

export default config;
