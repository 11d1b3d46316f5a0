import { describe, it } from 'node:test';
import { expect } from 'chai';
import type * as errors from '../../src/core/errors.js';
import {
  NetworkError,
  PartnerApiError,
  ResponseValidationError,
  TimeoutError,
  TokenError,
  isAbortError,
  isNetworkError,
  isPartnerApiError,
  isResponseValidationError,
  isTimeoutError,
  isTokenError,
} from '../../src/core/errors.js';
import { toIssues } from '../../src/core/client/response.js';
import { PrmEvent } from '../../src/core/schema/index.js';

const info = { method: 'GET', url: 'https://prm.test/v1/me' };
const problem = { type: 'about:blank', title: 'Nope', status: 403, code: 'forbidden' };

describe('errors', () => {
  it('each guard accepts its own class and nothing else', () => {
    const all = [
      new PartnerApiError(problem, { ...info, status: 403 }),
      new NetworkError(info),
      new TimeoutError({ ...info, timeout: 5 }),
      new ResponseValidationError({ ...info, status: 200, issues: [] }),
      new TokenError('revoked', 'signed out'),
    ];
    const guards = [
      isPartnerApiError,
      isNetworkError,
      isTimeoutError,
      isResponseValidationError,
      isTokenError,
    ];
    const matrix = guards.map((guard) => all.map((e) => guard(e)));
    expect(matrix).to.deep.equal(guards.map((_, i) => all.map((_, j) => i === j)));
    for (const guard of guards) {
      expect([null, undefined, 'x', new Error('x'), {}].some((v) => guard(v))).to.equal(false);
    }
  });

  it('PartnerApiError exposes the problem, its code, field errors and request id', () => {
    const e = new PartnerApiError(
      {
        ...problem,
        status: 422,
        code: 'validation_failed',
        detail: 'Bad',
        errors: [{ path: 'title', code: 'x', message: 'y' }],
      },
      { ...info, status: 422, requestId: 'req_1' },
    );
    expect([e.status, e.code, e.requestId, e.message, e.name]).to.deep.equal([
      422,
      'validation_failed',
      'req_1',
      'Bad',
      'PartnerApiError',
    ]);
    expect(e.fieldErrors[0]!.path).to.equal('title');
    expect(new PartnerApiError(problem, { ...info, status: 403 }).fieldErrors).to.deep.equal([]);
  });

  it('guards recognise errors of another copy of the module (another realm)', async () => {
    const url = new URL('../../src/core/errors.ts?realm=2', import.meta.url).href;
    const other = (await import(url)) as typeof errors;
    expect(other.PartnerApiError).to.not.equal(PartnerApiError);
    const foreign = new other.PartnerApiError(problem, { ...info, status: 403 });
    expect(foreign instanceof PartnerApiError).to.equal(false);
    expect(isPartnerApiError(foreign)).to.equal(true);
    expect(isTokenError(new other.TokenError('expired', 'x'))).to.equal(true);
  });

  it('does not mistake a DOMException named TimeoutError for ours', () => {
    const dom = new DOMException('timed out', 'TimeoutError');
    expect(isTimeoutError(dom)).to.equal(false);
    expect(isAbortError(new DOMException('stop', 'AbortError'))).to.equal(true);
    expect(isAbortError(new Error('stop'))).to.equal(false);
  });

  it('ResponseValidationError names its paths in its message', () => {
    const e = new ResponseValidationError({
      ...info,
      status: 200,
      issues: [{ path: 'items[0].amount.currency', message: 'Expected USD' }],
    });
    expect(e.paths).to.deep.equal(['items[0].amount.currency']);
    expect(e.message)
      .to.contain('GET https://prm.test/v1/me')
      .and.contain('items[0].amount.currency');
  });

  it('reports the closest branch of a failed union, with its full path', () => {
    const result = PrmEvent.safeParse({ id: '1', event: 'deal.created', data: { id: 'deal_1' } });
    expect(result.success).to.equal(false);
    const paths = toIssues(result.error!.issues).map((i) => i.path);
    expect(paths).to.include('data.partnerId');
  });
});
