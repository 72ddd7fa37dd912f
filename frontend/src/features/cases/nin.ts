/** Cases room: the national identity number checked in the browser the way the server checks it
 * (domain/shared/identity_number.py): mod-11 (K1 with the 2032 rule, K2), birth, D-, H- and
 * synthetic (month + 80) numbers, a possible date. The server decides; this only helps typing. */

export type NinKind = 'birth_number' | 'd_number' | 'h_number' | 'synthetic';

export interface ParsedNin {
  kind: NinKind;
  /** YYYY-MM-DD */
  birthDate: string;
}

const K1 = [3, 7, 6, 1, 8, 9, 4, 5, 2];
const K2 = [5, 4, 3, 2, 7, 6, 5, 4, 3, 2];

function weighted(digits: number[], weights: number[]): number {
  return weights.reduce((sum, w, i) => sum + w * (digits[i] ?? 0), 0);
}

/** K1 and K2 hold; K1's remainder may be 0–3 (numbers issued from 2032), K2's must be 0. */
export function checksumsValid(value: string): boolean {
  if (!/^\d{11}$/.test(value)) return false;
  const d = [...value].map(Number);
  if ((weighted(d, K2) + (d[10] ?? 0)) % 11 !== 0) return false;
  return (weighted(d, K1) + (d[9] ?? 0)) % 11 <= 3;
}

function century(year2: number, individual: number): number | null {
  if (individual <= 499) return 1900;
  if (individual <= 749 && year2 >= 54) return 1800;
  if (individual >= 900 && year2 >= 40) return 1900;
  if (year2 <= 39) return 2000;
  return null;
}

/** The number's kind and birth date, or null when it is not a valid identity number. */
export function parseNin(value: string): ParsedNin | null {
  if (!checksumsValid(value)) return null;
  let day = Number(value.slice(0, 2));
  let month = Number(value.slice(2, 4));
  const year2 = Number(value.slice(4, 6));
  const individual = Number(value.slice(6, 9));
  let kind: NinKind = 'birth_number';
  if (day > 40) {
    kind = 'd_number';
    day -= 40;
  }
  if (month > 80) {
    kind = 'synthetic';
    month -= 80;
  } else if (month > 40) {
    if (kind === 'd_number') return null;
    kind = 'h_number';
    month -= 40;
  }
  const c = century(year2, individual);
  if (c === null) return null;
  const year = c + year2;
  const date = new Date(Date.UTC(year, month - 1, day));
  if (
    date.getUTCFullYear() !== year ||
    date.getUTCMonth() !== month - 1 ||
    date.getUTCDate() !== day
  )
    return null;
  const pad = (n: number) => String(n).padStart(2, '0');
  return { kind, birthDate: `${year}-${pad(month)}-${pad(day)}` };
}

function control(digits: number[], weights: number[]): number | null {
  const rest = weighted(digits, weights) % 11;
  const c = rest === 0 ? 0 : 11 - rest;
  return c === 10 ? null : c;
}

/** A synthetic number (month + 80) for a birth date, the first usable individual number at or
 * after `start` (for tests and examples; never a real person's). */
export function syntheticNin(birthDate: string, start = 0): string {
  const [y, m, d] = birthDate.split('-').map(Number) as [number, number, number];
  const lo = y >= 2000 ? 500 : 0;
  const hi = y >= 2000 ? 999 : 499;
  for (let individual = Math.max(lo, start); individual <= hi; individual++) {
    const nine =
      String(d).padStart(2, '0') +
      String(m + 80).padStart(2, '0') +
      String(y % 100).padStart(2, '0') +
      String(individual).padStart(3, '0');
    const digits = [...nine].map(Number);
    const k1 = control(digits, K1);
    if (k1 === null) continue;
    const k2 = control([...digits, k1], K2);
    if (k2 === null) continue;
    return `${nine}${k1}${k2}`;
  }
  throw new Error('no usable individual number');
}
