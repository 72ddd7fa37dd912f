import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderApp } from '../../test/render';
import { ConsentCard } from './ConsentCard';
import type { CaseFacts, ConsentItem } from './types';

const facts: CaseFacts = {
  id: 'c',
  reference: 'SAK-2026-0001',
  birthDate: '2011-01-01',
  guardians: [{ id: 'g1', name: 'Lise Demo', parentalResponsibility: true }],
  team: [],
  myOrganisationId: 'o1',
  iAmLead: true,
};
const regimes = new Map([['school', 'school' as const]]);
const names = new Map([['school', 'Nordby ungdomsskole']]);

function shown(events: { partyId: string; seq: number; kind: string }[], state: string) {
  return {
    id: 'k1',
    consent: {
      withheld: false,
      access: { basis: 'own_service', policyVersion: '2026-1' },
      id: 'k1',
      caseId: 'c',
      scope: {
        purposes: ['follow_up'],
        allowedCategories: ['school'],
        excludedCategories: ['health'],
        sourceOrganisationIds: ['school'],
        recipientOrganisationIds: ['school'],
        forums: ['follow_up_team'],
        validFrom: '2026-01-01',
        validTo: '2026-12-31',
        onwardSharing: false,
      },
      notice: {
        version: 'samtykke-2026-1',
        language: 'nb',
        sha256: 'a'.repeat(64),
        easyRead: true,
      },
      parties: [
        { id: 's', kind: 'subject', guardianId: null, identityVerifiedBy: 'known_in_person' },
        { id: 'p1', kind: 'guardian', guardianId: 'g1', identityVerifiedBy: 'bankid' },
      ],
      method: 'written',
      childView: 'Vil ha hjelp med skolen.',
      events: events.map((e) => ({ ...e, at: '2026-02-01T10:00:00Z', method: 'written' })),
      statuses: [
        {
          regime: 'school',
          state,
          requiredPartyIds: ['p1'],
          outstandingPartyIds: [],
          recollect: true,
          policyVersion: '2026-1',
        },
        {
          regime: 'child_welfare',
          state: 'pending',
          requiredPartyIds: ['s', 'p1'],
          outstandingPartyIds: ['s'],
          recollect: false,
          policyVersion: '2026-1',
        },
      ],
    },
  } as unknown as ConsentItem;
}

describe('a consent card', () => {
  it("shows the state of its sources' regime, the flag, each party's latest answer and what may come next", () => {
    renderApp(
      <ConsentCard
        item={shown([{ partyId: 'p1', seq: 1, kind: 'given' }], 'effective')}
        facts={facts}
        names={names}
        regimes={regimes}
        index={1}
      />,
    );
    expect(screen.getAllByTestId('consent-status').map((s) => s.textContent)).toEqual([
      'Gjeldende',
    ]);
    expect(screen.getByTestId('recollect')).toHaveTextContent('Må innhentes på nytt');
    const [subject, guardian] = screen.getAllByTestId('party');
    expect(subject).toHaveTextContent('Synet registreres, men kreves ikke');
    expect(
      within(subject!).getByRole('button', { name: /Registrer samtykke fra Barnet/ }),
    ).toBeInTheDocument();
    expect(guardian).toHaveTextContent('Må samtykke');
    expect(guardian).toHaveTextContent('BankID');
    expect(
      within(guardian!).getByRole('button', { name: 'Trekk tilbake samtykket fra Lise Demo' }),
    ).toBeInTheDocument();
  });

  it('offers nothing more once its regimes have stopped', () => {
    renderApp(
      <ConsentCard
        item={shown([{ partyId: 'p1', seq: 2, kind: 'withdrawn' }], 'withdrawn')}
        facts={facts}
        names={names}
        regimes={regimes}
        index={1}
      />,
    );
    expect(screen.getByTestId('consent-status')).toHaveTextContent('Trukket tilbake');
    expect(within(screen.getByTestId('parties')).queryAllByRole('button')).toEqual([]);
  });

  it('shows every regime the server derived while the sources are not known', () => {
    renderApp(
      <ConsentCard
        item={shown([{ partyId: 'p1', seq: 1, kind: 'given' }], 'effective')}
        facts={facts}
        names={names}
        regimes={new Map()}
        index={1}
      />,
    );
    expect(screen.getAllByTestId('consent-status').map((s) => s.textContent)).toEqual([
      'Skoleopplysninger: Gjeldende',
      'Barnevernsopplysninger: Venter på en part',
    ]);
  });

  it('says a consent is withheld and why, never what', () => {
    const item = {
      id: 'k2',
      consent: {
        withheld: true,
        reason: 'not-on-team',
        category: 'involvement',
        regime: 'slt',
        policyVersion: '2026-1',
      },
    } as unknown as ConsentItem;
    renderApp(<ConsentCard item={item} facts={facts} names={names} regimes={regimes} index={2} />);
    expect(screen.getByTestId('consent')).toHaveTextContent('Skjult: ikke i teamet');
    expect(screen.queryByTestId('parties')).toBeNull();
  });
});
