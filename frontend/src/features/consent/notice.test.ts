import { describe, expect, it } from 'vitest';
import { createI18n } from '../../i18n';
import { noticeText, sha256Hex } from './notice';

describe('the notice given', () => {
  it('is hashed as SHA-256 hex', async () => {
    expect(await sha256Hex('abc')).toBe(
      'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad',
    );
  });

  it("is the chosen language's text, plain or easy-read, whatever the interface speaks", () => {
    const i18n = createI18n('en');
    const nb = noticeText(i18n, 'nb', false);
    expect(nb).toContain('taushetsplikt');
    expect(noticeText(i18n, 'nb', true)).not.toBe(nb);
    expect(noticeText(i18n, 'en', false)).toContain('confidentiality');
  });
});
