/// <reference types="vite/client" />
import type { Preview } from '@storybook/web-components-vite';
import { setCustomElementsManifest } from '@storybook/web-components-vite';

// `npm run analyze` writes the manifest (storybook:build runs it first). A glob, not an import, so
// that `storybook dev` and the typecheck still work before it exists.
const manifests = import.meta.glob<{ default: unknown }>('../dist/custom-elements.json', {
  eager: true,
});
const manifest = Object.values(manifests)[0]?.default;
if (manifest) setCustomElementsManifest(manifest);

const preview: Preview = {
  parameters: {
    controls: { expanded: true },
    a11y: { test: 'error' },
  },
};

export default preview;
