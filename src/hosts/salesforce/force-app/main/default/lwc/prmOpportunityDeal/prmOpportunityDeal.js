// Hand-written (record context): on an Opportunity, the registration form prefilled from the
// opportunity and its account, and the partner registrations of that customer with their status
// and conflicts (whether a partner registered it, and whether registrations conflict).
import { LightningElement, api, wire } from 'lwc';
import { getRecord, getFieldValue } from 'lightning/uiRecordApi';
import ACCOUNT_NAME from '@salesforce/schema/Opportunity.Account.Name';
import ACCOUNT_WEBSITE from '@salesforce/schema/Opportunity.Account.Website';
import { domainOf } from 'c/prmAccountDeals';

export default class PrmOpportunityDeal extends LightningElement {
  @api recordId;

  @wire(getRecord, { recordId: '$recordId', fields: [ACCOUNT_NAME, ACCOUNT_WEBSITE] })
  opportunity;

  get loaded() {
    return Boolean(this.opportunity?.data);
  }

  get customerName() {
    return getFieldValue(this.opportunity?.data, ACCOUNT_NAME) ?? undefined;
  }

  get customerDomain() {
    return domainOf(getFieldValue(this.opportunity?.data, ACCOUNT_WEBSITE));
  }
}
