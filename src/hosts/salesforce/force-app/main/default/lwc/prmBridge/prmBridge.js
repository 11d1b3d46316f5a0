// The bridge between the generated wrappers and prm-widgets (hand-written): loads the static
// resource once, gives every widget a Partner API client, and makes our events Salesforce
// behaviour. The client works in one of two modes, which the Custom Metadata record
// PrmSettings.Default chooses (read by PrmApiToken.settings, an administrator's setting):
//  - `apex` (the default): the transport is the Apex proxy (so the widgets need no change and no
//    token: the Named Credential signs for the Salesforce user), the event stream becomes polling
//    through Apex, and files travel as base64 up to MAX_FILE_BYTES;
//  - `direct`: the client calls the API base URL itself with a short-lived token PrmApiToken.mint
//    signs for the user (minted again before it expires): the real event stream, files of any size.
import { loadScript } from 'lightning/platformResourceLoader';
import { ShowToastEvent } from 'lightning/platformShowToastEvent';
import { NavigationMixin } from 'lightning/navigation';
import PRM_WIDGETS from '@salesforce/resourceUrl/prmWidgets';
import send from '@salesforce/apex/PrmApiProxy.send';
import getSettings from '@salesforce/apex/PrmApiToken.settings';
import mint from '@salesforce/apex/PrmApiToken.mint';

/** Never fetched in the Apex mode: every request goes through the transport (path and query). */
const API_BASE = 'https://partner-api.invalid';
/** The file size the Apex proxy carries (PrmApiProxy.MAX_FILE_BYTES). */
export const MAX_FILE_BYTES = 2000000;
/** A minted token is replaced this long before it expires. */
const TOKEN_REFRESH_MS = 60000;
/** How often the event stream is polled through Apex (it cannot hold a stream open). */
let pollMs = 15000;
/** Changes the polling interval (milliseconds) for the streams opened after the call. */
export function setPollInterval(ms) {
  pollMs = ms;
}
/** The request headers the proxy forwards; anything else stays in the browser. */
const FORWARDED = ['accept', 'content-type', 'idempotency-key', 'last-event-id', 'if-match'];

let loading;
let client;
let mode;
let token;
let minting;

/**
 * Loads the static resource and the org's settings once per page; resolves when the elements are
 * defined and the client made.
 */
export function loadWidgets(component) {
  if (!loading) {
    const settings = getSettings().catch(() => undefined);
    loading = Promise.all([loadScript(component, PRM_WIDGETS), settings]).then(([, set]) => {
      const direct = set?.mode === 'direct' && Boolean(set.apiBaseUrl);
      mode = direct ? 'direct' : 'apex';
      client = window.prmWidgets.createPartnerClient(
        direct
          ? { baseUrl: set.apiBaseUrl, getToken: directToken }
          : { baseUrl: API_BASE, getToken: null, transport: apexTransport },
      );
    });
  }
  return loading;
}

/** `apex` or `direct` once `loadWidgets` has settled. */
export const bridgeMode = () => mode;

/** Forgets the client, the mode and the token: the next `loadWidgets` reads the settings again. */
export function resetBridge() {
  loading = undefined;
  client = undefined;
  mode = undefined;
  token = undefined;
  minting = undefined;
}

/** The direct mode's token: minted by Apex for the user, minted again a minute before it ends. */
function directToken(options) {
  if (!options?.forceRefresh && token && token.expiresAt - TOKEN_REFRESH_MS > Date.now()) {
    return Promise.resolve(token.value);
  }
  minting ??= mint()
    .then((minted) => {
      token = { value: minted.token, expiresAt: Date.now() + minted.expiresIn * 1000 };
      return minted.token;
    })
    .finally(() => (minting = undefined));
  return minting;
}

/** The client every wrapper gives its element (undefined before `loadWidgets` settles). */
export const bridgeClient = () => client;

function pathOf(request) {
  const url = new URL(request.url);
  return url.pathname + url.search;
}

function headersOf(request, extra = {}) {
  const headers = {};
  request.headers.forEach((value, name) => {
    if (FORWARDED.includes(name)) headers[name] = value;
  });
  return { ...headers, ...extra };
}

/** A problem-details answer made here, for an Apex call that failed before the API answered. */
function problem(status, detail, code) {
  return new Response(
    JSON.stringify({ type: 'about:blank', title: 'Apex proxy', status, detail, code }),
    {
      status,
      headers: { 'content-type': 'application/problem+json' },
    },
  );
}

/** JSON and the event stream travel as text; anything else is a file's bytes (base64). */
const isText = (type) => !type || type.includes('json') || type.startsWith('text/event-stream');

function toBase64(bytes) {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) {
    binary += String.fromCharCode.apply(null, bytes.subarray(i, i + 0x8000));
  }
  return btoa(binary);
}

function fromBase64(text) {
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i += 1) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/** What the proxy answers for a file over its limit (here before Apex is even called). */
function fileTooLarge(bytes) {
  return problem(
    413,
    `The file (${bytes} bytes) is over the ${MAX_FILE_BYTES} bytes that pass through the ` +
      'Salesforce proxy. An administrator can switch the widgets to the direct mode (Custom ' +
      'Metadata PrmSettings, Mode "direct"), in which the browser sends files to the Partner API itself.',
    'file_too_large',
  );
}

/** The Apex answer `{ status, headers, body | bodyBase64 }` as a fetch `Response`. */
function toResponse(result) {
  const empty = [101, 204, 205, 304].includes(result.status);
  const body = result.bodyBase64 != null ? fromBase64(result.bodyBase64) : (result.body ?? '');
  return new Response(empty ? null : body, {
    status: result.status,
    headers: result.headers ?? {},
  });
}

