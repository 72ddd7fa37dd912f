/** Knowledge room: the context's vocabularies as the contract names them (domain/knowledge/vocab.py,
 * VOCAB_VERSION 2026-1); the catalogue words each code. */
export const SOURCES = ['ungdata', 'fhi', 'police', 'municipal', 'other'] as const;
export const CATEGORIES = [
  'substance_use',
  'crime',
  'school',
  'mental_health',
  'family',
  'leisure',
  'neighbourhood',
  'online',
  'other',
] as const;
export const MEASURE_UNITS = ['percent', 'count', 'per_1000', 'mean', 'other'] as const;
export const AGE_BANDS = ['10-13', '14-15', '16-17', '18-24'] as const;
export const GRADES = ['grade-5-7', 'grade-8-10', 'vg1-3'] as const;
export const COHORTS = ['all', ...AGE_BANDS, ...GRADES] as const;
export const GENDERS = ['all', 'female', 'male'] as const;
export const IMPORT_KINDS = [
  'indicators',
  'areas',
  'populations',
  'observations',
  'events',
] as const;

export type Source = (typeof SOURCES)[number];
export type Category = (typeof CATEGORIES)[number];
export type MeasureUnit = (typeof MEASURE_UNITS)[number];

/** A period as the domain writes it: YYYY, YYYYH1|H2, YYYYQ1..Q4. */
export const PERIOD_PATTERN = /^\d{4}(?:H[12]|Q[1-4])?$/;

export function isPeriod(value: string): boolean {
  return PERIOD_PATTERN.test(value);
}

/** A sortable key of a period: its start month, then its length (a year sorts before its H1). */
export function periodKey(period: string): number {
  const year = Number(period.slice(0, 4));
  const rest = period.slice(4);
  if (rest.startsWith('H')) return year * 100 + (Number(rest[1]) - 1) * 6 + 1;
  if (rest.startsWith('Q')) return year * 100 + (Number(rest[1]) - 1) * 3 + 2;
  return year * 100;
}
