// @salesforce/apex/PrmApiToken.settings for the tests: the Custom Metadata record PrmSettings.Default
// as the test sets it in window.__sfSettings ({ mode, apiBaseUrl? }; the Apex mode when unset),
// the direct mode's base URL defaulting to the reference server's.
export default async function settings() {
  const set = window.__sfSettings ?? { mode: 'apex' };
  if (set.mode !== 'direct' || set.apiBaseUrl) return set;
  const { url } = await (await fetch('/__prm/api-base')).json();
  return { mode: 'direct', apiBaseUrl: url };
}
