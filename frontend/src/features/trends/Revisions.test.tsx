import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { renderApp } from '../../test/render';
import { dimensionsOf, releasesOf } from './releases';
import { Revisions } from './Revisions';
import { namesOf } from './TrendTableView';

const catalogue = {
  tables: [
    { code: 'offences-by-area', dimensions: ['municipality', 'area'] },
    { code: 'offences-by-category', dimensions: ['municipality', 'category'] },
  ],
};

const names = namesOf([
  {
    id: 'a1',
    code: 'strommen',
    name: 'Strømmen',
    municipalityNumber: '3205',
    kind: 'district',
    populations: [],
  },
  {
    id: 'a2',
    code: 'lillestrom',
    name: 'Lillestrøm kommune',
    municipalityNumber: '3205',
    kind: 'municipality',
    populations: [],
  },
]);

describe('the revisions of a period', () => {
  it('lists them newest first with what each re-release changed', async () => {
    const release = (revision: number, releasedAt: string, changeLog: unknown[]) => ({
      period: '2026H1',
      revision,
      releasedAt,
      releasedByName: 'Kari Koordinator',
      tables: [],
      audit: {},
      changeLog,
    });
    const change = (
      table: string,
      dims: string[],
      old: number | null,
      now: number | null,
      how = '',
    ) => ({
      table,
      dims,
      old,
      new: now,
      added: how === 'added',
      removed: how === 'removed',
    });
    const rows = releasesOf([
      release(1, '2026-07-02T08:00:00Z', [
        change('offences-by-area', ['3205', 'strommen'], null, 10, 'added'),
      ]),
      release(2, '2026-08-15T09:30:00Z', [
        change('offences-by-area', ['3205', 'strommen'], 10, 15),
        change('offences-by-category', ['3205', 'drug-offence'], 20, null),
        change('offences-by-area', ['3205', '3205-rest'], 5, null, 'removed'),
      ]),
    ]);
    expect(rows[1]?.changes[1]).toEqual({
      table: 'offences-by-category',
      dims: ['3205', 'drug-offence'],
      old: 20,
      new: null,
      added: false,
      removed: false,
    });
    renderApp(<Revisions rows={rows} dimensions={dimensionsOf(catalogue)} names={names} />);
    await userEvent.click(screen.getByText('Revisjoner av perioden (2)'));
    const items = screen.getAllByRole('listitem');
    expect(items.map((li) => li.getAttribute('data-testid'))).toEqual(['revision-2', 'revision-1']);
    expect(within(items[1]!).getByText('Første publisering av perioden.')).toBeInTheDocument();
    const second = within(items[0]!);
    expect(second.getByRole('heading')).toHaveTextContent(/^Revisjon 2: .+, Kari Koordinator$/);
    expect(second.getByText('Endrede celler: 3')).toBeInTheDocument();
    const cells = second
      .getAllByRole('row')
      .slice(1)
      .map((r) =>
        within(r)
          .getAllByRole('cell')
          .map((c) => c.textContent),
      );
    expect(cells).toEqual([
      ['Barn med lovbrudd etter område', 'Lillestrøm kommune · Strømmen', '10', '15'],
      ['Barn med lovbrudd etter kategori', 'Lillestrøm kommune · Narkotikalovbrudd', '20', ':'],
      [
        'Barn med lovbrudd etter område',
        'Lillestrøm kommune · Resten av Lillestrøm kommune',
        '5',
        '–',
      ],
    ]);
  });
});
