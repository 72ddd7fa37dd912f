import { describe, expect, it } from 'vitest';
import { monthGrid, shiftMonth } from './calendar';
import { moved } from './order';
import { highlight } from './spans';

describe('the month grid', () => {
  it('covers the month in whole weeks starting on Monday', () => {
    const weeks = monthGrid('2026-11');
    expect(weeks[0]?.[0]).toEqual({ iso: '2026-10-26', inMonth: false });
    expect(weeks[0]?.[6]).toEqual({ iso: '2026-11-01', inMonth: true });
    expect(weeks.at(-1)?.at(-1)?.iso).toBe('2026-12-06');
    expect(weeks.every((w) => w.length === 7)).toBe(true);
  });

  it('moves between months across a year', () => {
    expect(shiftMonth('2026-12', 1)).toBe('2027-01');
    expect(shiftMonth('2026-01', -1)).toBe('2025-12');
  });
});

describe('reordering', () => {
  it('moves one item and leaves the ends alone', () => {
    expect(moved(['a', 'b', 'c'], 2, -1)).toEqual(['a', 'c', 'b']);
    expect(moved(['a', 'b', 'c'], 0, 1)).toEqual(['b', 'a', 'c']);
    expect(moved(['a', 'b', 'c'], 0, -1)).toEqual(['a', 'b', 'c']);
    expect(moved(['a', 'b', 'c'], 2, 1)).toEqual(['a', 'b', 'c']);
  });
});

describe('highlighting the guard findings', () => {
  it('cuts the text at the spans and merges overlaps', () => {
    const text = 'Ring 41234567 om 01019012345.';
    const pieces = highlight(text, [
      { start: 5, end: 13, kind: 'phone' },
      { start: 17, end: 28, kind: 'identity_number' },
      { start: 17, end: 23, kind: 'date_of_birth' },
    ]);
    expect(pieces.map((p) => p.text).join('')).toBe(text);
    expect(pieces.filter((p) => p.kinds.length > 0).map((p) => p.text)).toEqual([
      '41234567',
      '010190',
      '12345',
    ]);
    expect(pieces[3]?.kinds).toEqual(['date_of_birth', 'identity_number']);
  });

  it('ignores spans outside the text', () => {
    expect(highlight('abc', [{ start: 5, end: 9, kind: 'x' }])).toEqual([
      { text: 'abc', kinds: [] },
    ]);
  });
});
