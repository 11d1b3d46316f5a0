// Hand-written (record context): an Account's partner deals, the deal list filtered on the
// account's website as the customer domain.
import { LightningElement, api, wire } from 'lwc';
import { getRecord, getFieldValue } from 'lightning/uiRecordApi';
import WEBSITE from '@salesforce/schema/Account.Website';

/** `https://www.Example.com/about` → `example.com`; undefined for no website. */
export function domainOf(website) {
  const text = (website ?? '').trim();
  if (!text) return undefined;
  try {
    const url = new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(text) ? text : `https://${text}`);
    return url.hostname.toLowerCase().replace(/^www\./, '') || undefined;
  } catch {
    return undefined;
  }
}

export default class PrmAccountDeals extends LightningElement {
  @api recordId;

  @wire(getRecord, { recordId: '$recordId', fields: [WEBSITE] })
  account;

  get customerDomain() {
    return domainOf(getFieldValue(this.account?.data, WEBSITE));
  }

  get noWebsite() {
    return Boolean(this.account?.data) && !this.customerDomain;
  }
}
