import { describe, expect, it } from 'vitest';
import { ApiError } from '../../../api/problem';
import { createI18n } from '../../../i18n';
import { preconditionCodes, refusalOf } from './refusal';

const refused = new ApiError(409, {
  type: '/problems/illegal-transition',
  title: 'Illegal transition',
  status: 409,
  detail: 'an active measure has an owner',
  ...({ preconditionCodes: ['owner-required', 'start-required'] } as object),
});

describe('a refused move', () => {
  it('reads the precondition codes of a 409', () => {
    expect(preconditionCodes(refused)).toEqual(['owner-required', 'start-required']);
    expect(preconditionCodes(new Error('x'))).toEqual([]);
  });
  it('words every code in the user’s language, never the server’s English', () => {
    const nb = createI18n('nb');
    expect(refusalOf(refused, nb.t)).toEqual({
      kind: 'preconditions',
      messages: [
        'Tiltaket må ha en eier før det kan starte.',
        'Tiltaket må ha en startdato før det kan starte.',
      ],
    });
    const en = createI18n('en');
    const r = refusalOf(refused, en.t);
    expect(r.kind === 'preconditions' && r.messages[0]).toBe(
      'The measure needs an owner before it can start.',
    );
  });
  it('tells a 412 apart, and words the measures problems', () => {
    const t = createI18n('nb').t;
    const stale = new ApiError(412, {
      type: '/problems/stale',
      title: 'x',
      status: 412,
      detail: '',
    });
    expect(refusalOf(stale, t)).toEqual({ kind: 'stale' });
    const inUse = new ApiError(409, {
      type: '/problems/measure-in-lifecycle',
      title: 'x',
      status: 409,
      detail: '',
    });
    expect(refusalOf(inUse, t)).toEqual({
      kind: 'other',
      message:
        'Tiltaket er allerede i livsløpet og kan ikke slettes. Avvis eller stopp det i stedet.',
    });
  });
});
