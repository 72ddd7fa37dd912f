import { describe, expect, it } from 'vitest';
import { fteForInput, parseFte } from './UnitPage';

describe('job share (stillingsandel)', () => {
  it('shows the stored share the way the user writes it', () => {
    expect(fteForInput('0.500', 'nb')).toBe('0,5');
    expect(fteForInput('0.750', 'nn')).toBe('0,75');
    expect(fteForInput('1.000', 'nb')).toBe('1');
    expect(fteForInput('0.500', 'en')).toBe('0.5');
    expect(fteForInput(null, 'nb')).toBe('');
  });

  it('reads a comma or a point back as the same share', () => {
    expect(parseFte('0,5')).toBe(0.5);
    expect(parseFte('0.5')).toBe(0.5);
    expect(parseFte(fteForInput('0.125', 'nb'))).toBe(0.125);
  });
});
