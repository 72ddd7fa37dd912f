/** Knowledge room: a small SVG line chart of one series. The svg is a labelled group whose name
 * summarises the series; each point takes keyboard focus and names its period and value. The
 * data table beside it (SeriesTable) is always shown too. */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../../i18n/format';
import { extremes, LAYOUT, linePath, place, yOf, yTicks, type ChartPoint } from './chart';
import { formatValue } from './format';

export function chartSummary(
  points: readonly ChartPoint[],
  indicator: string,
  unit: string,
  lng: string,
  t: (key: string, opts: Record<string, unknown>) => string,
): string {
  const e = extremes(points);
  if (!e) return t('knowledge.picture.chartEmpty', { indicator });
  const v = (n: number) => formatValue(n, unit, lng);
  return t('knowledge.picture.chartSummary', {
    indicator,
    count: points.length,
    first: e.first.label,
    last: e.last.label,
    firstValue: v(e.first.value),
    lastValue: v(e.last.value),
    min: v(e.min),
    max: v(e.max),
  });
}

export function LineChart({
  points,
  indicator,
  unit,
}: {
  points: readonly ChartPoint[];
  indicator: string;
  unit: string;
}) {
  const { t, i18n } = useTranslation();
  const [active, setActive] = useState<number | null>(null);
  const placed = place(points);
  const ticks = yTicks(points.map((p) => p.value));
  const summary = chartSummary(points, indicator, unit, i18n.language, t);
  const L = LAYOUT;
  const shown = active === null ? null : placed[active];
  return (
    <figure className="line-chart">
      <svg
        viewBox={`0 0 ${L.width} ${L.height}`}
        role="group"
        aria-label={summary}
        data-testid="line-chart"
      >
        <g aria-hidden="true" className="chart-axes">
          {ticks.map((v) => (
            <g key={v}>
              <line x1={L.left} x2={L.width - L.right} y1={yOf(v, ticks)} y2={yOf(v, ticks)} />
              <text x={L.left - 6} y={yOf(v, ticks)} textAnchor="end" dominantBaseline="middle">
                {formatNumber(v, i18n.language)}
              </text>
            </g>
          ))}
          {placed.map((p) => (
            <text key={p.label} x={p.x} y={L.height - 12} textAnchor="middle">
              {p.label}
            </text>
          ))}
          <path d={linePath(placed)} className="chart-line" />
        </g>
        {placed.map((p, i) => (
          <circle
            key={p.label}
            cx={p.x}
            cy={p.y}
            r={5}
            className="chart-point"
            tabIndex={0}
            role="img"
            aria-label={t('knowledge.picture.point', {
              period: p.label,
              value: formatValue(p.value, unit, i18n.language),
            })}
            onFocus={() => setActive(i)}
            onBlur={() => setActive(null)}
            onMouseEnter={() => setActive(i)}
            onMouseLeave={() => setActive(null)}
          />
        ))}
        {shown ? (
          <text
            aria-hidden="true"
            className="chart-tip"
            x={Math.min(Math.max(shown.x, L.left + 40), L.width - L.right - 40)}
            y={Math.max(shown.y - 12, L.top + 4)}
            textAnchor="middle"
          >
            {`${shown.label}: ${formatValue(shown.value, unit, i18n.language)}`}
          </text>
        ) : null}
      </svg>
    </figure>
  );
}
