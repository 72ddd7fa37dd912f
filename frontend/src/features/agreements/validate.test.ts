import type { TFunction } from 'i18next';
import { describe, expect, it } from 'vitest';
import { validateAgreement, type AgreementValues } from './validate';
import type { OrganisationType } from './types';

const t = ((key: string) => key) as unknown as TFunction;
const types = new Map<string, OrganisationType>([
  ['k', 'municipal_administration'],
  ['p', 'police'],
  ['s', 'school'],
]);
const valid: AgreementValues = {
  kind: 'police_council',
  title: 'Politirådsavtale',
  partyIds: ['k', 'p'],
  signedOn: '2026-01-15',
  validUntil: '2029-12-31',
  reviewOn: '',
  documentationStatus: 'final',
  archiveWorthy: true,
};
const errors = (v: Partial<AgreementValues>) =>
  Object.fromEntries(
    Object.entries(validateAgreement({ ...valid, ...v }, types, t)).filter(([, m]) => m),
  );

describe('validateAgreement', () => {
  it('accepts a politirådsavtale between the municipality and the police', () => {
    expect(errors({})).toEqual({});
  });
  it('asks for two parties, and the municipality and the police on a politirådsavtale', () => {
    expect(errors({ partyIds: ['k'] }).partyIds).toBe('agreements.error.tooFewParties');
    expect(errors({ partyIds: ['k', 's'] }).partyIds).toBe('agreements.error.policeCouncilParties');
    expect(errors({ partyIds: ['k', 's'], kind: 'cooperation' })).toEqual({});
  });
  it('keeps the dates in order', () => {
    expect(errors({ validUntil: '2026-01-15' }).validUntil).toBe(
      'agreements.error.validUntilAfterSigned',
    );
    expect(errors({ reviewOn: '2030-01-01' }).reviewOn).toBe('agreements.error.reviewInPeriod');
    expect(errors({ signedOn: '' }).signedOn).toBe('validation.required');
  });
});
