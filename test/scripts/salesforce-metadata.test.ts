// The sfdx project, checked offline (a real deploy needs an org): every XML file well-formed
// with the elements its metadata type requires, every js-meta.xml valid against the
// LightningComponentBundle schema of the Salesforce VS Code extensions (vendored in
// test/salesforce/schemas/), and @salesforce/source-deploy-retrieve resolving the whole project
// into the components we expect, without an error.
import assert from 'node:assert/strict';
import { readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { test } from 'node:test';
import { ComponentSet } from '@salesforce/source-deploy-retrieve';
import { validateXML } from 'xmllint-wasm';
// @ts-expect-error: a plain ES module script without types
import * as build from '../../scripts/build-salesforce.mjs';
// @ts-expect-error: a plain ES module script without types
import { isAllowed, readAllowList } from '../salesforce/apex-allow-list.mjs';

const PROJECT = 'src/hosts/salesforce';
const FORCE_APP = join(PROJECT, 'force-app');
const XSD = readFileSync('test/salesforce/schemas/js-meta.xsd', 'utf8');

function files(dir: string, pred: (name: string) => boolean): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? files(p, pred) : pred(name) ? [p] : [];
  });
}

/** What each type's file must contain (its root element and required children). */
const REQUIRED: Record<string, string[]> = {
  ApexClass: ['apiVersion', 'status'],
  LightningComponentBundle: ['apiVersion', 'isExposed'],
  StaticResource: ['cacheControl', 'contentType'],
  NamedCredential: ['label', 'namedCredentialType', 'namedCredentialParameters'],
  ExternalCredential: ['label', 'authenticationProtocol', 'externalCredentialParameters'],
  PermissionSet: ['label', 'classAccesses', 'externalCredentialPrincipalAccesses'],
  CspTrustedSite: ['endpointUrl', 'isActive', 'context'],
  CustomObject: ['label', 'pluralLabel', 'visibility'],
  CustomField: ['fullName', 'label', 'type', 'fieldManageability'],
  CustomMetadata: ['label', 'protected', 'values'],
};
const DEFAULT = join(FORCE_APP, 'main/default');
const SETTINGS_FIELDS = join(DEFAULT, 'objects/PrmSettings__mdt/fields');

test('every XML file is well-formed and has what its type requires', async () => {
  const xmlFiles = files(FORCE_APP, (n) => n.endsWith('.xml'));
  assert.ok(xmlFiles.length >= 15, `only ${xmlFiles.length} XML files`);
  // One xmllint run for every file (each run starts the WebAssembly module afresh).
  const parsed = await validateXML({
    xml: xmlFiles.map((f) => ({
      fileName: f.replace(/\W/g, '_'),
      contents: readFileSync(f, 'utf8'),
    })),
    normalization: 'format',
  });
  assert.equal(parsed.valid, true, parsed.errors.map((e) => e.rawMessage).join('\n'));
  for (const file of xmlFiles) {
    const xml = readFileSync(file, 'utf8');
    const root = xml.match(
      /<([A-Za-z]+) xmlns="http:\/\/soap\.sforce\.com\/2006\/04\/metadata"/,
    )?.[1];
    assert.ok(root && REQUIRED[root], `${file}: an unexpected root element ${root}`);
    for (const child of REQUIRED[root]!) {
      assert.match(xml, new RegExp(`<${child}[ >]`), `${file}: ${root} needs <${child}>`);
    }
  }
});

test('every js-meta.xml is valid against the LightningComponentBundle schema', async () => {
  const metas = files(FORCE_APP, (n) => n.endsWith('.js-meta.xml'));
  assert.ok(metas.length >= 8, metas.join());
  const result = await validateXML({
    xml: metas.map((f) => ({
      fileName: relative('.', f).replace(/\W/g, '_'),
      contents: readFileSync(f, 'utf8'),
    })),
    schema: { fileName: 'js-meta.xsd', contents: XSD },
  });
  assert.equal(result.valid, true, result.errors.map((e) => e.rawMessage).join('\n'));
  // The schema does reject a wrong file (so a pass means something).
  const wrong = await validateXML({
    xml: {
      fileName: 'wrong.xml',
      contents: readFileSync(metas[0]!, 'utf8').replace(
        /lightning__RecordPage/g,
        'lightning__Nowhere',
      ),
    },
    schema: { fileName: 'js-meta.xsd', contents: XSD },
  });
  assert.equal(wrong.valid, false);
});

test('source-deploy-retrieve resolves the whole project into its components', async () => {
  // The static resource's content is a build product: build it as a deploy would.
  writeFileSync(build.RESOURCE, await build.buildSalesforceBundle());
  const set = ComponentSet.fromSource(FORCE_APP);
  const names = set
    .toArray()
    .map((c) => `${c.type.name}:${c.fullName}`)
    .sort();
  const bundles = readdirSync(join(FORCE_APP, 'main/default/lwc')).map(
    (b) => `LightningComponentBundle:${b}`,
  );
  assert.deepEqual(
    names,
    [
      'ApexClass:PrmApiProxy',
      'ApexClass:PrmApiProxyTest',
      'ApexClass:PrmApiToken',
      'ApexClass:PrmApiTokenTest',
      'CspTrustedSite:PrmPartnerApi',
      'CustomMetadata:PrmSettings.Default',
      'CustomObject:PrmSettings__mdt',
      'ExternalCredential:PrmPartnerApi',
      'NamedCredential:PrmPartnerApi',
      'PermissionSet:PrmWidgets',
      'StaticResource:prmWidgets',
      ...bundles,
    ].sort(),
  );
  // Each component's source parses (SDR reads every file of it).
  for (const component of set.getSourceComponents().toArray()) {
    if (component.xml) await component.parseXml();
  }
  // The Custom Metadata Type's fields are its children, as a deploy sends them.
  const type = set
    .getSourceComponents()
    .toArray()
    .find((c) => c.fullName === 'PrmSettings__mdt')!;
  assert.deepEqual(
    type
      .getChildren()
      .map((c) => `${c.type.name}:${c.fullName}`)
      .sort(),
    ['ApiBaseUrl__c', 'Audience__c', 'Issuer__c', 'Mode__c', 'PartnerIdField__c'].map(
      (f) => `CustomField:PrmSettings__mdt.${f}`,
    ),
  );
  const project = JSON.parse(readFileSync(join(PROJECT, 'sfdx-project.json'), 'utf8'));
  assert.equal(project.packageDirectories[0].path, 'force-app');
});

