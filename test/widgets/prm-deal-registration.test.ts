import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import type { PartnerClient } from '../../src/core/client.js';
import { NetworkError, PartnerApiError, TokenError } from '../../src/core/errors.js';
import type { ProblemDetails } from '../../src/core/schema/common.js';
import type {
  ConflictReport,
  Deal,
  DealCheckInput,
  DealInput,
} from '../../src/core/schema/deal.js';
import type { Me } from '../../src/core/schema/identity.js';
import type { Program } from '../../src/core/schema/program.js';
import type { PrmDealRegistration } from '../../src/widgets/deal-registration/prm-deal-registration.js';
import '../../src/widgets/define.js';

// ------------------------------------------------------------------------------- a fake API

const PROGRAM: Program = {
  name: 'Demo',
  products: [
    { id: 'analytics', name: 'Analytics' },
    { id: 'edge', name: 'Edge Gateway' },
    { id: 'ml', name: 'ML Studio' },
  ],
  currencies: ['USD', 'EUR', 'JPY'],
  slaHours: 48,
  protectionDays: 90,
  claimWindowDays: 60,
};

const meFor = (id: string): Me => ({
  user: { id, name: 'Pat Partner', email: 'pat@reseller.example', role: 'partner_user' },
  partner: {
    id: 'prt_reseller',
    name: 'Reseller',
    type: 'reseller',
    tier: { id: 'tier_silver', name: 'Silver', rank: 1 },
  },
});

const CLEAR: ConflictReport = { verdict: 'clear', matches: [] };
const DAY = 86_400_000;
const inDays = (n: number) => new Date(Date.now() + n * DAY).toISOString().slice(0, 10);
const instantIn = (ms: number) => new Date(Date.now() + ms).toISOString().replace(/\.\d+Z$/, 'Z');

function dealFrom(input: DealInput, patch: Partial<Deal> = {}): Deal {
  return {
    id: 'deal_new1',
    partnerId: 'prt_reseller',
    status: 'under_review',
    stage: 'open',
    customer: { name: input.customer.name, domain: input.customer.domain },
    contact: { name: input.contact.name, email: input.contact.email },
    title: input.title,
    products: input.products,
    amount: input.amount,
    expectedCloseDate: input.expectedCloseDate,
    notes: input.notes ?? null,
    submittedBy: 'usr_pat',
    submittedAt: instantIn(0),
    reviewDueAt: instantIn(48 * 3_600_000),
    conflicts: CLEAR,
    ...patch,
  };
}

const apiError = (status: number, problem: Partial<ProblemDetails> & { code: string }) =>
  new PartnerApiError(
    { type: 'about:blank', title: problem.code, status, ...problem },
    { status, method: 'POST', url: 'https://fake.example/v1/deals' },
  );

let apis = 0;

/** The methods the widget uses, recording what it sent; each answer can be replaced per test. */
class FakeApi {
  baseUrl = `https://fake${++apis}.example`;
  userId = 'usr_pat';
  checks: { input: DealCheckInput; signal: AbortSignal | undefined }[] = [];
  registers: { input: DealInput; key: string | false | undefined }[] = [];
  programCalls = 0;
  loadProgram: () => Promise<Program> = async () => PROGRAM;
  loadMe: () => Promise<Me> = async () => meFor(this.userId);
  answerCheck: (input: DealCheckInput) => Promise<ConflictReport> = async () => CLEAR;
  answerRegister: (input: DealInput) => Promise<Deal> = async (input) => dealFrom(input);

  readonly client = {
    options: { baseUrl: this.baseUrl },
    me: () => this.loadMe(),
    program: {
      get: () => {
        this.programCalls++;
        return this.loadProgram();
      },
    },
    deals: {
      check: (input: DealCheckInput, opts?: { signal?: AbortSignal }) => {
        this.checks.push({ input, signal: opts?.signal });
        return this.answerCheck(input);
      },
      register: (input: DealInput, opts?: { idempotencyKey?: string | false }) => {
        this.registers.push({ input, key: opts?.idempotencyKey });
        return this.answerRegister(input);
      },
      get: async (id: string) => ({ ...dealFrom(VALID_INPUT), id }),
    },
  } as unknown as PartnerClient;
}

