import type { TFunction } from 'i18next';
import { describe, expect, it } from 'vitest';
import {
  milestoneErrors,
  referenceErrors,
  validateMeasure,
  type MeasureLimits,
  type MeasureValues,
} from './validate';

const t = ((key: string) => key) as unknown as TFunction;
const lim: MeasureLimits = {
  title: { required: true, maxLength: 200 },
  problem: { required: true, maxLength: 4000 },
  text: { maxLength: 4000 },
  short: { maxLength: 200 },
  url: { maxLength: 500 },
  age: { minimum: 0, maximum: 25 },
  budget: { minimum: 0, maximum: 1_000_000_000 },
  hours: { minimum: 0, maximum: 1_000_000 },
  weight: { minimum: 1, maximum: 100 },
  milestones: { maxItems: 50 },
  list: { maxItems: 30 },
};
const valid: MeasureValues = {
  title: 'Natteravn i sentrum',
  problem: 'Uro i sentrum fredagskvelder',
  tier: 'universal',
  description: '',
  targetGroup: 'Ungdom 13–17 år',
  targetAgeMin: '13',
  targetAgeMax: '17',
  focusAreaIds: [],
  goalIds: [],
  responsibleOrganisationIds: [],
  partnerOrganisationIds: [],
  ownerId: '',
  budgetNok: '',
  staffHours: '',
  startOn: '',
  endOn: '',
  milestones: [],
  riskFactors: [],
  protectiveFactors: [],
  evidence: 'unknown',
  registryReferences: [],
  hasPlan: false,
  aspects: [],
  method: '',
  performer: 'internal',
  performerName: '',
  dueOn: '',
  newOrTrial: false,
  transferable: false,
  riskOfNegativeEffects: false,
  strategyAnchored: false,
};
const errors = (v: Partial<MeasureValues>) =>
  Object.fromEntries(
    Object.entries(validateMeasure({ ...valid, ...v }, lim, t)).filter(([, m]) => m),
  );

describe('validateMeasure', () => {
  it('accepts a proposal with title, problem and tier', () => {
    expect(errors({})).toEqual({});
  });
  it('asks for title, problem and tier, and holds the title to its length', () => {
    expect(errors({ title: ' ', problem: '', tier: '' })).toEqual({
      title: 'validation.required',
      problem: 'validation.required',
      tier: 'validation.required',
    });
    expect(errors({ title: 'x'.repeat(201) }).title).toBe('validation.maxLength');
  });
  it('keeps the age range and the dates in order, numbers whole and in range', () => {
    expect(errors({ targetAgeMin: '18', targetAgeMax: '12' }).targetAgeMax).toBe(
      'measures.error.ageOrder',
    );
    expect(errors({ targetAgeMin: '30' }).targetAgeMin).toBe('validation.wholeNumber');
    expect(errors({ budgetNok: '-5' }).budgetNok).toBeDefined();
    expect(errors({ staffHours: '1.5' }).staffHours).toBeDefined();
    expect(errors({ startOn: '2026-05-01', endOn: '2026-04-01' }).endOn).toBe(
      'measures.error.endBeforeStart',
    );
  });
  it('asks an evaluation plan for aspects, method and due date', () => {
    expect(errors({ hasPlan: true })).toEqual({
      aspects: 'measures.error.aspectsRequired',
      method: 'validation.required',
      dueOn: 'validation.required',
    });
    expect(
      errors({
        hasPlan: true,
        aspects: ['effect'],
        method: 'Spørreundersøkelse',
        dueOn: '2027-06-01',
      }),
    ).toEqual({});
  });
  it('checks every milestone and registry reference, and the list sizes', () => {
    const m = { id: null, title: '', dueOn: '', doneOn: '', weight: '0' };
    expect(milestoneErrors([m], lim, t)).toEqual([
      { title: 'validation.required', weight: 'validation.wholeNumber' },
    ]);
    expect(errors({ milestones: [m] }).milestones).toBe('validation.required');
    const r = {
      registry: 'ungsinn' as const,
      rating: 'Nivå 3',
      verdict: 'effective' as const,
      reviewedOn: '',
      url: 'ftp://x',
    };
    expect(referenceErrors([r], lim, t)[0]?.url).toBe('measures.error.url');
    expect(errors({ riskFactors: Array.from({ length: 31 }, (_, i) => `f${i}`) }).riskFactors).toBe(
      'measures.error.tooMany',
    );
  });
});
