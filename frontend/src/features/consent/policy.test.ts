import { describe, expect, it } from 'vitest';
import { ageOn, regimeOf, requiredParties } from './policy';

describe('the consent policy as the wizard explains it', () => {
  it('counts whole years on the day', () => {
    expect(ageOn('2010-06-15', '2026-06-14')).toBe(15);
    expect(ageOn('2010-06-15', '2026-06-15')).toBe(16);
    expect(ageOn(null, '2026-06-15')).toBeNull();
  });

  it('maps organisation types to source regimes, SLT for the rest', () => {
    expect(regimeOf('school_health_service')).toBe('health');
    expect(regimeOf('upper_secondary')).toBe('school');
    expect(regimeOf('mediation_service')).toBe('slt');
  });

  it.each([
    [['school'], 14, false, true, ['guardiansUnder18', 'childView'], false],
    [['health'], 16, true, false, ['health16'], false],
    [['health'], 13, false, true, ['guardiansUnder18', 'childView'], true],
    [['child_welfare'], 15, true, true, ['childWelfare15'], false],
    [['health', 'school'], 17, true, true, ['health16', 'guardiansUnder18'], true],
    [['police'], 18, true, false, ['adult'], false],
  ] as const)(
    '%j at %i: subject %s, guardians %s',
    (regimes, age, subject, guardians, why, warn) => {
      const r = requiredParties(regimes, age);
      expect(r.subject).toBe(subject);
      expect(r.guardians).toBe(guardians);
      expect(r.reasons).toEqual(why);
      expect(r.healthWarning).toBe(warn);
    },
  );
});
