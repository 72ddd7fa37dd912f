import { describe, expect, it } from 'vitest';
import { extremes, LAYOUT, linePath, niceStep, place, yTicks } from './chart';

describe('the line chart geometry', () => {
  it('picks nice steps and axes that start at zero', () => {
    expect(niceStep(10)).toBe(2.5);
    expect(niceStep(100)).toBe(25);
    expect(niceStep(0)).toBe(1);
    expect(yTicks([12.5, 18, 21])).toEqual([0, 10, 20, 30]);
    expect(yTicks([3, 9])).toEqual([0, 2.5, 5, 7.5, 10]);
    expect(yTicks([])).toEqual([0, 1]);
    expect(yTicks([0])).toEqual([0, 0.25, 0.5, 0.75, 1]);
  });

  it('places periods evenly and the highest value near the top', () => {
    const placed = place([
      { label: '2022', value: 10 },
      { label: '2023', value: 20 },
    ]);
    expect(placed[0]?.x).toBe(LAYOUT.left);
    expect(placed[1]?.x).toBe(LAYOUT.width - LAYOUT.right);
    expect(placed[1]?.y).toBeLessThan(placed[0]?.y ?? 0);
    expect(linePath(placed)).toMatch(/^M56\.0,[\d.]+ L544\.0,[\d.]+$/);
    // One point sits in the middle.
    expect(place([{ label: '2024', value: 3 }])[0]?.x).toBe(
      LAYOUT.left + (LAYOUT.width - LAYOUT.left - LAYOUT.right) / 2,
    );
  });

  it('names the first, last, lowest and highest value for the summary', () => {
    expect(
      extremes([
        { label: '2022', value: 10 },
        { label: '2023', value: 4 },
        { label: '2024', value: 7 },
      ]),
    ).toEqual({
      first: { label: '2022', value: 10 },
      last: { label: '2024', value: 7 },
      min: 4,
      max: 10,
    });
    expect(extremes([])).toBeNull();
  });
});
