import { describe, expect, it } from 'vitest';
import { latestEvents, needsRecollect, relevant, requiredIds, statesOf } from './status';
import type { Consent } from './types';

function consent(over: Partial<Consent>): Consent {
  return { events: [], statuses: [], ...over } as unknown as Consent;
}

const status = (regime: string, state: string, required: string[] = [], recollect = false) => ({
  regime,
  state,
  requiredPartyIds: required,
  outstandingPartyIds: [],
  recollect,
  policyVersion: '2026-1',
});

describe('a consent as the server derived it', () => {
  it("takes each party's latest event by sequence", () => {
    const c = consent({
      events: [
        { partyId: 'a', seq: 2, kind: 'withdrawn' },
        { partyId: 'a', seq: 1, kind: 'given' },
        { partyId: 'b', seq: 1, kind: 'refused' },
      ] as Consent['events'],
    });
    const latest = latestEvents(c);
    expect(latest.get('a')?.kind).toBe('withdrawn');
    expect(latest.get('b')?.kind).toBe('refused');
  });

  it('shows one state when the regimes agree, else one per regime', () => {
    const same = [status('school', 'effective'), status('slt', 'effective')] as Consent['statuses'];
    expect(statesOf(same)).toEqual([{ regime: null, state: 'effective' }]);
    const split = [
      status('health', 'effective', ['s']),
      status('school', 'pending', ['g1', 'g2'], true),
    ] as Consent['statuses'];
    expect(statesOf(split).map((s) => `${s.regime}:${s.state}`)).toEqual([
      'health:effective',
      'school:pending',
    ]);
    expect([...requiredIds(split)]).toEqual(['s', 'g1', 'g2']);
    expect(needsRecollect(split)).toBe(true);
  });

  it("keeps the statuses of the regimes of the consent's sources", () => {
    const c = consent({
      scope: { sourceOrganisationIds: ['school-org'] } as Consent['scope'],
      statuses: [
        status('child_welfare', 'pending', ['s', 'g']),
        status('school', 'effective', ['g']),
      ] as Consent['statuses'],
    });
    const regimes = new Map([['school-org', 'school' as const]]);
    expect(relevant(c, regimes).map((s) => s.regime)).toEqual(['school']);
    expect(relevant(c, new Map()).map((s) => s.regime)).toEqual(['child_welfare', 'school']);
  });
});