const VALID_INPUT: DealInput = {
  customer: { name: 'Acme Corp', domain: 'acme.com' },
  contact: { name: 'Ada Buyer', email: 'ada@acme.com' },
  title: 'Analytics rollout',
  products: ['analytics'],
  amount: { amount: 1_250_050, currency: 'USD' },
  expectedCloseDate: inDays(30),
};

// ------------------------------------------------------------------------------- helpers

interface MountOptions {
  lang?: string;
  attrs?: Record<string, string>;
  ready?: boolean;
}

async function mount(api: FakeApi | undefined, o: MountOptions = {}): Promise<PrmDealRegistration> {
  const el = document.createElement('prm-deal-registration');
  el.setAttribute('lang', o.lang ?? 'en');
  el.setAttribute('check-delay', '20');
  for (const [k, v] of Object.entries(o.attrs ?? {})) el.setAttribute(k, v);
  if (api) el.client = api.client;
  await fixture(html`<div>${el}</div>`);
  if (o.ready !== false) await waitUntil(() => q(el, 'form'), 'the form renders');
  return el;
}

const q = <T extends Element = HTMLElement>(el: PrmDealRegistration, selector: string) =>
  el.renderRoot.querySelector<T>(selector);
const input = (el: PrmDealRegistration, field: string) => q<HTMLInputElement>(el, `#${field}`)!;
const errorOf = (el: PrmDealRegistration, field: string) =>
  q(el, `#${field}-error`)?.textContent?.trim();
const text = (el: PrmDealRegistration) => el.renderRoot.textContent?.replace(/\s+/g, ' ') ?? '';

async function type(el: PrmDealRegistration, field: string, value: string) {
  const control = input(el, field);
  control.value = value;
  control.dispatchEvent(new Event('input'));
  await el.updateComplete;
}

async function blur(el: PrmDealRegistration, field: string) {
  input(el, field).dispatchEvent(new Event('blur'));
  await el.updateComplete;
}

async function choose(el: PrmDealRegistration, product: string) {
  q<HTMLInputElement>(el, `input[value="${product}"]`)!.click();
  await el.updateComplete;
}

async function fill(el: PrmDealRegistration, values: Record<string, string> = {}) {
  const all = {
    customerName: 'Acme Corp',
    customerDomain: 'acme.com',
    contactName: 'Ada Buyer',
    contactEmail: 'ada@acme.com',
    title: 'Analytics rollout',
    amount: '12,500.50',
    expectedCloseDate: inDays(30),
    ...values,
  };
  for (const [field, value] of Object.entries(all)) await type(el, field, value);
  if (!el.renderRoot.querySelector('input[name=products]:checked')) await choose(el, 'analytics');
}

async function submit(el: PrmDealRegistration) {
  q<HTMLButtonElement>(el, 'button[type=submit]')!.click();
  await el.updateComplete;
}

const focused = (el: PrmDealRegistration) => (el.renderRoot as ShadowRoot).activeElement;

