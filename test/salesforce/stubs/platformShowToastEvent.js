// lightning/platformShowToastEvent for the tests: the event Lightning turns into a toast.
export class ShowToastEvent extends CustomEvent {
  constructor(detail) {
    super('lightning__showtoast', { detail, bubbles: true, composed: true });
  }
}
