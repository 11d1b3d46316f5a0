// @salesforce/apex/PrmApiToken.mint for the tests: what the Apex method does, an RS256 JWT with the
// External Credential's claims for the "Salesforce user" in window.__sfUser ({ sub, email,
// user_type, partner? }), signed by the dev server with the test org's key (as the org signs with
// its certificate) which the reference server trusts as a Salesforce issuer. Each mint is counted
// in window.__sfMints; window.__sfTokenSeconds sets the lifetime (300 s, as Apex's).
export default async function mint() {
  const query = new URLSearchParams({
    ...(window.__sfUser ?? {}),
    seconds: String(window.__sfTokenSeconds ?? 300),
  });
  const response = await fetch(`/__sf/mint?${query}`);
  if (!response.ok) throw { body: { message: await response.text() } };
  window.__sfMints = (window.__sfMints ?? 0) + 1;
  return response.json();
}
