import { describe, expect, it } from 'vitest';
import { createI18n } from '../../i18n';
import { syntheticNin } from './nin';
import { addYears, ageOn, validateCase, type CaseValues } from './validate';

const t = createI18n('nb').t;
const LIMITS = { name: { maxLength: 200 }, relation: { maxLength: 100 } };
const base: CaseValues = {
  bodyId: 'b',
  organisationId: 'o',
  kind: 'youth_follow_up',
  startOn: '2026-01-10',
  endOn: '2026-12-31',
  name: 'Testa Testesen',
  birthDate: '2010-03-01',
  identityNumber: '',
  guardians: [],
};
const errs = (v: Partial<CaseValues>) =>
  Object.fromEntries(
    Object.entries(validateCase({ ...base, ...v }, LIMITS, t)).filter(([, m]) => Boolean(m)),
  );

describe('the new-case form', () => {
  it('accepts a youth follow-up of a 15-year-old within a year', () => {
    expect(errs({})).toEqual({});
  });

  it('counts age on the start date and years from the start', () => {
    expect(ageOn('2010-03-01', '2026-02-28')).toBe(15);
    expect(ageOn('2010-03-01', '2026-03-01')).toBe(16);
    expect(addYears('2026-01-10', 3)).toBe('2029-01-10');
  });

  it('refuses youth kinds outside 15–17 and longer than their maximum', () => {
    expect(errs({ birthDate: '2012-01-01' }).birthDate).toBe(
      'Ungdommen må være 15–17 år når saken starter.',
    );
    expect(errs({ endOn: '2027-02-01' }).endOn).toBe('Saken kan vare høyst 1 år.');
    expect(errs({ kind: 'youth_sentence', endOn: '2028-12-31' })).toEqual({});
    expect(errs({ kind: 'other', birthDate: '2020-01-01', endOn: '' })).toEqual({});
  });

  it('checks the identity number by mod-11 and against the birth date', () => {
    expect(errs({ identityNumber: syntheticNin('2010-03-01') })).toEqual({});
    expect(errs({ identityNumber: '12345678901' }).identityNumber).toMatch(/Ikke et gyldig/);
    expect(errs({ identityNumber: syntheticNin('2010-03-02') }).identityNumber).toMatch(
      /passer ikke/,
    );
  });

  it('needs a name for every guardian', () => {
    const g = { name: '', relation: '', phone: '', email: '', parentalResponsibility: true };
    expect(errs({ guardians: [g] }).guardian0).toBe('Fyll ut dette feltet.');
    expect(errs({ guardians: [g] }).guardianRelation0).toBe('Fyll ut dette feltet.');
    expect(errs({ guardians: [{ ...g, name: 'Mor Testesen', relation: 'mor' }] })).toEqual({});
  });
});
