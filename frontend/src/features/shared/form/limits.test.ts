import { describe, expect, it } from 'vitest';
import { createI18n } from '../../../i18n';
import { limitOf, textError, wholeNumberError } from './limits';

const t = createI18n('nb').t;

describe('form limits from the contract', () => {
  it('refuses a meeting norm outside the body schema minimum and maximum', () => {
    const norm = limitOf('BodyCreate', 'meetingNormPerYear');
    expect(norm).toMatchObject({ minimum: 1, maximum: 365 });
    expect(wholeNumberError('0', norm, t)).toBe('Skriv et helt tall mellom 1 og 365.');
    expect(wholeNumberError('366', norm, t)).toBe('Skriv et helt tall mellom 1 og 365.');
    expect(wholeNumberError('12', norm, t)).toBeUndefined();
    expect(wholeNumberError('', norm, t)).toBeUndefined();
  });

  it('takes required and maxLength from the schema', () => {
    const name = limitOf('BodyCreate', 'name');
    expect(textError(' ', name, t)).toBe('Fyll ut dette feltet.');
    expect(textError('x'.repeat(201), name, t)).toBe('Bruk høyst 200 tegn.');
    expect(textError('', limitOf('BodyCreate', 'mandate'), t)).toBeUndefined();
  });
});
