import { describe, expect, it } from 'vitest';
import { createI18n, storedLang } from './index';
import { nb } from './nb';
import { nn } from './nn';
import { en } from './en';
import { formatDate, formatDateTime, formatNumber } from './format';

type Tree = { [k: string]: string | string[] | Tree };

function keys(tree: Tree, prefix = ''): string[] {
  return Object.entries(tree).flatMap(([k, v]) =>
    typeof v === 'object' && !Array.isArray(v) ? keys(v, `${prefix}${k}.`) : [`${prefix}${k}`],
  );
}

describe('message catalogues', () => {
  it('nn and en only use keys that exist in bokmål', () => {
    const nbKeys = new Set(keys(nb as Tree));
    expect(keys(nn as Tree).filter((k) => !nbKeys.has(k))).toEqual([]);
    expect(keys(en as Tree).filter((k) => !nbKeys.has(k))).toEqual([]);
  });

  it('English covers every bokmål key', () => {
    const enKeys = new Set(keys(en as Tree));
    expect(keys(nb as Tree).filter((k) => !enKeys.has(k))).toEqual([]);
  });

  it('nynorsk falls back to bokmål for a missing key', () => {
    const i18n = createI18n('nn');
    i18n.addResource('nb', 'translation', 'test.onlyInBokmaal', 'Bare på bokmål');
    expect(i18n.t('test.onlyInBokmaal')).toBe('Bare på bokmål');
    expect(i18n.t('nav.persons')).toBe('Personar');
  });

  it('follows the language: <html lang> and the persisted choice', async () => {
    const i18n = createI18n('nb');
    expect(document.documentElement.lang).toBe('nb');
    await i18n.changeLanguage('nn');
    expect(document.documentElement.lang).toBe('nn');
    expect(storedLang()).toBe('nn');
    expect(i18n.t('app.skipToMain')).toBe('Hopp til hovudinnhaldet');
  });

  it('formats dates and numbers the Norwegian way', () => {
    expect(formatDate('2026-03-01', 'nb')).toBe('01.03.2026');
    expect(formatDate('2026-12-31', 'nn')).toBe('31.12.2026');
    expect(formatNumber(1234.5, 'nb').replace(/\s/g, ' ')).toBe('1 234,5');
    // An instant in the reader's time zone: the date part of a mid-day instant is stable.
    expect(formatDateTime('2026-08-15T12:00:00Z', 'nb')).toMatch(/^15\.08\.2026,? \d{2}[:.]\d{2}$/);
    expect(formatDateTime('2026-08-15T12:00:00Z', 'en')).toMatch(/^15\/08\/2026,? \d{2}:\d{2}$/);
    expect(formatDateTime(null, 'nb')).toBe('');
    expect(formatDateTime('not a time', 'nb')).toBe('not a time');
  });
});
