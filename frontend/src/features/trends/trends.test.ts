import { describe, expect, it } from 'vitest';
import { createI18n } from '../../i18n';
import { periodsOf, pullsOf, releasesOf, RELEASE_PERIOD } from './releases';
import { tablesFor } from './TrendsPage';
import { namesOf, valueLabel } from './TrendTableView';

const t = createI18n('nb').t;

const area = (code: string, name: string, kind: 'municipality' | 'district') => ({
  id: code,
  code,
  name,
  municipalityNumber: '3205',
  kind,
  populations: [],
});

describe('the trends page', () => {
  it('names categories, age bands, areas, the merged rest and municipalities', () => {
    const names = namesOf([
      area('lillestrom', 'Lillestrøm kommune', 'municipality'),
      area('strommen', 'Strømmen', 'district'),
    ]);
    expect(valueLabel('category', 'drug-offence', t, names)).toBe('Narkotikalovbrudd');
    expect(valueLabel('age_band', '10-13', t, names)).toBe('10–13 år');
    expect(valueLabel('area', 'strommen', t, names)).toBe('Strømmen');
    expect(valueLabel('area', '3205-rest', t, names)).toBe('Resten av Lillestrøm kommune');
    expect(valueLabel('municipality', '3205', t, names)).toBe('Lillestrøm kommune');
    expect(valueLabel('municipality', '0301', t, names)).toBe('Kommune 0301');
  });

  it('lists released periods newest first and the tables of each grain', () => {
    const rows = releasesOf([
      { period: '2025H2', revision: 1, tables: [{ table: 'offences-by-age' }], audit: {} },
      { period: '2026H1', revision: 2, tables: [], audit: { rounds: 3, passed: true } },
      { period: '2025', revision: 1, tables: [], audit: {} },
      { period: '2026H1', revision: 1, tables: [], audit: {} },
    ]);
    expect(periodsOf(rows)).toEqual(['2026H1', '2025H2', '2025']);
    expect(rows[1]?.audit).toMatchObject({ rounds: 3, passed: true, actions: [] });
    expect(tablesFor('2025H2', rows[0], [])).toEqual(['offences-by-age']);
    expect(tablesFor('2025', undefined, [])).toEqual([
      'child-welfare-concerns',
      'substance-treatment',
    ]);
    expect(['2026H1', '2025', '2026Q1', '2026-1'].map((p) => RELEASE_PERIOD.test(p))).toEqual([
      true,
      true,
      false,
      false,
    ]);
  });

  it('reads the pull log page: a police system by its organisation, a person by name', () => {
    const [system, person] = pullsOf({
      items: [
        {
          byName: '',
          clientOrg: '0192:991901000',
          table: 't',
          period: '2026H1',
          revision: 1,
          format: 'csv',
          cellsReleased: 12,
          pulledAt: 'x',
        },
        {
          byName: 'Per Politikontakt',
          clientOrg: null,
          table: 't',
          period: '2026H1',
          revision: 1,
          format: 'json',
          cellsReleased: 9,
          pulledAt: 'y',
        },
      ],
    });
    expect(system?.who).toBe('0192:991901000');
    expect(person?.who).toBe('Per Politikontakt');
    expect(person?.cells).toBe(9);
  });
});
