// Upload progress through the client, in Chromium, against the reference server
// (test/support/wtr-plugins/reference-server.mjs): a proof file of two megabytes, sent at 1 MB/s
// (DevTools' network emulation, test/support/wtr-plugins/network-conditions.mjs, so that it goes
// out in many steps as over a real link), goes out over XMLHttpRequest with its progress reported
// step by step up to every byte, with the same token, hooks,
// idempotency key and problem errors as any other call; a host transport gets the handler and may
// report progress itself, or ignore it and still upload.
import { expect } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import { tokenFromUrl } from '../../src/core/auth.js';
import { createPartnerClient } from '../../src/core/client.js';
import type { PartnerClientOptions, UploadProgress } from '../../src/core/client.js';
import { isPartnerApiError } from '../../src/core/errors.js';

async function apiBase(): Promise<string> {
  const value = (await (await fetch('/__prm/api-base')).json()) as { url: string };
  return value.url;
}

async function partnerAdmin(options: Partial<PartnerClientOptions> = {}) {
  return createPartnerClient({
    baseUrl: await apiBase(),
    getToken: tokenFromUrl('/__prm/token?role=partner_admin&partner=prt_brightpath'),
    // Storing megabytes takes the reference server a few seconds on a loaded machine.
    timeout: 60_000,
    ...options,
  });
}

/** A valid PDF of about `megabytes` MB: a header, comment lines as padding, a trailer. */
function bigPdf(megabytes: number, name = 'big-invoice.pdf'): File {
  const head = '%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n';
  const tail =
    '2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n';
  const line = `%${'x'.repeat(1022)}\n`;
  const lines = Math.floor((megabytes * 1_000_000) / line.length);
  return new File([head, line.repeat(lines), tail], name, { type: 'application/pdf' });
}

const increasing = (events: UploadProgress[]) =>
  events.every((e, i) => i === 0 || e.loaded >= events[i - 1]!.loaded);

describe('upload progress through the client', () => {
  it('reports bytes sent up to 100 % for a multi-megabyte proof, with the token and hooks of every call', async function () {
    this.timeout(60_000);
    const seen: string[] = [];
    const client = await partnerAdmin({
      hooks: {
        beforeRequest: ({ request, operation }) => {
          seen.push(
            `before ${operation.name} ${request.headers.get('authorization') ? 'auth' : 'anon'} ${operation.idempotencyKey ? 'key' : 'nokey'}`,
          );
        },
        afterResponse: ({ response, operation }) => {
          seen.push(`after ${operation.name} ${response.status}`);
        },
      },
    });
    const file = bigPdf(2);
    const events: UploadProgress[] = [];
    await executeServerCommand('prm-network', { uploadBytesPerSecond: 1_000_000 });
    const info = await client.files
      .upload(file, { onProgress: (p) => events.push(p) })
      .finally(() => executeServerCommand('prm-network', { uploadBytesPerSecond: null }));
    expect(info.sizeBytes).to.equal(file.size);
    expect(info.name).to.equal('big-invoice.pdf');
    // Many steps, each of them partial, growing, each of the whole file; the last all of it.
    expect(events.length, 'progress events').to.be.greaterThan(2);
    expect(increasing(events)).to.equal(true);
    expect(events[0]!.loaded).to.be.lessThan(file.size);
    expect(events.every((e) => e.total === file.size)).to.equal(true);
    const last = events.at(-1)!;
    expect(last.total).to.equal(file.size);
    expect(last.loaded).to.equal(file.size);
    expect(seen).to.deep.equal(['before files.upload auth key', 'after files.upload 201']);
    console.log(`# ${file.size} bytes: ${events.length} progress events`);
  });

  it('maps a refused file to the same problem error as without progress', async () => {
    const client = await partnerAdmin();
    const bad = new File(['GIF89a not a proof'], 'photo.gif', { type: 'image/gif' });
    const failures = await Promise.all(
      [undefined, () => undefined].map((onProgress) =>
        client.files.upload(bad, onProgress ? { onProgress } : {}).then(
          () => undefined,
          (error: unknown) => error,
        ),
      ),
    );
    for (const error of failures) {
      expect(isPartnerApiError(error), String(error)).to.equal(true);
    }
    const [plain, tracked] = failures as [
      { status: number; code: string },
      { status: number; code: string },
    ];
    expect(tracked.status).to.equal(plain.status);
    expect(tracked.code).to.equal(plain.code);
  });

  it('refreshes the token once after a 401, as every call does', async () => {
    let calls = 0;
    const real = tokenFromUrl('/__prm/token?role=partner_admin&partner=prt_brightpath');
    const client = createPartnerClient({
      baseUrl: await apiBase(),
      timeout: 60_000,
      getToken: (o) => {
        calls += 1;
        return o?.forceRefresh ? real(o) : Promise.resolve('not-a-token');
      },
    });
    const events: UploadProgress[] = [];
    const info = await client.files.upload(bigPdf(0.5), { onProgress: (p) => events.push(p) });
    expect(info.sizeBytes).to.be.greaterThan(490_000);
    expect(calls).to.equal(2);
    expect(events.at(-1)?.loaded).to.equal(events.at(-1)?.total);
  });

  it('gives a host transport the handler: one that reports progress, one that does not', async () => {
    const reporting = await partnerAdmin({
      transport: async (request, options) => {
        const size = (await request.clone().blob()).size;
        const response = await fetch(request);
        options?.onUploadProgress?.({ loaded: size, total: size });
        return response;
      },
    });
    const file = bigPdf(0.1);
    const events: UploadProgress[] = [];
    await reporting.files.upload(file, { name: 'a.pdf', onProgress: (p) => events.push(p) });
    // The client passed its handler through to the transport, which reported the whole body.
    expect(events).to.deep.equal([{ loaded: file.size, total: file.size }]);

    const silent = await partnerAdmin({ transport: (request) => fetch(request) });
    const none: UploadProgress[] = [];
    const info = await silent.files.upload(file, { onProgress: (p) => none.push(p) });
    expect(info.sizeBytes).to.equal(file.size);
    expect(none).to.deep.equal([]);
  });
});
