import { describe, expect, it } from 'vitest';
import { accessEn, accessNb, accessNn, withAccess } from './access';
import { createI18n } from './index';

type Tree = { [k: string]: string | Tree };

function keys(tree: Tree, prefix = ''): string[] {
  return Object.entries(tree).flatMap(([k, v]) =>
    typeof v === 'object' ? keys(v, `${prefix}${k}.`) : [`${prefix}${k}`],
  );
}

describe('the access catalogues', () => {
  it('nn and en have exactly the bokmål keys', () => {
    const nb = keys(accessNb as Tree).sort();
    expect(keys(accessNn).sort()).toEqual(nb);
    expect(keys(accessEn).sort()).toEqual(nb);
  });

  it('merge into the main catalogue section by section', () => {
    const merged = withAccess({ problem: { a: 'A' }, nav: { home: 'H' } }, accessNb as Tree);
    expect(merged.problem.a).toBe('A');
    expect(merged.nav.home).toBe('H');
    expect((merged as unknown as Tree).nav).toMatchObject({ access: 'Tilgang' });
  });

  it('is reachable through i18n in every language', () => {
    expect(createI18n('nb').t('problem.last-unit-admin')).toMatch(/siste systemansvarlige/);
    expect(createI18n('nn').t('unitSwitch.submit')).toBe('Byt eining');
    expect(createI18n('en').t('loginFailed.retry')).toBe('Log in again');
    expect(createI18n('nb').t('nav.home')).toBe('Oversikt');
  });
});