function deferred<T>() {
  let resolve!: (v: T) => void;
  let reject!: (e: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

afterEach(() => {
  for (const key of Object.keys(localStorage)) {
    if (key.startsWith('prm:deal-draft:')) localStorage.removeItem(key);
  }
});

// ------------------------------------------------------------------------------- tests

describe('<prm-deal-registration>', () => {
  it('is accessible, labelled and registered', async () => {
    const el = await mount(new FakeApi());
    await expect(el).to.be.accessible();
    expect(customElements.get('prm-deal-registration')).to.equal(el.constructor);
    for (const field of ['customerName', 'customerDomain', 'contactEmail', 'amount', 'notes']) {
      const label = q(el, `label[for=${field}]`);
      expect(label, field).to.exist;
    }
    expect(q(el, 'form')!.getAttribute('part')).to.equal('form');
    expect(el.renderRoot.querySelectorAll('[part~=field]').length).to.be.greaterThan(8);
    const currencies = [...el.renderRoot.querySelectorAll('#currency option')].map(
      (o) => (o as HTMLOptionElement).value,
    );
    expect(currencies).to.deep.equal(['USD', 'EUR', 'JPY']);
  });

  describe('states', () => {
    it('says it is not connected without a client', async () => {
      const el = await mount(undefined, { ready: false });
      expect(text(el)).to.contain('Not connected');
      expect(q(el, 'form')).to.equal(null);
    });

    it('shows a skeleton while the program loads, then the form', async () => {
      const api = new FakeApi();
      const program = deferred<Program>();
      api.loadProgram = () => program.promise;
      const el = await mount(api, { ready: false });
      await el.updateComplete;
      expect(q(el, '.skeleton')?.getAttribute('aria-busy')).to.equal('true');
      expect(el.matches(':state(loading)')).to.equal(true);
      await expect(el).to.be.accessible();
      program.resolve(PROGRAM);
      await waitUntil(() => q(el, 'form'));
      expect(el.matches(':state(loading)')).to.equal(false);
      expect(el.renderRoot.querySelectorAll('input[name=products]').length).to.equal(3);
    });

    it('shows a load error with a retry that loads again', async () => {
      const api = new FakeApi();
      api.loadProgram = async () => {
        throw new NetworkError({ method: 'GET', url: 'x' });
      };
      const el = await mount(api, { ready: false });
      await waitUntil(() => q(el, '.load-error'));
      expect(text(el)).to.contain('could not be loaded');
      await expect(el).to.be.accessible();
      api.loadProgram = async () => PROGRAM;
      q<HTMLButtonElement>(el, '.load-error button')!.click();
      await waitUntil(() => q(el, 'form'));
      expect(api.programCalls).to.equal(2);
    });

    it('asks to sign in again when the token is revoked, and keeps the draft', async () => {
      const api = new FakeApi();
      const first = await mount(api);
      await type(first, 'customerName', 'Kept Customer');
      first.remove();
      api.loadMe = async () => {
        throw new TokenError('revoked', 'refused', { status: 401 });
      };
      const el = await mount(api, { ready: false });
      await waitUntil(() => q(el, '.load-error'));
      expect(text(el)).to.contain('Sign in again');
      api.loadMe = async () => meFor(api.userId);
      q<HTMLButtonElement>(el, '.load-error button')!.click();
      await waitUntil(() => q(el, 'form'));
      expect(input(el, 'customerName').value).to.equal('Kept Customer');
    });
  });

  describe('validation on the client', () => {
    it('marks every missing field, focuses the first, and sends nothing', async () => {
      const api = new FakeApi();
      const el = await mount(api);
      await submit(el);
      await el.updateComplete;
      for (const field of ['customerName', 'customerDomain', 'contactName', 'title', 'amount']) {
        expect(errorOf(el, field), field).to.equal('Required.');
        expect(input(el, field).getAttribute('aria-invalid')).to.equal('true');
        expect(input(el, field).getAttribute('aria-describedby')).to.contain(`${field}-error`);
      }
      expect(errorOf(el, 'products')).to.equal('Choose at least one product.');
      expect(focused(el)).to.equal(input(el, 'customerName'));
      expect(q(el, '[role=alert]')!.textContent).to.contain('Please correct');
      expect(api.registers).to.have.length(0);
      await expect(el).to.be.accessible();
    });

    const cases: [string, string, string, RegExp][] = [
      ['customerName', 'x'.repeat(201), 'too long', /At most 200 characters/],
      ['customerDomain', '<script>alert(1)</script>', 'a script tag', /website or domain/],
      ['customerDomain', 'not a domain', 'words', /website or domain/],
      ['contactEmail', 'ada😀@acme', 'an emoji address', /email address/],
      ['contactEmail', '42', 'a number', /email address/],
      ['title', 'line\u0007bell', 'a control character', /cannot be sent/],
      ['expectedCloseDate', '2001-01-01', 'a past date', /must not be in the past/],
      ['expectedCloseDate', inDays(6 * 366), 'a date too far ahead', /within five years/],
      ['amount', '-5', 'a negative amount', /greater than zero/],
      ['amount', '0', 'zero', /greater than zero/],
      ['amount', '999,999,999,999,999', 'an absurd amount', /unrealistically large/],
      ['amount', 'abc', 'letters', /Enter an amount like 12,500\.00/],
      ['amount', '1,5', 'a misplaced separator', /Enter an amount like/],
      ['amount', '12.345', 'too many decimals', /At most 2 decimal places/],
    ];
    for (const [field, value, what, message] of cases) {
      it(`rejects ${what} in ${field}, keeping what was typed`, async () => {
        const api = new FakeApi();
        const el = await mount(api);
        await fill(el, { [field]: value });
        await submit(el);
        expect(errorOf(el, field)).to.match(message);
        expect(input(el, field).value).to.equal(value.slice(0, 4000));
        expect(focused(el)).to.equal(input(el, field));
        expect(api.registers).to.have.length(0);
      });
    }

    it('validates a field on blur, and clears its error once fixed', async () => {
      const el = await mount(new FakeApi());
      await blur(el, 'contactEmail');
      expect(errorOf(el, 'contactEmail'), 'untouched').to.equal(undefined);
      await type(el, 'contactEmail', 'ada@');
      await blur(el, 'contactEmail');
      expect(errorOf(el, 'contactEmail')).to.match(/email address/);
      await type(el, 'contactEmail', 'ada@acme.com');
      expect(errorOf(el, 'contactEmail')).to.equal(undefined);
      expect(input(el, 'contactEmail').hasAttribute('aria-invalid')).to.equal(false);
    });

    it('sends emoji, right-to-left text and markup verbatim, and renders them as text', async () => {
      const api = new FakeApi();
      const el = await mount(api);
      const name = 'שלום בע״מ 😀 <b>bold</b>';
      await fill(el, { customerName: `  ${name}  `, notes: '<img src=x onerror=alert(1)>' });
      await submit(el);
      await waitUntil(() => q(el, '.outcome'));
      expect(api.registers[0]!.input.customer.name).to.equal(name);
      expect(api.registers[0]!.input.notes).to.equal('<img src=x onerror=alert(1)>');
      expect(q(el, '.outcome dd')!.textContent).to.contain(name);
      expect(el.renderRoot.querySelector('b, img, script')).to.equal(null);
    });

    it('reads amounts in the user locale and sends integer minor units', async () => {
      const api = new FakeApi();
      const en = await mount(api);
      await fill(en, { amount: '12,500.5' });
      await submit(en);
      await waitUntil(() => api.registers.length === 1);
      expect(api.registers[0]!.input.amount).to.deep.equal({ amount: 1_250_050, currency: 'USD' });

      const de = await mount(api, { lang: 'de' });
      await fill(de, { amount: '12.500,50' });
      await submit(de);
      await waitUntil(() => api.registers.length === 2);
      expect(api.registers[1]!.input.amount.amount).to.equal(1_250_050);

      const yen = await mount(api);
      await fill(yen, { amount: '1500' });
      q<HTMLSelectElement>(yen, '#currency')!.value = 'JPY';
      q(yen, '#currency')!.dispatchEvent(new Event('change'));
      await submit(yen);
      await waitUntil(() => api.registers.length === 3);
      expect(api.registers[2]!.input.amount).to.deep.equal({ amount: 1500, currency: 'JPY' });
    });
  });

  describe('server field errors', () => {
    it('puts each on its field, focuses the first, keeps the typing, and renews the key', async () => {
      const api = new FakeApi();
      api.answerRegister = async () => {
        throw apiError(422, {
          code: 'validation_failed',
          errors: [
            { path: 'customer.domain', code: 'custom', message: 'Expected a website.' },
            { path: 'products.0', code: 'invalid_format', message: 'Unknown product.' },
            { path: 'amount.amount', code: 'too_big', message: 'Unrealistically large.' },
            { path: 'customer.country', code: 'custom', message: 'Unknown country.' },
          ],
        });
      };
      const el = await mount(api);
      await fill(el);
      const key = el.idempotencyKey;
      await submit(el);
      await waitUntil(() => errorOf(el, 'customerDomain'));
      expect(errorOf(el, 'customerDomain')).to.match(/website or domain/);
      expect(errorOf(el, 'products')).to.equal('Unknown product.');
      expect(errorOf(el, 'amount')).to.match(/unrealistically large/);
      expect(q(el, '.failure')!.textContent).to.contain('customer.country: Unknown country.');
      expect(focused(el)).to.equal(input(el, 'customerDomain'));
      expect(input(el, 'customerName').value).to.equal('Acme Corp');
      expect(el.idempotencyKey).to.be.a('string').and.not.equal(key);
    });
  });

  describe('live check', () => {
    it('waits for a pause in typing, and aborts a check that went stale', async () => {
      const api = new FakeApi();
      const answers: ReturnType<typeof deferred<ConflictReport>>[] = [];
      api.answerCheck = () => {
        const d = deferred<ConflictReport>();
        answers.push(d);
        return d.promise;
      };
      const el = await mount(api);
      await type(el, 'customerName', 'Ac');
      await type(el, 'customerName', 'Acm');
      await type(el, 'customerName', 'Acme');
      await waitUntil(() => api.checks.length === 1, 'one check after the pause');
      expect(api.checks[0]!.input).to.deep.equal({ customer: { name: 'Acme' } });

      await type(el, 'customerDomain', 'acme.com');
      await waitUntil(() => api.checks.length === 2);
      expect(api.checks[0]!.signal!.aborted).to.equal(true);
      expect(api.checks[1]!.input.customer.domain).to.equal('acme.com');
      await choose(el, 'edge');
      await waitUntil(() => api.checks.length === 3);
      expect(api.checks[1]!.signal!.aborted).to.equal(true);
      expect(api.checks[2]!.input.products).to.deep.equal(['edge']);

      answers[2]!.resolve(CLEAR);
      await waitUntil(() => text(el).includes('No existing registrations'));
      // A stale answer arriving late changes nothing.
      const blocked: ConflictReport = {
        verdict: 'blocked',
        matches: [{ kind: 'other_partner', similarity: 1, matchedOn: ['domain'] }],
      };
      answers[0]!.resolve(blocked);
      await answers[0]!.promise;
      await el.updateComplete;
      expect(q(el, '.check.notice')).to.equal(null);
      expect(text(el)).to.contain('No existing registrations');
      expect(api.checks.length).to.equal(3);
    });

    it('never checks on too little: an unfinished website is left out', async () => {
      const api = new FakeApi();
      const el = await mount(api);
      await type(el, 'customerName', 'A');
      await type(el, 'customerName', 'Ab');
      await type(el, 'customerDomain', 'ab.');
      await waitUntil(() => api.checks.length === 1);
      expect(api.checks[0]!.input).to.deep.equal({ customer: { name: 'Ab' } });
    });

    const warnings: [string, ConflictReport, RegExp, string][] = [
      [
        'a conflict with an approved registration',
        {
          verdict: 'blocked',
          matches: [{ kind: 'other_partner', similarity: 1, matchedOn: ['domain', 'name'] }],
        },
        /Another partner already has an approved registration for this customer\. If you submit, it will be rejected\./,
        'Conflict',
      ],
      [
        'a possible duplicate',
        {
          verdict: 'review',
          matches: [{ kind: 'other_partner', similarity: 0.7, matchedOn: ['name'] }],
        },
        /looks similar to one that is already registered; your registration will be reviewed/,
        'Possible duplicate',
      ],
      [
        'a vendor direct opportunity',
        {
          verdict: 'review',
          matches: [{ kind: 'direct_opportunity', similarity: 1, matchedOn: ['domain'] }],
        },
        /vendor is already working with directly; your registration will be reviewed/,
        'Vendor customer',
      ],
      [
        'an own registration',
        {
          verdict: 'blocked',
          matches: [
            {
              kind: 'own_duplicate',
              similarity: 1,
              matchedOn: ['domain'],
              dealId: 'deal_mine',
              customerName: 'Acme Corp',
            },
          ],
        },
        /You already registered this customer: Acme Corp\./,
        'Already registered',
      ],
    ];
    for (const [what, report, message, badge] of warnings) {
      it(`warns about ${what} before submitting, in plain words`, async () => {
        const api = new FakeApi();
        api.answerCheck = async () => report;
        const el = await mount(api);
        await type(el, 'customerName', 'Acme Corp');
        await waitUntil(() => q(el, '.check.notice'), 'the warning');
        expect(q(el, '.check.notice')!.textContent).to.match(message);
        expect(q(el, '.check [part=badge]')!.textContent!.trim()).to.equal(badge);
        expect(q(el, '[role=status]')!.textContent).to.match(message);
        await expect(el).to.be.accessible();
      });
    }
  });

  describe('submitting', () => {
    it('keeps one idempotency key across a failed submit, its retry and a reload', async () => {
      const api = new FakeApi();
      api.answerRegister = async () => {
        throw new NetworkError({ method: 'POST', url: 'x' });
      };
      const el = await mount(api);
      await fill(el);
      await submit(el);
      await waitUntil(() => q(el, '.failure'));
      expect(q(el, '.failure')!.textContent).to.contain('could not be reached');
      expect(q(el, '[role=alert]')!.textContent).to.contain('could not be reached');
      expect(input(el, 'title').value).to.equal('Analytics rollout');
      await submit(el);
      await waitUntil(() => api.registers.length === 2);
      el.remove();

      api.answerRegister = async (i) => dealFrom(i);
      const reloaded = await mount(api);
      expect(q(reloaded, '.restored')!.textContent).to.contain('was restored');
      expect(input(reloaded, 'title').value).to.equal('Analytics rollout');
      await submit(reloaded);
      await waitUntil(() => q(reloaded, '.outcome'));
      const keys = api.registers.map((r) => r.key);
      expect(keys).to.have.length(3);
      expect(keys[0]).to.be.a('string').with.length.greaterThan(10);
      expect(new Set(keys).size).to.equal(1);
    });

    it('emits a cancelable prm-deal-submit with the input, then prm-deal-registered', async () => {
      const api = new FakeApi();
      const el = await mount(api);
      await fill(el);
      const seen: DealInput[] = [];
      const stop = (e: CustomEvent<DealInput>) => {
        seen.push(e.detail);
        e.preventDefault();
      };
      el.addEventListener('prm-deal-submit', stop);
      await submit(el);
      expect(seen).to.have.length(1);
      expect(seen[0]).to.deep.equal({
        ...VALID_INPUT,
        amount: { amount: 1_250_050, currency: 'USD' },
      });
      expect(api.registers).to.have.length(0);

      el.removeEventListener('prm-deal-submit', stop);
      const registered = new Promise<CustomEvent<Deal>>((resolve) =>
        document.addEventListener('prm-deal-registered', resolve, { once: true }),
      );
      await submit(el);
      const event = await registered;
      expect(event.detail.id).to.equal('deal_new1');
      expect(event.composed).to.equal(true);
    });

    it('reports a duplicate and opens the existing registration as a prm-deal-select', async () => {
      const api = new FakeApi();
      api.answerRegister = async () => {
        throw apiError(409, { code: 'duplicate_registration', existingDealId: 'deal_old7' });
      };
      const el = await mount(api);
      await fill(el);
      const key = el.idempotencyKey;
      await submit(el);
      await waitUntil(() => q(el, '.failure'));
      expect(q(el, '.failure')!.textContent).to.contain('nothing new was created');
      expect(el.idempotencyKey).to.not.equal(key);
      const selected = new Promise<CustomEvent<Deal>>((resolve) =>
        el.addEventListener('prm-deal-select', resolve, { once: true }),
      );
      q<HTMLButtonElement>(el, '.failure button')!.click();
      expect((await selected).detail.id).to.equal('deal_old7');
    });

    it('asks to sign in again when the session ends mid-draft, keeping draft and key', async () => {
      const api = new FakeApi();
      api.answerRegister = async () => {
        throw new TokenError('expired', 'expired');
      };
      const el = await mount(api);
      await fill(el);
      const key = el.idempotencyKey;
      await submit(el);
      await waitUntil(() => q(el, '.failure'));
      expect(q(el, '.failure')!.textContent).to.contain('Sign in again');
      expect(el.idempotencyKey).to.equal(key);
      expect(input(el, 'customerName').value).to.equal('Acme Corp');
      const stored = Object.keys(localStorage).filter((k) => k.includes(api.baseUrl));
      expect(stored).to.deep.equal([`prm:deal-draft:${api.baseUrl}:usr_pat`]);
    });
  });

  describe('outcome', () => {
    const outcomes: [string, Partial<Deal>, 'en' | 'de', RegExp[]][] = [
      [
        'approved',
        {
          status: 'approved',
          protectedUntil: '2031-02-19T10:00:00Z',
          decision: {
            by: 'system',
            decision: 'approve',
            reasonCode: 'approved_auto',
            at: instantIn(0),
          },
        },
        'en',
        [/Approved/, /protected until Feb 19, 2031 \(in \d+ years\)/, /approved automatically/],
      ],
      [
        'approved, in German',
        { status: 'approved', protectedUntil: '2031-02-19T10:00:00Z' },
        'de',
        [/Genehmigt/, /geschützt bis 19\.02\.2031 \(in \d+ Jahren\)/, /12\.500,50 \$/],
      ],
      [
        'under review',
        { status: 'under_review', reviewDueAt: instantIn(2 * DAY + 60_000) },
        'en',
        [/Under review/, /decision is due by .+ \(in 2 days\)/],
      ],
      [
        'under review, in German',
        { status: 'under_review', reviewDueAt: instantIn(2 * DAY + 60_000) },
        'de',
        [/In Prüfung/, /Entscheidung fällt bis .+ \(übermorgen\)/],
      ],
      [
        'rejected',
        {
          status: 'rejected',
          reviewDueAt: null,
          decision: {
            by: 'system',
            decision: 'reject',
            reasonCode: 'conflict_other_partner',
            at: instantIn(0),
          },
        },
        'en',
        [/Rejected/, /was rejected/, /Another partner already has an approved registration/],
      ],
      [
        'rejected, in German',
        {
          status: 'rejected',
          reviewDueAt: null,
          decision: {
            by: 'usr_cm',
            decision: 'reject',
            reasonCode: 'insufficient_information',
            comment: 'Bitte Budget angeben',
            at: instantIn(0),
          },
        },
        'de',
        [/Abgelehnt/, /nicht genug Angaben/, /Kommentar der Prüfung: Bitte Budget angeben/],
      ],
    ];
    for (const [what, patch, lang, expected] of outcomes) {
      it(`shows ${what} at once, focused and announced`, async () => {
        const api = new FakeApi();
        api.answerRegister = async (i) => dealFrom(i, patch);
        const el = await mount(api, { lang });
        await fill(el, lang === 'de' ? { amount: '12.500,50' } : {});
        await submit(el);
        await waitUntil(() => q(el, '.outcome'));
        const shown = q(el, '.outcome')!.textContent!.replace(/\s+/g, ' ');
        for (const pattern of expected) expect(shown).to.match(pattern);
        expect(focused(el)).to.equal(q(el, '.outcome'));
        expect(q(el, '[role=status]')!.textContent).to.match(expected[0]!);
        expect(el.matches(':state(registered)')).to.equal(true);
        await expect(el).to.be.accessible();
      });
    }

    it('clears the draft and offers to register another deal with a new key', async () => {
      const api = new FakeApi();
      const el = await mount(api, { attrs: { 'customer-name': 'Host Customer' } });
      await fill(el, { customerName: 'Typed Customer' });
      const key = el.idempotencyKey;
      await submit(el);
      await waitUntil(() => q(el, '.outcome'));
      expect(Object.keys(localStorage).some((k) => k.includes(api.baseUrl))).to.equal(false);
      q<HTMLButtonElement>(el, '.outcome button')!.click();
      await waitUntil(() => q(el, 'form'));
      expect(input(el, 'customerName').value).to.equal('Host Customer');
      expect(input(el, 'title').value).to.equal('');
      expect(el.idempotencyKey).to.be.a('string').and.not.equal(key);
    });
  });

  describe('draft', () => {
    it('is restored after a reload, per user, with a notice', async () => {
      const api = new FakeApi();
      const el = await mount(api);
      await fill(el, { notes: 'Met at the fair' });
      el.remove();

      const reloaded = await mount(api);
      expect(input(reloaded, 'notes').value).to.equal('Met at the fair');
      expect(input(reloaded, 'amount').value).to.equal('12,500.50');
      expect(q<HTMLInputElement>(reloaded, 'input[value=analytics]')!.checked).to.equal(true);
      expect(q(reloaded, '[role=status]')!.textContent).to.contain('was restored');

      api.userId = 'usr_someone_else';
      const other = await mount(api);
      expect(input(other, 'notes').value).to.equal('');
      expect(q(other, '.restored')).to.equal(null);
    });

    it('is discarded only after confirmation, with a new key', async () => {
      const api = new FakeApi();
      const el = await mount(api);
      await fill(el);
      const key = el.idempotencyKey;
      q<HTMLButtonElement>(el, '.discard')!.click();
      await el.updateComplete;
      await waitUntil(() => focused(el)?.closest('.confirm'));
      await expect(el).to.be.accessible();
      [...el.renderRoot.querySelectorAll<HTMLButtonElement>('.confirm button')]
        .find((b) => b.textContent!.includes('Keep editing'))!
        .click();
      await waitUntil(() => focused(el) === q(el, '.discard'));
      expect(input(el, 'customerName').value).to.equal('Acme Corp');

      q<HTMLButtonElement>(el, '.discard')!.click();
      await el.updateComplete;
      [...el.renderRoot.querySelectorAll<HTMLButtonElement>('.confirm button')]
        .find((b) => b.textContent!.trim() === 'Discard')!
        .click();
      await waitUntil(() => input(el, 'customerName').value === '');
      expect(input(el, 'amount').value).to.equal('');
      expect(el.idempotencyKey).to.not.equal(key);
      expect(Object.keys(localStorage).some((k) => k.includes(api.baseUrl))).to.equal(false);
      expect(q(el, '[role=status]')!.textContent).to.contain('Draft discarded');
    });
  });

  describe('prefill', () => {
    it('fills empty fields from attributes, ignoring unknown products', async () => {
      const api = new FakeApi();
      const el = await mount(api, {
        attrs: {
          'customer-name': 'Globex GmbH',
          'customer-domain': 'globex.de',
          products: 'edge, nope ,ml',
        },
      });
      expect(input(el, 'customerName').value).to.equal('Globex GmbH');
      expect(input(el, 'customerDomain').value).to.equal('globex.de');
      const checked = [...el.renderRoot.querySelectorAll<HTMLInputElement>('input:checked')];
      expect(checked.map((c) => c.value)).to.deep.equal(['edge', 'ml']);
      await waitUntil(() => api.checks.length === 1, 'prefill is checked at once');
      expect(api.checks[0]!.input).to.deep.equal({
        customer: { name: 'Globex GmbH', domain: 'globex.de' },
        products: ['edge', 'ml'],
      });
    });

    it('never overwrites a restored draft', async () => {
      const api = new FakeApi();
      const el = await mount(api);
      await type(el, 'customerName', 'Drafted Inc');
      el.remove();
      const again = await mount(api, {
        attrs: { 'customer-name': 'Host Inc', 'customer-domain': 'host.example' },
      });
      expect(input(again, 'customerName').value).to.equal('Drafted Inc');
      expect(input(again, 'customerDomain').value).to.equal('host.example');
    });
  });

  it('speaks German throughout when lang="de"', async () => {
    const el = await mount(new FakeApi(), { lang: 'de' });
    expect(q(el, 'h2')!.textContent).to.equal('Deal registrieren');
    expect(q(el, '#amount-hint')!.textContent).to.equal('Zum Beispiel 12.500,00');
    expect(q(el, '#currency option')!.textContent!.trim()).to.equal('USD – US-Dollar');
    await submit(el);
    expect(errorOf(el, 'customerName')).to.equal('Pflichtfeld.');
    el.lang = 'en';
    await el.updateComplete;
    expect(errorOf(el, 'customerName')).to.equal('Required.');
  });
});
