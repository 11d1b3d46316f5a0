/**
 * The demo's user switcher: who the token route mints for. A visitor sees every role without
 * handling a token; the choice lives in the query string (`?user=`, shareable) and in
 * localStorage (remembered), never in a cookie.
 */

export type Side = 'partner' | 'vendor';

export interface DemoUser {
  id: string;
  name: string;
  email: string;
  role: 'partner_user' | 'partner_admin' | 'channel_manager' | 'seller';
  partnerId: string | null;
  partnerName: string | null;
  tierName: string | null;
}

const DEFAULT_USER: Record<Side, string> = {
  partner: 'usr_brightpath_1',
  vendor: 'usr_lf_cm_1',
};
const PAGE_OF: Record<Side, string> = { partner: '/demo/intranet/', vendor: '/demo/console/' };
const storageKey = (side: Side) => `prm-demo.user.${side}`;

export const ROLE_LABELS: Record<DemoUser['role'], string> = {
  partner_user: 'Partner user',
  partner_admin: 'Partner admin',
  channel_manager: 'Channel manager',
  seller: 'Seller',
};

const sideOf = (user: DemoUser): Side => (user.partnerId ? 'partner' : 'vendor');

function remembered(side: Side): string | null {
  try {
    return localStorage.getItem(storageKey(side));
  } catch {
    return null; // storage disabled: the query string still works
  }
}

function remember(side: Side, id: string): void {
  try {
    localStorage.setItem(storageKey(side), id);
  } catch {
    // storage disabled
  }
}

/** The user this page shows, known at once, so the token URL is set before any widget asks. */
export function currentUserId(side: Side): string {
  const fromQuery = new URLSearchParams(location.search).get('user');
  if (fromQuery && /^usr_[\w-]{1,64}$/.test(fromQuery)) {
    remember(side, fromQuery);
    return fromQuery;
  }
  return remembered(side) ?? DEFAULT_USER[side];
}

/** The demo backend's token route for this user: what a partner's `token-url` would be. */
export const tokenUrlFor = (userId: string) => `/demo/api/token?user=${encodeURIComponent(userId)}`;

export async function fetchUsers(): Promise<DemoUser[]> {
  const response = await fetch('/demo/api/users', { headers: { accept: 'application/json' } });
  if (!response.ok) throw new Error(`GET /demo/api/users answered ${response.status}`);
  return ((await response.json()) as { users: DemoUser[] }).users;
}

/**
 * Fills the switcher of the demo bar. Choosing someone of the other side opens that side's page:
 * a channel manager has no place on a partner's intranet.
 */
export function mountSwitcher(
  select: HTMLSelectElement,
  users: DemoUser[],
  currentId: string,
): void {
  select.replaceChildren();
  const groups = new Map<string, HTMLOptGroupElement>();
  for (const user of users) {
    const label = user.partnerName ?? 'Lumenfold (the vendor)';
    let group = groups.get(label);
    if (!group) {
      group = document.createElement('optgroup');
      group.label = label;
      groups.set(label, group);
      select.append(group);
    }
    const option = document.createElement('option');
    option.value = user.id;
    option.textContent = `${user.name} — ${ROLE_LABELS[user.role]}`;
    option.selected = user.id === currentId;
    group.append(option);
  }
  select.disabled = false;
  select.addEventListener('change', () => {
    const user = users.find((u) => u.id === select.value);
    if (!user) return;
    const side = sideOf(user);
    remember(side, user.id);
    location.assign(`${PAGE_OF[side]}?user=${encodeURIComponent(user.id)}`);
  });
}

/** A short message at the bottom of the page; text only, whatever a deal's fields hold. */
export function toast(message: string): void {
  let region = document.querySelector<HTMLElement>('.toast-region');
  if (!region) {
    region = document.createElement('div');
    region.className = 'toast-region';
    region.setAttribute('role', 'status');
    region.setAttribute('aria-live', 'polite');
    document.body.append(region);
  }
  const item = document.createElement('div');
  item.className = 'toast';
  item.textContent = message;
  region.append(item);
  setTimeout(() => item.remove(), 6000);
}
