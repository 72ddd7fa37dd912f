/** Knowledge room: the line chart's geometry (pure): scales, ticks and points for a series. */
export interface ChartPoint {
  label: string;
  value: number;
}

export interface PlacedPoint extends ChartPoint {
  x: number;
  y: number;
}

export interface Layout {
  width: number;
  height: number;
  left: number;
  right: number;
  top: number;
  bottom: number;
}

export const LAYOUT: Layout = { width: 560, height: 240, left: 56, right: 16, top: 16, bottom: 36 };

/** A "nice" step (1, 2, 2.5 or 5 × 10^n) that splits `span` into about `count` parts. */
export function niceStep(span: number, count = 4): number {
  if (!(span > 0)) return 1;
  const raw = span / count;
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  const residual = raw / magnitude;
  const nice =
    residual <= 1 ? 1 : residual <= 2 ? 2 : residual <= 2.5 ? 2.5 : residual <= 5 ? 5 : 10;
  return nice * magnitude;
}

/** The y axis: from 0 (or below, for negative values) to a nice value over the maximum. */
export function yTicks(values: readonly number[]): number[] {
  if (values.length === 0) return [0, 1];
  const min = Math.min(0, ...values);
  const max = Math.max(...values);
  const span = max - min || Math.abs(max) || 1;
  const step = niceStep(span);
  const lo = Math.floor(min / step) * step;
  const hi = Math.max(Math.ceil(max / step) * step, lo + span);
  const ticks: number[] = [];
  for (let v = lo; v <= hi + step / 2; v += step) ticks.push(Number(v.toFixed(10)));
  return ticks;
}

/** Each point's position in the plot area: evenly spaced periods, the y ticks' range. */
export function place(points: readonly ChartPoint[], layout: Layout = LAYOUT): PlacedPoint[] {
  const ticks = yTicks(points.map((p) => p.value));
  const lo = ticks[0] ?? 0;
  const hi = ticks[ticks.length - 1] ?? 1;
  const plotW = layout.width - layout.left - layout.right;
  const plotH = layout.height - layout.top - layout.bottom;
  const n = points.length;
  return points.map((p, i) => ({
    ...p,
    x: layout.left + (n === 1 ? plotW / 2 : (plotW * i) / (n - 1)),
    y: layout.top + plotH - ((p.value - lo) / (hi - lo || 1)) * plotH,
  }));
}

/** The y position of a value on the axis the points were placed on. */
export function yOf(value: number, ticks: readonly number[], layout: Layout = LAYOUT): number {
  const lo = ticks[0] ?? 0;
  const hi = ticks[ticks.length - 1] ?? 1;
  const plotH = layout.height - layout.top - layout.bottom;
  return layout.top + plotH - ((value - lo) / (hi - lo || 1)) * plotH;
}

/** The SVG path through the points. */
export function linePath(points: readonly PlacedPoint[]): string {
  return points
    .map((p, i) => `${i === 0 ? 'M' : 'L'}${p.x.toFixed(1)},${p.y.toFixed(1)}`)
    .join(' ');
}

/** What the summary names: first and last period and value, the lowest and highest value. */
export function extremes(points: readonly ChartPoint[]) {
  if (points.length === 0) return null;
  const values = points.map((p) => p.value);
  const first = points[0] as ChartPoint;
  const last = points[points.length - 1] as ChartPoint;
  return { first, last, min: Math.min(...values), max: Math.max(...values) };
}
