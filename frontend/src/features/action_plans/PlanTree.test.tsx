import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderApp } from '../../test/render';
import { PlanTree } from './PlanTree';
import type { FocusAreaNode } from './types';

const areas: FocusAreaNode[] = [
  {
    id: 'fa1',
    title: 'Trygge nærmiljø',
    weight: 2,
    strategies: ['Utekontakt på kveldstid'],
    progress: 0.5,
    goals: [
      {
        id: 'g1',
        title: 'Færre unge i rusmiljø',
        weight: 1,
        progress: 0.5,
        measures: [
          {
            id: 'm1',
            title: 'Natteravner i sentrum',
            stage: 'active',
            progress: 0.5,
          },
        ],
      },
      { id: 'g2', title: 'Flere i fritidsaktiviteter', weight: 1, progress: 0, measures: [] },
    ],
  },
];

describe('the plan tree', () => {
  it('shows each focus area, goal and measure with its progress, linking the measures', () => {
    renderApp(<PlanTree areas={areas} />);
    const area = screen.getByTestId('tree-focus-area');
    expect(within(area).getByRole('heading', { name: 'Trygge nærmiljø' })).toBeInTheDocument();
    expect(within(area).getByText('Utekontakt på kveldstid')).toBeInTheDocument();
    const bars = within(area).getAllByRole('progressbar');
    expect(bars.map((b) => b.getAttribute('aria-label'))).toEqual([
      'Fremdrift for Trygge nærmiljø',
      'Fremdrift for Færre unge i rusmiljø',
      'Fremdrift for Natteravner i sentrum',
      'Fremdrift for Flere i fritidsaktiviteter',
    ]);
    expect(bars[0]).toHaveAttribute('value', '50');
    expect(screen.getByRole('link', { name: 'Natteravner i sentrum' })).toHaveAttribute(
      'href',
      '/tiltak/m1',
    );
    expect(screen.getByText('Aktiv')).toBeInTheDocument();
    expect(screen.getByText('Ingen tiltak er knyttet til målet ennå.')).toBeInTheDocument();
  });

  it('says so when the plan has no focus areas (nynorsk)', () => {
    renderApp(<PlanTree areas={[]} />, { lang: 'nn' });
    expect(screen.getByText('Planen har ingen innsatsområde enno.')).toBeInTheDocument();
  });
});
