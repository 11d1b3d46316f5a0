/**
 * The console page's own script: the vendor's back office signs its staff in with its own
 * identity (here, the demo's token route mints with the server's secret) and shows decisions in
 * its own way (a toast).
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

const userId = currentUserId('vendor');
document.getElementById('prm')!.setAttribute('token-url', tokenUrlFor(userId));
// Also before the embed script: the widgets start in the chosen language and theme.
mountPreferences();

const byId = (id: string) => document.getElementById(id)!;

function showUser(user: DemoUser): void {
  byId('me-name').textContent = user.name;
  byId('me-role').textContent = ROLE_LABELS[user.role];
  byId('me-avatar').textContent = user.name
    .split(/\s+/)
    .map((part) => part[0] ?? '')
    .join('')
    .slice(0, 2);
}

document.addEventListener('prm-deal-decide', (event) => {
  const deal = event.detail;
  toast(`${deal.customer.name}: ${deal.status === 'approved' ? 'approved' : 'rejected'}.`);
});

fetchUsers().then(
  (users) => {
    const user = users.find((u) => u.id === userId);
    mountSwitcher(byId('demo-user') as HTMLSelectElement, users, userId);
    if (!user) {
      toast(`There is no demo user ${userId}; choose one in the bar above.`);
      return;
    }
    if (user.partnerId) {
      location.replace(`/demo/intranet/?user=${encodeURIComponent(user.id)}`);
      return;
    }
    showUser(user);
  },
  (error: unknown) => toast(`The demo users could not be loaded: ${(error as Error).message}`),
);

// The tier panel shows the partner chosen above it.
const tierPartner = byId('tier-partner') as HTMLSelectElement;
tierPartner.addEventListener('change', () =>
  byId('tier').setAttribute('partner-id', tierPartner.value),
);
