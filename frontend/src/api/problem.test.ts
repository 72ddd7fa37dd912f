import { describe, expect, it } from 'vitest';
import { createI18n } from '../i18n';
import {
  ApiError,
  fieldErrorText,
  problemCode,
  problemFieldErrors,
  problemText,
  toApiError,
} from './problem';
import { ifMatch, parseEtag } from './etag';

const problem = {
  type: '/problems/validation-failed',
  title: 'The input is not valid',
  status: 422,
  detail: 'Check the fields.',
  errors: [
    { field: 'name', code: 'too_short', params: {}, message: 'Name is required.' },
    { field: 'validTo', code: 'before_start', params: {}, message: 'Ends before it starts.' },
    { field: 'validTo.0', code: 'x', params: {}, message: 'Second message.' },
    { field: 'body', code: 'rule', params: {}, message: 'A rule across fields.' },
  ],
};

describe('problem+json', () => {
  it('maps field errors to the camelCase form fields', () => {
    const errs = problemFieldErrors(problem, ['name', 'validTo'], (e) => e.message);
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
    expect(Object.keys(problemFieldErrors(problem, undefined, (e) => e.code))).toEqual([
      'name',
      'validTo',
      'body',
    ]);
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

describe('field errors in the user language', () => {
  const e = (code: string, params: Record<string, number | string> = {}, field = 'name') => ({
    field,
    code,
    params,
    message: 'English for developers',
  });

  it('words every code with its parameters in nb, nn and en, never the English message', () => {
    const words = (lng: 'nb' | 'nn' | 'en') => {
      const t = createI18n(lng).t;
      return [
        fieldErrorText(e('too-long', { max: 200 }), t),
        fieldErrorText(e('uuid', {}, 'id'), t),
        fieldErrorText(e('org-number-invalid'), t),
      ];
    };
    expect(words('nb')).toEqual([
      'Bruk høyst 200 tegn.',
      'Lenken eller verdien peker ikke på noe gyldig.',
      'Ikke et gyldig organisasjonsnummer. Sjekk de ni sifrene.',
    ]);
    expect(words('nn')).toEqual([
      'Bruk høgst 200 teikn.',
      'Lenkja eller verdien peikar ikkje på noko gyldig.',
      'Ikkje eit gyldig organisasjonsnummer. Sjekk dei ni siffera.',
    ]);
    expect(words('en')).toEqual([
      'Use at most 200 characters.',
      'The link or value does not point to anything valid.',
      'Not a valid organisation number. Check the nine digits.',
    ]);
  });

  it('falls back to a generic text for an unknown code and words ranges by their bounds', () => {
    const t = createI18n('nb').t;
    expect(fieldErrorText(e('brand-new-code'), t)).toBe('Verdien er ikke gyldig.');
    expect(fieldErrorText(e('out-of-range', { min: 1, max: 365 }), t)).toBe(
      'Skriv et tall fra 1 til 365.',
    );
    expect(fieldErrorText(e('out-of-range', { max: 500 }), t)).toBe(
      'Skriv et tall som ikke er større enn 500.',
    );
    expect(fieldErrorText(e('invalid', {}, 'If-Match'), t)).toBe(
      'Siden er utdatert. Last inn på nytt og prøv igjen.',
    );
  });

  it('words problem types, 428 and 412 included, with a generic fallback', () => {
    const p = (code: string) => ({
      type: `/problems/${code}`,
      title: 'x',
      status: 400,
      detail: 'English',
    });
    const nn = createI18n('nn').t;
    expect(problemText(p('version-required'), nn)).toMatch(/^Endringa vart ikkje lagra/);
    expect(problemText(p('stale-version'), createI18n('en').t)).toMatch(/^Someone else saved/);
    expect(problemText(p('who-knows'), nn)).toBe('Noko gjekk gale. Prøv igjen om litt.');
  });
});
