import type { TFunction } from 'i18next';
import { describe, expect, it } from 'vitest';
import type { CaseFacts, Regime } from '../types';
import { initialValues, required, stepsOf, toBody, validateStep } from './values';

const t = ((key: string) => key) as unknown as TFunction;
const facts: CaseFacts = {
  id: 'c',
  reference: 'SAK-2026-0001',
  birthDate: '2012-05-01',
  guardians: [
    { id: 'g1', name: 'Mor', parentalResponsibility: true },
    { id: 'g2', name: 'Far', parentalResponsibility: true },
    { id: 'g3', name: 'Steforelder', parentalResponsibility: false },
  ],
  team: [{ organisationId: 'me', role: 'lead', isMe: true }],
  myOrganisationId: 'me',
  iAmLead: true,
};
const regimes = new Map<string, Regime>([
  ['school', 'school'],
  ['health', 'health'],
]);

describe('the consent wizard', () => {
  it('asks each guardian with parental responsibility in a step of their own', () => {
    const v = {
      ...initialValues(facts, '2026-11-30', '2026-1'),
      sourceOrganisationIds: ['school'],
    };
    const req = required(v, regimes, 14);
    expect(stepsOf(facts, req).map((s) => (s.kind === 'guardian' ? s.guardianId : s.kind))).toEqual(
      ['scope', 'parties', 'g1', 'g2', 'child', 'method', 'summary'],
    );
  });

  it('asks no guardian when a 16-year-old decides alone over health data', () => {
    const v = {
      ...initialValues(facts, '2026-11-30', '2026-1'),
      sourceOrganisationIds: ['health'],
    };
    const req = required(v, regimes, 16);
    expect(stepsOf(facts, req).some((s) => s.kind === 'guardian')).toBe(false);
    expect(validateStep(v, { kind: 'child' }, req, t).subjectVerification).toBe(
      'validation.required',
    );
  });

  it('checks the scope step and the oral method evidence', () => {
    const v = initialValues(facts, '2026-11-30', '2026-1');
    const req = required(v, regimes, 14);
    const scope = validateStep({ ...v, validTo: '2026-01-01' }, { kind: 'scope' }, req, t);
    expect(scope.allowedCategories).toBe('consent.error.chooseCategory');
    expect(scope.sourceOrganisationIds).toBe('consent.error.chooseSource');
    expect(scope.validTo).toBe('consent.error.validTo');
    const method = validateStep({ ...v, method: 'oral_documented' }, { kind: 'method' }, req, t);
    expect(method.evidenceRef).toBe('consent.error.oralEvidence');
    const guardian = validateStep(v, { kind: 'guardian', guardianId: 'g1', name: 'Mor' }, req, t);
    expect(guardian.guardianVerification).toBe('validation.required');
  });

  it('registers the subject and each required guardian as parties', () => {
    const v = {
      ...initialValues(facts, '2026-11-30', '2026-1'),
      sourceOrganisationIds: ['school'],
      guardianVerification: { g1: 'bankid', g2: 'id_document' },
      method: 'written',
      childView: '  Vil gjerne ha hjelp med skolen.  ',
    };
    const body = toBody(v, facts, required(v, regimes, 14), 'ab'.repeat(32));
    expect(body.parties).toEqual([
      { kind: 'subject', guardianId: null, identityVerifiedBy: 'not_verified' },
      { kind: 'guardian', guardianId: 'g1', identityVerifiedBy: 'bankid' },
      { kind: 'guardian', guardianId: 'g2', identityVerifiedBy: 'id_document' },
    ]);
    expect(body.childView).toBe('Vil gjerne ha hjelp med skolen.');
    expect(body.collectedByOrganisationId).toBe('me');
    expect(body.noticeSha256).toBe('ab'.repeat(32));
    expect(body.noticeVersion).toBe('2026-1');
  });
});
