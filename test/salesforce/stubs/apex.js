// @salesforce/apex/PrmApiProxy.send for the tests: what the Apex proxy does, with the real
// reference server behind it. The call leaves the browser for the dev server (`/__apex/send`),
// which makes the request server-side, as Apex does (no CORS). The Named Credential's per-user JWT
// is a token minted for the "Salesforce user" the test sets in window.__sfUser
// ({ role, partner?, sub?, email? }). A file travels as `bodyBase64`, either way, as in Apex.
let base;
export default async function send({ method, path, headers, body, bodyBase64 }) {
  base ??= (await (await fetch('/__prm/api-base')).json()).url;
  const user = new URLSearchParams(window.__sfUser ?? { role: 'seller' });
  const { token } = await (await fetch(`/__prm/token?${user}`)).json();
  (window.__apexCalls ??= []).push({ method, path });
  const response = await fetch('/__apex/send', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      url: base + path,
      method,
      headers: { ...headers, authorization: `Bearer ${token}` },
      body,
      bodyBase64,
    }),
  });
  if (!response.ok) throw { body: { message: await response.text() } };
  return response.json();
}