function abortable(promise, signal) {
  if (!signal) return promise;
  return new Promise((resolve, reject) => {
    const onAbort = () => reject(signal.reason ?? new DOMException('Aborted', 'AbortError'));
    if (signal.aborted) onAbort();
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}

/** The client's transport in the Apex mode: one Apex call per request. */
export async function apexTransport(request, options) {
  const path = pathOf(request);
  if (
    new URL(request.url).pathname === '/v1/events' &&
    (request.headers.get('accept') ?? '').includes('text/event-stream')
  ) {
    return pollingStream(request);
  }
  const method = request.method;
  let body = null;
  let bodyBase64 = null;
  let size = 0;
  if (method !== 'GET' && method !== 'HEAD') {
    if (isText(request.headers.get('content-type') ?? '')) body = await request.text();
    else {
      const bytes = new Uint8Array(await request.arrayBuffer());
      size = bytes.byteLength;
      if (size > MAX_FILE_BYTES) return fileTooLarge(size);
      bodyBase64 = toBase64(bytes);
    }
  }
  try {
    const result = await abortable(
      send({ method, path, headers: headersOf(request), body, bodyBase64 }),
      request.signal,
    );
    // Apex sends the file in one go: it is all out when Apex answers.
    if (bodyBase64 !== null) options?.onUploadProgress?.({ loaded: size, total: size });
    return toResponse(result);
  } catch (error) {
    if (request.signal?.aborted) throw error;
    // An AuraHandledException carries its message in body.message.
    return problem(502, error?.body?.message ?? error?.message ?? 'The Apex proxy failed.');
  }
}

/**
 * `GET /v1/events` as polling: a `text/event-stream` made here, fed by one Apex call every
 * poll interval with `Prefer: wait=0` (the server answers the events there are and ends), resuming
 * after the last id it saw. The client reads it as it reads the real stream.
 */
function pollingStream(request) {
  let lastEventId = request.headers.get('last-event-id') ?? undefined;
  let timer;
  let stopped = false;
  const encoder = new TextEncoder();
  const interval = pollMs;
  const stop = () => {
    stopped = true;
    clearTimeout(timer);
  };
  request.signal?.addEventListener('abort', stop, { once: true });
  const stream = new ReadableStream({
    start(controller) {
      controller.enqueue(encoder.encode(`retry: ${interval}\n\n`));
      const poll = async () => {
        if (stopped) return;
        try {
          const extra = { accept: 'text/event-stream', prefer: 'wait=0' };
          if (lastEventId) extra['last-event-id'] = lastEventId;
          const result = await send({
            method: 'GET',
            path: '/v1/events',
            headers: headersOf(request, extra),
            body: null,
            bodyBase64: null,
          });
          if (stopped) return;
          if (result.status !== 200) {
            controller.error(new Error(`The event poll answered ${result.status}.`));
            return;
          }
          const text = result.body ?? '';
          for (const line of text.split(/\r\n|\r|\n/)) {
            if (line.startsWith('id:')) lastEventId = line.slice(3).trim();
          }
          // The poll's own closing `id:` line only moves the cursor: no data, nothing dispatched.
          controller.enqueue(encoder.encode(text.endsWith('\n\n') ? text : `${text}\n\n`));
        } catch (error) {
          if (!stopped) controller.error(error);
          return;
        }
        timer = setTimeout(poll, interval);
      };
      poll();
    },
    cancel: stop,
  });
  return new Response(stream, {
    status: 200,
    headers: { 'content-type': 'text/event-stream' },
  });
}

/** Our outcome events, and the toast each becomes. */
const TOASTS = {
  'prm-deal-registered': (deal) => ({
    title: 'Deal registered',
    message: `${deal.customer?.name ?? ''}: ${deal.status}`,
    variant: deal.status === 'rejected' ? 'warning' : 'success',
  }),
  'prm-deal-decide': (deal) => ({
    title: 'Decision saved',
    message: `${deal.customer?.name ?? ''}: ${deal.status}`,
    variant: 'success',
  }),
  'prm-deal-decided': (deal) => ({
    title: 'Deal decided',
    message: `${deal.customer?.name ?? ''}: ${deal.status}`,
    variant: 'info',
  }),
};

/** `prm-deal-select` → the CRM record when the deal has one (its `externalId`). */
function navigateToDeal(component, deal) {
  if (!deal?.externalId) return;
  component[NavigationMixin.Navigate]({
    type: 'standard__recordPage',
    attributes: { recordId: deal.externalId, objectApiName: 'Opportunity', actionName: 'view' },
  });
}

/**
 * Gives the element the bridge's client and forwards its events: each is dispatched again on the
 * wrapper as `prmdealselect` (LWC event names: lower case, no hyphens) with the same detail, and
 * the ones with Salesforce behaviour navigate or raise a toast. Returns the undo.
 */
export function connectWidget(component, element, events) {
  element.client = client;
  const listeners = events.map((name) => {
    const listener = (event) => {
      const detail = event.detail;
      component.dispatchEvent(new CustomEvent(name.replace(/-/g, ''), { detail }));
      if (name === 'prm-deal-select') navigateToDeal(component, detail);
      const toast = TOASTS[name];
      if (toast) component.dispatchEvent(new ShowToastEvent(toast(detail)));
    };
    element.addEventListener(name, listener);
    return [name, listener];
  });
  return () => {
    for (const [name, listener] of listeners) element.removeEventListener(name, listener);
  };
}
