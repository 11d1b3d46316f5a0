// The embed script on a page twice (the tag pasted twice with different cache busters, a CMS
// block adding its own): one warning, no error, and the first copy's configuration stays.
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { pageOwner } from '../../src/hosts/web/guard.js';
import type { HostProbe } from './embed-helpers.js';
import { api, captureWarnings, loadScript, tokenUrl } from './embed-helpers.js';

describe('the embed script, loaded twice', () => {
  it('warns once, throws nothing, and keeps the first configuration', async () => {
    const errors: string[] = [];
    const onError = (e: ErrorEvent) => void errors.push(e.message);
    window.addEventListener('error', onError);
    const first = tokenUrl();
    const second = tokenUrl();
    const capture = captureWarnings();
    try {
      await loadScript('/src/hosts/web/embed.ts?copy=1', {
        apiBase: api('first'),
        tokenUrl: first.url,
      });
      await loadScript('/src/hosts/web/embed.ts?copy=2', {
        apiBase: api('second'),
        tokenUrl: second.url,
      });
    } finally {
      capture.stop();
      window.removeEventListener('error', onError);
    }
    expect(errors).to.deep.equal([]);
    const ours = capture.warnings.filter((w) => w.includes('[prm-widgets]'));
    expect(ours).to.have.length(1);
    expect(ours[0]).to.contain('loaded more than once');
    expect(ours[0]).to.contain('embed.ts?copy=1');
    expect(ours[0]).to.contain('embed.ts?copy=2');
    expect(pageOwner()?.url).to.match(/embed\.ts\?copy=1$/);

    const probe = await fixture<HostProbe>(html`<host-probe></host-probe>`);
    await waitUntil(() => probe.resolvedClient, 'the probe got a client');
    expect((await probe.resolvedClient!.me()).user.email).to.equal('first@example.com');
  });

  it('a third copy warns again (once for each extra copy) and still throws nothing', async () => {
    const capture = captureWarnings();
    try {
      await loadScript('/src/hosts/web/embed.ts?copy=3');
    } finally {
      capture.stop();
    }
    expect(capture.warnings.filter((w) => w.includes('[prm-widgets]'))).to.have.length(1);
  });
});
