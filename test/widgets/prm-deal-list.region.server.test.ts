// <prm-deal-list region> against the reference server: the channel team's queue of one region
// shows the deals of that region's partners only (Kestrel is in EMEA, Brightpath in North America).
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../src/widgets/define.js';
import type { PrmDealList } from '../../src/widgets/deal-list/prm-deal-list.js';
import {
  BRIGHTPATH,
  KESTREL,
  clientAs,
  register,
  rowOf,
  uniqueCustomer,
} from './support/reference-api.js';

const ids = (el: PrmDealList) =>
  [...el.renderRoot.querySelectorAll("[role='listitem']")].map((r) => r.getAttribute('data-id'));

describe('<prm-deal-list region>: against the reference server', () => {
  it('lists the region’s deals only, and follows a change of region', async () => {
    const stem = uniqueCustomer('Zr').name.replace(/\s/g, '');
    const emea = await register(await clientAs('partner_user', KESTREL), uniqueCustomer(stem));
    const na = await register(await clientAs('partner_user', BRIGHTPATH), uniqueCustomer(stem));
    const el = await fixture<PrmDealList>(
      html`<prm-deal-list
        lang="en"
        region="emea"
        q=${stem}
        .client=${await clientAs('channel_manager')}
      ></prm-deal-list>`,
    );
    await rowOf(el, emea.id);
    expect(ids(el)).to.deep.equal([emea.id]);
    el.region = 'North America';
    await rowOf(el, na.id);
    await waitUntil(() => ids(el).join() === na.id, 'the EMEA deal stayed', { timeout: 10_000 });
  });
});