test("the Apex proxy's allow-list lets the widgets' calls through and nothing else", () => {
  const allowed = readAllowList();
  const pass = [
    ['GET', '/v1/me'],
    ['GET', '/v1/program'],
    ['GET', '/v1/program/tiers'],
    ['GET', '/v1/deals?customerDomain=acme.example&limit=50'],
    ['GET', '/v1/deals/dl_01HZX/history'],
    ['GET', '/v1/events'],
    ['POST', '/v1/deals'],
    ['POST', '/v1/deals/check'],
    ['POST', '/v1/deals/dl_01HZX/decision'],
    ['PATCH', '/v1/deals/dl_01HZX'],
    ['GET', '/v1/partners/prt_brightpath/tier-progress'],
    ['GET', '/v1/content?q=pricing'],
    ['GET', '/v1/mdf/summary?partnerId=prt_brightpath'],
    ['POST', '/v1/mdf/requests'],
    // The files the widgets move: a content download, an MDF proof upload.
    ['GET', '/v1/content/ast_01HZX/files/pdf'],
    ['POST', '/v1/files?name=proof.pdf'],
  ];
  for (const [method, path] of pass)
    assert.equal(isAllowed(allowed, method, path), true, `${method} ${path}`);
  const refused = [
    ['GET', '/v1/audit'],
    ['GET', '/v1/files/fil_1'],
    ['PUT', '/v1/content/ast_1/files/pdf'],
    ['GET', '/v1/content/ast_1/files/../../audit'],
    ['DELETE', '/v1/deals/dl_1'],
    ['POST', '/v1/partners/prt_1/embed-keys'],
    ['GET', '/v1/deals/../audit'],
    ['GET', 'https://elsewhere.example/v1/me'],
    ['GET', '/v1/deals/dl_1/history/extra'],
  ];
  for (const [method, path] of refused)
    assert.equal(isAllowed(allowed, method, path), false, `${method} ${path}`);
});

test('the settings record fits its type, and every Apex method the components call exists and is granted', () => {
  const record = readFileSync(
    join(DEFAULT, 'customMetadata/PrmSettings.Default.md-meta.xml'),
    'utf8',
  );
  const fields = readdirSync(SETTINGS_FIELDS).map((f) => f.replace('.field-meta.xml', ''));
  const values = [...record.matchAll(/<field>(\w+)<\/field>/g)].map((m) => m[1]);
  assert.deepEqual([...values].sort(), [...fields].sort(), 'one value per field');
  const mode = /<field>Mode__c<\/field>\s*<value xsi:type="xsd:string">(\w+)</.exec(record)?.[1];
  const modeField = readFileSync(join(SETTINGS_FIELDS, 'Mode__c.field-meta.xml'), 'utf8');
  const modes = [...modeField.matchAll(/<fullName>(\w+)<\/fullName>\s*<default>/g)].map(
    (m) => m[1],
  );
  assert.deepEqual(modes, ['apex', 'direct']);
  assert.equal(mode, 'apex', 'the Apex mode is the default');
  // The fields the Apex class reads are the type's.
  const token = readFileSync(join(DEFAULT, 'classes/PrmApiToken.cls'), 'utf8');
  const read = [...token.matchAll(/\brow\??\.(\w+__c)\b/g)].map((m) => m[1]!);
  assert.deepEqual([...new Set(read)].sort(), [...fields].sort());

  const classes = join(DEFAULT, 'classes');
  const lwc = join(DEFAULT, 'lwc');
  const imports = files(lwc, (n) => n.endsWith('.js')).flatMap((f) =>
    [...readFileSync(f, 'utf8').matchAll(/from '@salesforce\/apex\/(\w+)\.(\w+)'/g)].map((m) => [
      m[1]!,
      m[2]!,
    ]),
  );
  assert.deepEqual(imports.map((i) => i.join('.')).sort(), [
    'PrmApiProxy.send',
    'PrmApiToken.mint',
    'PrmApiToken.settings',
  ]);
  const permissions = readFileSync(
    join(DEFAULT, 'permissionsets/PrmWidgets.permissionset-meta.xml'),
    'utf8',
  );
  for (const [cls, method] of imports) {
    const source = readFileSync(join(classes, `${cls}.cls`), 'utf8');
    assert.match(
      source,
      new RegExp(`@AuraEnabled(\\(cacheable=true\\))?\\s+public static \\w+ ${method}\\(`),
      `${cls}.${method} is @AuraEnabled`,
    );
    assert.match(permissions, new RegExp(`<apexClass>${cls}</apexClass>`), `${cls} is granted`);
  }
});
