// The demo's stand-ins for the Salesforce platform modules the wrappers import (a real org
// provides them): records from a made-up Account and Opportunity, toasts in the page, navigation
// shown as a toast, and the Apex proxy as a call to the demo server with the demo seller's token.
// `?mode=direct` plays the direct mode: PrmApiToken.settings names this server as the API, and
// PrmApiToken.mint hands over the demo user's token (a real org mints one signed by its certificate).
const params = new URLSearchParams(location.search);
const USER = params.get('user') || 'usr_lf_seller_1';
const MODE = params.get('mode') === 'direct' ? 'direct' : 'apex';
let recordsPromise;
let tokenPromise;

function token() {
  tokenPromise ??= fetch(`/demo/api/token?user=${encodeURIComponent(USER)}`)
    .then((r) => r.json())
    .then((body) => body.token);
  return tokenPromise;
}

/** Who the page runs as (`?user=`, the demo seller by default): name and role, from the API. */
export async function demoUser() {
  const r = await fetch('/v1/me', {
    headers: { authorization: `Bearer ${await token()}`, accept: 'application/json' },
  });
  const me = await r.json();
  return { name: me.user?.name ?? USER, role: (me.user?.role ?? '').replace(/_/g, ' ') };
}

/** The page's records, built around the first customer the seller has deals for. */
export function demoRecords() {
  recordsPromise ??= (async () => {
    const r = await fetch('/v1/deals?limit=1&sort=-submittedAt', {
      headers: { authorization: `Bearer ${await token()}`, accept: 'application/json' },
    });
    const customer = (await r.json()).items?.[0]?.customer ?? {
      name: 'Acme',
      domain: 'acme.example',
    };
    // A registration's domain may have been typed as a URL: the Account's website is one.
    const website = /^https?:\/\//i.test(customer.domain)
      ? customer.domain
      : `https://www.${customer.domain}/`;
    return {
      customer,
      records: {
        '001DEMO': {
          'Account.Name': customer.name,
          'Account.Website': website,
        },
        '006DEMO': {
          'Opportunity.Account.Name': customer.name,
          'Opportunity.Account.Website': website,
        },
      },
    };
  })();
  return recordsPromise;
}

// lightning/uiRecordApi
export class getRecord {
  constructor(dataCallback) {
    this.dataCallback = dataCallback;
  }
  update(config) {
    demoRecords().then(({ records }) => {
      const values = records[config.recordId] ?? {};
      const fields = {};
      for (const f of config.fields ?? []) {
        fields[f.fieldApiName] = { value: values[`${f.objectApiName}.${f.fieldApiName}`] ?? null };
      }
      this.dataCallback({ data: { id: config.recordId, fields }, error: undefined });
    });
  }
  connect() {}
  disconnect() {}
}
export const getFieldValue = (record, field) => record?.fields?.[field.fieldApiName]?.value;

// lightning/platformShowToastEvent
export class ShowToastEvent extends CustomEvent {
  constructor(detail) {
    super('lightning__showtoast', { detail, bubbles: true, composed: true });
  }
}

/** Shows a toast the way Lightning does, at the top of the page, for a few seconds. */
export function showToast({ title, message, variant = 'info' }) {
  const region = document.getElementById('toasts');
  const toast = document.createElement('div');
  toast.className = `toast toast--${variant}`;
  toast.setAttribute('role', 'status');
  const strong = document.createElement('strong');
  strong.textContent = title;
  const text = document.createElement('span');
  text.textContent = message ?? '';
  toast.append(strong, text);
  region.append(toast);
  setTimeout(() => toast.remove(), 6000);
}

// lightning/navigation
const Navigate = Symbol('Navigate');
export function NavigationMixin(Base) {
  return class extends Base {
    [Navigate](ref) {
      showToast({
        title: 'Navigation',
        message: `Salesforce would open ${ref.attributes?.objectApiName} ${ref.attributes?.recordId}.`,
      });
    }
  };
}
NavigationMixin.Navigate = Navigate;

// lightning/platformResourceLoader
const loaded = new Map();
export function loadScript(_component, url) {
  if (!loaded.has(url)) {
    loaded.set(
      url,
      new Promise((resolve, reject) => {
        const script = document.createElement('script');
        script.src = url;
        script.onload = () => resolve();
        script.onerror = () => reject(new Error(`could not load ${url}`));
        document.head.append(script);
      }),
    );
  }
  return loaded.get(url);
}

// @salesforce/apex/PrmApiProxy.send: what the Apex class does, here against the demo server.
export async function send({ method, path, headers, body, bodyBase64 }) {
  const bytes = bodyBase64 ? Uint8Array.from(atob(bodyBase64), (c) => c.charCodeAt(0)) : undefined;
  const response = await fetch(path, {
    method,
    headers: { ...headers, authorization: `Bearer ${await token()}` },
    body: bytes ?? body ?? undefined,
  });
  const out = {};
  response.headers.forEach((value, name) => (out[name] = value));
  const type = out['content-type'] ?? '';
  if (!type || type.includes('json') || type.startsWith('text/event-stream')) {
    return { status: response.status, headers: out, body: await response.text() };
  }
  // A file: base64, as PrmApiProxy returns it.
  const file = new Uint8Array(await response.arrayBuffer());
  let binary = '';
  for (let i = 0; i < file.length; i += 0x8000) {
    binary += String.fromCharCode.apply(null, file.subarray(i, i + 0x8000));
  }
  return { status: response.status, headers: out, bodyBase64: btoa(binary) };
}

// @salesforce/apex/PrmApiToken.settings: the Custom Metadata record PrmSettings.Default.
export async function settings() {
  return MODE === 'direct' ? { mode: 'direct', apiBaseUrl: location.origin } : { mode: 'apex' };
}

// @salesforce/apex/PrmApiToken.mint: a token for the user and how long it lives.
export async function mint() {
  const body = await (await fetch(`/demo/api/token?user=${encodeURIComponent(USER)}`)).json();
  const expiresIn = Math.floor((Date.parse(body.expiresAt) - Date.now()) / 1000);
  return { token: body.token, expiresIn };
}

// @salesforce/resourceUrl/prmWidgets
export const PRM_WIDGETS_URL = '/demo/static/salesforce/prmWidgets.js';
