import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { renderApp } from '../../../test/render';
import type { Field, Withheld } from '../types';
import { Shown, WithheldMarker } from './Access';

type Name = { withheld: false; name: string; access: import('../types').Access };

const shown: Name = {
  withheld: false,
  name: 'Testa Testesen',
  access: {
    basis: 'consent',
    consentId: '11111111-1111-4111-8111-111111111111',
    breakGlassId: null,
    legalBasisId: null,
    explanation: 'consent',
    policyVersion: '2026-1',
  },
};
const withheld: Withheld = {
  withheld: true,
  reason: 'consent-withdrawn',
  category: 'health',
  regime: 'health',
  policyVersion: '2026-1',
};

describe('an item of a case', () => {
  it('is shown with its why: basis, consent and policy version', async () => {
    renderApp(<Shown item={shown as Field<Name>}>{(v) => <p>{v.name}</p>}</Shown>);
    expect(screen.getByText('Testa Testesen')).toBeInTheDocument();
    await userEvent.click(screen.getByText('Hvorfor ser jeg dette?'));
    expect(screen.getByTestId('why-basis')).toHaveTextContent('Samtykke');
    expect(screen.getByText('11111111-1111-4111-8111-111111111111')).toBeInTheDocument();
    expect(screen.getByText('2026-1')).toBeInTheDocument();
  });

  it('is withheld with the reason, never the value', () => {
    renderApp(<Shown item={withheld as Field<Name>}>{(v) => <p>{v.name}</p>}</Shown>);
    expect(screen.getByText('Skjult — samtykke trukket tilbake')).toBeInTheDocument();
    expect(screen.getByText('Kategori: Helse, kilde: Helse')).toBeInTheDocument();
    expect(screen.queryByText('Testa Testesen')).not.toBeInTheDocument();
    expect(screen.queryByText('Hvorfor ser jeg dette?')).not.toBeInTheDocument();
  });

  it('words an unknown reason without echoing it', () => {
    renderApp(<WithheldMarker item={{ ...withheld, reason: 'x' as Withheld['reason'] }} />, {
      lang: 'en',
    });
    expect(screen.getByText('Withheld — no basis for access')).toBeInTheDocument();
  });
});
