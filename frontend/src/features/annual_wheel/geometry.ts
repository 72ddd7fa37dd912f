/** Annual wheel room: the circle's drawing (pure): sectors and marks from the API's angles. */

/** The drawing's size (viewBox units); the SVG scales to its box. */
export const SIZE = 440;
export const CENTER = SIZE / 2;
export const OUTER = 180;
export const INNER = 60;
/** Rings the marks of one month sit on, outermost first, so same-day tasks do not overlap. */
export const MARK_RINGS = [160, 135, 110, 85] as const;
export const LABEL_RADIUS = 200;

export interface Point {
  x: number;
  y: number;
}

/** A point at `degrees` clockwise from the top, `radius` from the centre. */
export function polar(degrees: number, radius: number): Point {
  const rad = ((degrees - 90) * Math.PI) / 180;
  return {
    x: Math.round((CENTER + radius * Math.cos(rad)) * 100) / 100,
    y: Math.round((CENTER + radius * Math.sin(rad)) * 100) / 100,
  };
}

/** The SVG path of an annular sector from `start` to `end` degrees (clockwise from the top). */
export function sectorPath(start: number, end: number, outer = OUTER, inner = INNER): string {
  const large = end - start > 180 ? 1 : 0;
  const o1 = polar(start, outer);
  const o2 = polar(end, outer);
  const i2 = polar(end, inner);
  const i1 = polar(start, inner);
  return [
    `M ${o1.x} ${o1.y}`,
    `A ${outer} ${outer} 0 ${large} 1 ${o2.x} ${o2.y}`,
    `L ${i2.x} ${i2.y}`,
    `A ${inner} ${inner} 0 ${large} 0 ${i1.x} ${i1.y}`,
    'Z',
  ].join(' ');
}

/** Where the `index`th task of a month is drawn: its own angle, on the next ring inwards. */
export function markPoint(angle: number, index: number): Point {
  return polar(angle, MARK_RINGS[index % MARK_RINGS.length] ?? MARK_RINGS[0]);
}

/** A small triangle pointing up, centred on `p` (an overdue task: shape, not only colour). */
export function trianglePath(p: Point, r = 9): string {
  const h = r * 1.2;
  return `M ${p.x} ${p.y - h} L ${p.x + r} ${p.y + h * 0.6} L ${p.x - r} ${p.y + h * 0.6} Z`;
}

/** A check mark inside a mark at `p` (a done task). */
export function checkPath(p: Point, r = 5): string {
  return `M ${p.x - r} ${p.y} L ${p.x - r / 3} ${p.y + r * 0.7} L ${p.x + r} ${p.y - r * 0.7}`;
}

/** A cross inside a mark at `p` (a cancelled task). */
export function crossPath(p: Point, r = 4.5): string {
  return `M ${p.x - r} ${p.y - r} L ${p.x + r} ${p.y + r} M ${p.x + r} ${p.y - r} L ${p.x - r} ${p.y + r}`;
}

/** The angle of a date-only ISO string within its year, as the API computes it (for "today"). */
export function dayAngle(iso: string): number | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  if (!m) return null;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  const days = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return (month - 1) * 30 + (30 * (day - 0.5)) / days;
}
