// The bridge between the generated wrappers and prm-widgets (hand-written): loads the static
// resource once, gives every widget a Partner API client whose transport is the Apex proxy (so the
// widgets need no change and no token: the Named Credential signs for the Salesforce user), turns
// the event stream into polling through Apex, and makes our events Salesforce behaviour.
import { loadScript } from 'lightning/platformResourceLoader';
import { ShowToastEvent } from 'lightning/platformShowToastEvent';
import { NavigationMixin } from 'lightning/navigation';
import PRM_WIDGETS from '@salesforce/resourceUrl/prmWidgets';
import send from '@salesforce/apex/PrmApiProxy.send';

/** Never fetched: every request goes through the transport, which keeps only path and query. */
const API_BASE = 'https://partner-api.invalid';
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

/** Loads the static resource once per page; resolves when the elements are defined. */
export function loadWidgets(component) {
  if (!loading) {
    loading = loadScript(component, PRM_WIDGETS).then(() => {
      client = window.prmWidgets.createPartnerClient({
        baseUrl: API_BASE,
        getToken: null,
        transport: apexTransport,
      });
    });
  }
  return loading;
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
function problem(status, detail) {
  return new Response(
    JSON.stringify({ type: 'about:blank', title: 'Apex proxy', status, detail }),
    {
      status,
      headers: { 'content-type': 'application/problem+json' },
    },
  );
}

/** The Apex answer `{ status, headers, body }` as a fetch `Response`. */
function toResponse(result) {
  const empty = [101, 204, 205, 304].includes(result.status);
  return new Response(empty ? null : (result.body ?? ''), {
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

/** The client's transport: one Apex call per request. */
export async function apexTransport(request) {
  const path = pathOf(request);
  if (
    new URL(request.url).pathname === '/v1/events' &&
    (request.headers.get('accept') ?? '').includes('text/event-stream')
  ) {
    return pollingStream(request);
  }
  const method = request.method;
  const body = method === 'GET' || method === 'HEAD' ? null : await request.text();
  try {
    const result = await abortable(
      send({ method, path, headers: headersOf(request), body }),
      request.signal,
    );
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
