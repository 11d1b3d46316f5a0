// Hand-written (record context): on an Opportunity, for partner users the registration form
// prefilled from the opportunity and its account, and for everyone the partner registrations of that customer with their status
// and conflicts (whether a partner registered it, and whether registrations conflict). Above them,
// which registration belongs to this Opportunity (its `externalId` is the record id): a channel
// manager (or the integration user) links one with "Link to this opportunity" (`PATCH
// /v1/deals/:id { externalId }`); a seller only sees which one it is.
import { LightningElement, api, wire } from 'lwc';
import { getRecord, getFieldValue } from 'lightning/uiRecordApi';
import { ShowToastEvent } from 'lightning/platformShowToastEvent';
import ACCOUNT_NAME from '@salesforce/schema/Opportunity.Account.Name';
import ACCOUNT_WEBSITE from '@salesforce/schema/Opportunity.Account.Website';
import { domainOf } from 'c/prmAccountDeals';
import { bridgeClient, loadWidgets } from 'c/prmBridge';

/** The roles the API lets change a deal's `externalId`. */
const LINKERS = ['channel_manager', 'integration'];
/** A deal's status as a person reads it. */
const STATUS = {
  under_review: 'Under review',
  approved: 'Approved',
  rejected: 'Rejected',
  withdrawn: 'Withdrawn',
  expired: 'Expired',
};

export default class PrmOpportunityDeal extends LightningElement {
  @api recordId;
  opportunity;
  deals;
  role;
  linking;
  ready = false;
  loadedFor;

  @wire(getRecord, { recordId: '$recordId', fields: [ACCOUNT_NAME, ACCOUNT_WEBSITE] })
  wiredOpportunity(result) {
    this.opportunity = result;
    this.refresh();
  }

  connectedCallback() {
    loadWidgets(this).then(() => {
      this.ready = true;
      this.refresh();
    });
  }

  get loaded() {
    return Boolean(this.opportunity?.data);
  }

  get customerName() {
    return getFieldValue(this.opportunity?.data, ACCOUNT_NAME) ?? undefined;
  }

  get customerDomain() {
    return domainOf(getFieldValue(this.opportunity?.data, ACCOUNT_WEBSITE));
  }

  /** The customer's registrations and the user's role, once per customer (and after a link). */
  async refresh(force = false) {
    const client = bridgeClient();
    const domain = this.customerDomain;
    if (!this.ready || !client || !domain || (this.loadedFor === domain && !force)) return;
    this.loadedFor = domain;
    try {
      const [me, page] = await Promise.all([
        client.me(),
        client.deals.list({ customerDomain: domain, limit: 50 }),
      ]);
      this.role = me.user.role;
      this.deals = page.items;
    } catch {
      this.loadedFor = undefined;
    }
  }

  get hasDeals() {
    return Array.isArray(this.deals);
  }

  /** The registration this Opportunity is linked to, if any. */
  get linked() {
    const deal = this.deals?.find((d) => d.externalId && d.externalId === this.recordId);
    return deal ? this.view(deal) : undefined;
  }

  /** Only partner users register (the API refuses anyone else); the form waits for the role. */
  get isPartner() {
    return typeof this.role === 'string' && this.role.startsWith('partner_');
  }

  get canLink() {
    return LINKERS.includes(this.role) && this.linkable.length > 0;
  }

  /** The customer's other registrations, for a channel manager to link (a withdrawn one is over). */
  get linkable() {
    return (this.deals ?? [])
      .filter((d) => d.externalId !== this.recordId && d.status !== 'withdrawn')
      .map((d) => this.view(d));
  }

  view(deal) {
    return {
      id: deal.id,
      title: deal.title,
      partner: deal.partnerName ?? deal.partnerId,
      status: STATUS[deal.status] ?? deal.status,
      elsewhere: Boolean(deal.externalId) && deal.externalId !== this.recordId,
      busy: this.linking === deal.id,
    };
  }

  async link(event) {
    const id = event.currentTarget.dataset.id;
    const client = bridgeClient();
    if (!client || this.linking) return;
    this.linking = id;
    try {
      const deal = await client.deals.update(id, { externalId: this.recordId });
      this.dispatchEvent(
        new ShowToastEvent({
          title: 'Linked to this opportunity',
          message: `${deal.customer?.name ?? ''}: ${deal.title}`,
          variant: 'success',
        }),
      );
      this.deals = this.deals.map((d) => (d.id === deal.id ? deal : d));
      await this.refresh(true);
    } catch (error) {
      this.dispatchEvent(
        new ShowToastEvent({
          title: 'Could not link the registration',
          message: error?.problem?.detail ?? error?.message ?? String(error),
          variant: 'error',
        }),
      );
    } finally {
      this.linking = undefined;
    }
  }
}
