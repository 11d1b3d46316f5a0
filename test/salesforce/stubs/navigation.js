// lightning/navigation for the tests: every navigation is recorded in window.__sfNavigations.
const Navigate = Symbol('Navigate');
export function NavigationMixin(Base) {
  return class extends Base {
    [Navigate](pageReference) {
      (window.__sfNavigations ??= []).push(pageReference);
    }
  };
}
NavigationMixin.Navigate = Navigate;
