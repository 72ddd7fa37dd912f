import { describe, expect, it } from 'vitest';
import { checksumsValid, parseNin, syntheticNin } from './nin';

describe('identity numbers (mod-11, the 2032 rule, D-, H- and synthetic numbers)', () => {
  it('accepts a synthetic number and reads its birth date', () => {
    const n = syntheticNin('2010-05-17');
    expect(parseNin(n)).toEqual({ kind: 'synthetic', birthDate: '2010-05-17' });
  });

  it('refuses a changed digit, a wrong length and letters', () => {
    const n = syntheticNin('2009-02-03');
    const last = Number(n[10]);
    expect(parseNin(n.slice(0, 10) + String((last + 1) % 10))).toBeNull();
    expect(parseNin(n.slice(0, 10))).toBeNull();
    expect(parseNin(`${n.slice(0, 10)}x`)).toBeNull();
  });

  it('reads a D-number (day + 40) and refuses an impossible date', () => {
    // 41 (1 + 40) 01 1990, individual 123: computed control digits.
    const nine = '410190123';
    const valid = [...Array(100).keys()]
      .map((k) => `${nine}${String(k).padStart(2, '0')}`)
      .find((v) => checksumsValid(v) && parseNin(v) !== null);
    expect(valid).toBeDefined();
    expect(parseNin(valid ?? '')).toEqual({ kind: 'd_number', birthDate: '1990-01-01' });
    const feb30 = [...Array(100).keys()]
      .map((k) => `300290123${String(k).padStart(2, '0')}`)
      .find((v) => checksumsValid(v));
    expect(feb30).toBeDefined();
    expect(parseNin(feb30 ?? '')).toBeNull();
  });

  it('takes a K1 remainder of 1–3 from 2032 on, not 4', () => {
    const n = syntheticNin('2012-08-09');
    const digits = [...n].map(Number);
    // Change K1 so the K1 remainder becomes r, then fix K2 if possible.
    const results: Record<number, boolean> = {};
    for (let k1 = 0; k1 <= 9; k1++) {
      const ten = [...digits.slice(0, 9), k1];
      const s2 = [5, 4, 3, 2, 7, 6, 5, 4, 3, 2].reduce((a, w, i) => a + w * (ten[i] ?? 0), 0);
      const k2 = (11 - (s2 % 11)) % 11;
      if (k2 === 10) continue;
      const v = `${ten.join('')}${k2}`;
      const r =
        ([3, 7, 6, 1, 8, 9, 4, 5, 2].reduce((a, w, i) => a + w * (ten[i] ?? 0), 0) + k1) % 11;
      results[r] = checksumsValid(v);
    }
    for (const [r, ok] of Object.entries(results)) expect(ok).toBe(Number(r) <= 3);
  });
});
