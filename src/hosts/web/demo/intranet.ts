/**
 * The intranet page's own script: what a partner's site adds around the widgets. It picks the
 * signed-in user (here, from the demo's switcher), points the provider at the site's token route,
 * and reacts to the widgets' events in the site's own way (a toast).
 */
import type { DemoUser } from './demo-bar.js';
import { mountPreferences } from './demo-preferences.js';
import {
  ROLE_LABELS,
  currentUserId,
  fetchUsers,
  mountSwitcher,
  toast,
  tokenUrlFor,
} from './demo-bar.js';

interface KeyStatus {
  id: string;
  partnerId: string;
  createdAt: string;
  revokedAt: string | null;
}

const userId = currentUserId('partner');
// Before the embed script (the next module script) upgrades the provider: its first client
// already fetches tokens for this user.
document.getElementById('prm')!.setAttribute('token-url', tokenUrlFor(userId));
// Also before the embed script: the widgets start in the chosen language and theme.
mountPreferences();

const byId = (id: string) => document.getElementById(id)!;
const BRANDS: Record<string, string> = {
  prt_brightpath: 'Brightpath Hub',
  prt_kestrel: 'Kestrel Intranet',
};

function showUser(user: DemoUser): void {
  document.documentElement.dataset.partner = (user.partnerId ?? '').replace(/^prt_/, '');
  byId('brand-name').textContent = BRANDS[user.partnerId ?? ''] ?? `${user.partnerName} intranet`;
  byId('partner-name').textContent = user.partnerName ?? '';
  byId('footer-name').textContent = user.partnerName ?? '';
  byId('tier-name').textContent = user.tierName ?? '—';
  byId('me-name').textContent = user.name;
  byId('me-role').textContent = ROLE_LABELS[user.role];
  byId('me-avatar').textContent = user.name
    .split(/\s+/)
    .map((part) => part[0] ?? '')
    .join('')
    .slice(0, 2);
  document.title = `Lumenfold deal desk · ${user.partnerName ?? 'Partner'} intranet`;
}

async function keyRequest(
  method: 'GET' | 'POST' | 'DELETE',
  partnerId: string,
): Promise<KeyStatus | null> {
  const response = await fetch(`/demo/api/embed-key?partner=${encodeURIComponent(partnerId)}`, {
    method,
    headers: { accept: 'application/json', 'x-prm-demo': '1' },
  });
  if (!response.ok) throw new Error(`${method} /demo/api/embed-key answered ${response.status}`);
  return ((await response.json()) as { key: KeyStatus | null }).key;
}

/** Partner admins manage the site's embed key: revoke it, issue a new one. */
function mountKeyCard(partnerId: string): void {
  const card = byId('key-card');
  const revoke = byId('key-revoke') as HTMLButtonElement;
  const rotate = byId('key-rotate') as HTMLButtonElement;
  const show = (key: KeyStatus | null) => {
    byId('key-id').textContent = key?.id ?? 'not issued yet';
    byId('key-state').textContent = !key
      ? 'Issued at the first sign-in'
      : key.revokedAt
        ? `Revoked ${new Date(key.revokedAt).toLocaleString()}`
        : `Active since ${new Date(key.createdAt).toLocaleString()}`;
    revoke.disabled = !key || key.revokedAt !== null;
  };
  const act = (method: 'POST' | 'DELETE', done: string) => async () => {
    revoke.disabled = rotate.disabled = true;
    try {
      show(await keyRequest(method, partnerId));
      toast(done);
    } catch (error) {
      toast(`The embed key could not be changed: ${(error as Error).message}`);
    } finally {
      rotate.disabled = false;
    }
  };
  revoke.addEventListener(
    'click',
    act('DELETE', 'Key revoked: the widgets will ask to sign in again.'),
  );
  rotate.addEventListener(
    'click',
    act('POST', 'New key issued: sign in again in the widgets to continue.'),
  );
  card.hidden = false;
  keyRequest('GET', partnerId).then(show, () => show(null));
}

document
  .querySelector('.site-search')
  ?.addEventListener('submit', (event) => event.preventDefault());

document.addEventListener('prm-deal-registered', (event) => {
  const deal = event.detail;
  const outcome =
    deal.status === 'approved'
      ? 'approved at once'
      : deal.status === 'rejected'
        ? 'rejected: another partner holds this customer'
        : 'sent to Lumenfold for review';
  toast(`Deal for ${deal.customer.name} registered — ${outcome}.`);
});

// The channel team decided while the page was open: the list has announced it; the site says so too.
document.addEventListener('prm-deal-decided', (event) => {
  const deal = event.detail;
  const verdict = deal.status === 'approved' ? 'approved' : 'rejected';
  toast(`Lumenfold ${verdict} the deal for ${deal.customer.name}.`);
});

fetchUsers().then(
  (users) => {
    const user = users.find((u) => u.id === userId);
    mountSwitcher(byId('demo-user') as HTMLSelectElement, users, userId);
    if (!user) {
      toast(`There is no demo user ${userId}; choose one in the bar above.`);
      return;
    }
    if (!user.partnerId) {
      // A vendor user on a partner's intranet: their page is the console.
      location.replace(`/demo/console/?user=${encodeURIComponent(user.id)}`);
      return;
    }
    showUser(user);
    if (user.role === 'partner_admin') mountKeyCard(user.partnerId);
  },
  (error: unknown) => toast(`The demo users could not be loaded: ${(error as Error).message}`),
);
