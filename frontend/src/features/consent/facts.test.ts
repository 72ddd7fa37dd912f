import { describe, expect, it } from 'vitest';
import { caseFacts } from './facts';

describe('what the consent pages read of a case', () => {
  it('takes shown items and leaves withheld ones out', () => {
    const facts = caseFacts(
      {
        id: 'c1',
        reference: 'SAK-2026-0001',
        subject: { value: { name: 'Test', birthDate: '2012-03-04' }, access: { basis: 'consent' } },
        guardians: [
          { value: { id: 'g1', name: 'Mor', parentalResponsibility: true } },
          { withheld: true, reason: 'consent-missing', category: 'guardians' },
          { id: 'g2', name: 'Far', parentalResponsibility: false },
        ],
        team: [
          { personId: 'p1', organisationId: 'o1', role: 'lead' },
          { personId: 'p2', organisationId: 'o2', role: 'member' },
        ],
      },
      'p1',
    );
    expect(facts.birthDate).toBe('2012-03-04');
    expect(facts.guardians.map((g) => [g.id, g.parentalResponsibility])).toEqual([
      ['g1', true],
      ['g2', false],
    ]);
    expect(facts.myOrganisationId).toBe('o1');
    expect(facts.iAmLead).toBe(true);
  });

  it('reads the identity item and the team member items', () => {
    const facts = caseFacts(
      {
        id: 'c2',
        myRole: 'member',
        myOrganisationId: 'o9',
        subject: {
          id: 's',
          identity: { withheld: false, name: 'X', birthDate: '2011-01-02', access: {} },
          guardians: { withheld: false, items: [{ id: 'g', name: 'Mor' }], access: {} },
        },
        team: [{ id: 'm', role: 'member', organisationId: 'o9', member: { personId: 'p' } }],
      },
      'p',
    );
    expect(facts.birthDate).toBe('2011-01-02');
    expect(facts.guardians).toEqual([{ id: 'g', name: 'Mor', parentalResponsibility: true }]);
    expect(facts.team[0]?.isMe).toBe(true);
    expect(facts.iAmLead).toBe(false);
  });

  it('knows no birth date when the subject is withheld', () => {
    const facts = caseFacts({ id: 'c', subject: { withheld: true, reason: 'x' } }, 'p');
    expect(facts.birthDate).toBeNull();
    expect(facts.iAmLead).toBe(false);
  });
});
