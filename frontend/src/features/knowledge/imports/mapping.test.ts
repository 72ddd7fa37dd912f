import { describe, expect, it } from 'vitest';
import { col } from '../testKinds';
import type { ImportKind } from '../types';
import { defaultMapping, headersOf, missingRequired, splitCsvLine, unusedHeaders } from './mapping';

const observations: ImportKind = {
  kind: 'observations',
  key: ['indicator', 'area', 'period'],
  columns: [
    col('indicator', { aliases: ['indikator'] }),
    col('area', { aliases: ['område'] }),
    col('period', { type: 'period', aliases: ['periode'] }),
    col('value', { type: 'decimal', aliases: ['verdi'] }),
    col('count', { type: 'int', required: false, aliases: ['antall'] }),
  ],
};

describe('column mapping', () => {
  it('matches names and Norwegian aliases case-insensitively', () => {
    const m = defaultMapping(observations, [' Indikator', 'OMRÅDE', 'periode', 'Andel', 'antall']);
    expect(m).toEqual({
      indicator: ' Indikator',
      area: 'OMRÅDE',
      period: 'periode',
      count: 'antall',
    });
    expect(missingRequired(observations, m)).toEqual(['value']);
    expect(unusedHeaders([' Indikator', 'OMRÅDE', 'periode', 'Andel', 'antall'], m)).toEqual([
      'Andel',
    ]);
    expect(missingRequired(observations, { ...m, value: 'Andel' })).toEqual([]);
  });

  it('reads the header line of CSV (; or ,, quotes, BOM) and JSON Lines', () => {
    expect(headersOf('\uFEFFindikator;område;"peri;ode"\r\nx;y;z\n', 'a.csv')).toEqual([
      'indikator',
      'område',
      'peri;ode',
    ]);
    expect(headersOf('code,name\nA,B', 'b.csv')).toEqual(['code', 'name']);
    expect(headersOf('{"code":"a","name":"b"}\n', 'c.jsonl')).toEqual(['code', 'name']);
    expect(headersOf('{broken\n', 'c.jsonl')).toBeNull();
    expect(headersOf('', 'd.csv')).toBeNull();
    expect(splitCsvLine('"a ""b""",c', ',')).toEqual(['a "b"', 'c']);
  });
});
