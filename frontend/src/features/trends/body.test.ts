import { describe, expect, it } from 'vitest';
import { pivot, readTable, shown } from './body';

/** As domain/trends/canonical.py freezes it: metadata at the top, cells keyed by dimension. */
const body = {
  table: 'offences-by-age',
  title: 'Children with offences by age band',
  ruleSet: 'TREND-A/2026-1',
  tablesVersion: '2026-1',
  period: '2026H1',
  revision: 2,
  populationVintage: 2025,
  releasedAt: '2026-07-02T10:00:00Z',
  unit: { id: 'u1', name: 'SLT Lillestrøm (demo)', municipalities: ['3205'] },
  parameters: { k: 7, base: 5, seriesShare: 0.5 },
  dimensions: ['municipality', 'age_band'],
  suppressedMarker: ':',
  cells: [
    { municipality: '3205', age_band: '10-13', value: null, flags: ['primary'] },
    { municipality: '3205', age_band: '14-15', value: 15, flags: [] },
    { municipality: '3205', age_band: '16-17', value: 0, flags: [] },
  ],
  totals: [{ municipality: '3205', value: 25, flags: [] }],
};

describe('a published trend table', () => {
  it('reads metadata and cells, suppressed as null', () => {
    const t = readTable(body);
    expect(t.meta).toMatchObject({
      table: 'offences-by-age',
      ruleSet: 'TREND-A/2026-1',
      period: '2026H1',
      revision: 2,
      populationVintage: 2025,
      unitName: 'SLT Lillestrøm (demo)',
      parameters: { k: 7, base: 5, seriesShare: 0.5 },
    });
    expect(t.cells[0]).toEqual({ dims: ['3205', '10-13'], value: null, flags: ['primary'] });
    expect(t.cells.map(shown)).toEqual([':', '15', '0']);
    expect(t.totals[0]).toEqual({ dims: ['3205'], value: 25, flags: [] });
  });

  it('reads nested snake_case metadata too, and an empty body as empty', () => {
    const t = readTable({ metadata: { rule_set: 'TREND-A/2026-1', population_vintage: 2024 } });
    expect(t.meta.ruleSet).toBe('TREND-A/2026-1');
    expect(t.meta.populationVintage).toBe(2024);
    expect(readTable(null).cells).toEqual([]);
  });

  it('pivots the second dimension into rows, municipalities into columns, totals below', () => {
    const p = pivot(readTable(body));
    expect(p.rows).toEqual(['10-13', '14-15', '16-17']);
    expect(p.columns).toEqual(['3205']);
    expect(shown(p.cell('14-15', '3205'))).toBe('15');
    expect(shown(p.total('3205'))).toBe('25');
    const one = pivot(
      readTable({
        dimensions: ['municipality'],
        cells: [{ municipality: '3205', value: null, flags: ['primary'] }],
      }),
    );
    expect(one.rows).toEqual(['3205']);
    expect(shown(one.cell('3205', ''))).toBe(':');
    expect(one.total('3205')).toBeUndefined();
  });
});
