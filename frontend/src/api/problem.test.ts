import { describe, expect, it } from 'vitest';
import { ApiError, problemCode, problemFieldErrors, toApiError } from './problem';
import { ifMatch, parseEtag } from './etag';

const problem = {
  type: '/problems/validation-failed',
  title: 'The input is not valid',
  status: 422,
  detail: 'Check the fields.',
  errors: [
    { field: 'name', code: 'too_short', message: 'Name is required.' },
    { field: 'validTo', code: 'before_start', message: 'Ends before it starts.' },
    { field: 'validTo.0', code: 'x', message: 'Second message.' },
    { field: 'body', code: 'rule', message: 'A rule across fields.' },
  ],
};

describe('problem+json', () => {
  it('maps field errors to the camelCase form fields', () => {
    const errs = problemFieldErrors(problem, ['name', 'validTo']);
    expect(errs.name).toBe('Name is required.');
    expect(errs.validTo).toBe('Ends before it starts. Second message.');
    expect(errs._form).toBe('A rule across fields.');
  });

  it('lets the caller word known codes in the user language', () => {
    const errs = problemFieldErrors(problem, ['name'], (e) =>
      e.code === 'too_short' ? 'Fyll ut navnet.' : e.message,
    );
    expect(errs.name).toBe('Fyll ut navnet.');
  });

  it('keeps every field when the form does not say which it has', () => {
    expect(Object.keys(problemFieldErrors(problem))).toEqual(['name', 'validTo', 'body']);
  });

  it('wraps problems and non-problems in an ApiError', () => {
    const e = toApiError(422, problem);
    expect(e).toBeInstanceOf(ApiError);
    expect(e.problem.errors).toHaveLength(4);
    expect(problemCode(e.problem)).toBe('validation-failed');
    const other = toApiError(502, '<html>bad gateway</html>');
    expect(other.status).toBe(502);
    expect(other.problem.title).toBe('HTTP 502');
    expect(toApiError(412, { ...problem, status: 412 }).isConflict).toBe(true);
  });
});

describe('ETag / If-Match', () => {
  it('sends the version as a strong ETag and reads it back', () => {
    expect(ifMatch(7)).toEqual({ 'If-Match': '"7"' });
    expect(parseEtag('"7"')).toBe(7);
    expect(parseEtag('W/"12"')).toBe(12);
    expect(parseEtag('nonsense')).toBeNull();
    expect(parseEtag(null)).toBeNull();
  });
});
