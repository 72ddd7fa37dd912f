import { describe, expect, it } from 'vitest';
import { caseFacts } from './facts';
import type { CaseRead } from './types';

const access = {
  basis: 'consent' as const,
  consentId: null,
  legalBasisId: null,
  breakGlassId: null,
  explanation: 'consent' as never,
  policyVersion: '2026-1',
};

function view(over: Partial<CaseRead>): CaseRead {
  return {
    id: 'c1',
    reference: 'SAK-2026-0001',
    myRole: 'lead',
    myOrganisationId: 'o1',
    subject: {
      id: 's',
      version: 1,
      identity: {
        withheld: false,
        access,
        name: 'Test',
        birthDate: '2012-03-04',
        age: 14,
        identityNumber: null,
      },
      guardians: {
        withheld: false,
        access,
        items: [
          {
            id: 'g1',
            name: 'Mor',
            parentalResponsibility: true,
            relation: 'mor',
            phone: null,
            email: null,
          },
          {
            id: 'g2',
            name: 'Far',
            parentalResponsibility: false,
            relation: 'far',
            phone: null,
            email: null,
          },
        ],
      },
    },
    team: [
      {
        id: 'm1',
        role: 'lead',
        organisationId: 'o1',
        member: { withheld: false, access, personId: 'p1', name: 'A' },
      },
      {
        id: 'm2',
        role: 'member',
        organisationId: null,
        member: { withheld: false, access, personId: 'p2', name: 'B' },
      },
    ],
    ...over,
  } as CaseRead;
}

describe('what the consent pages read of a case', () => {
  it('takes the shown identity, guardians and my seat', () => {
    const facts = caseFacts(view({}), 'p1');
    expect(facts.birthDate).toBe('2012-03-04');
    expect(facts.guardians.map((g) => [g.id, g.parentalResponsibility])).toEqual([
      ['g1', true],
      ['g2', false],
    ]);
    expect(facts.team).toEqual([{ organisationId: 'o1', role: 'lead', isMe: true }]);
    expect(facts.iAmLead).toBe(true);
  });

  it('knows no birth date and no guardians when they are withheld', () => {
    const withheld = {
      withheld: true as const,
      reason: 'consent-withdrawn' as const,
      category: 'identity' as const,
      regime: 'slt' as const,
      policyVersion: '2026-1',
    };
    const v = view({ myRole: 'member' });
    const facts = caseFacts(
      {
        ...v,
        subject: {
          ...v.subject,
          identity: withheld,
          guardians: { ...withheld, category: 'guardians' },
        },
      },
      'p1',
    );
    expect(facts.birthDate).toBeNull();
    expect(facts.guardians).toEqual([]);
    expect(facts.iAmLead).toBe(false);
  });
});
