/** Annual wheel room: the circular year view — twelve month sectors, each task a mark, keyboard-navigable. */
import { useId, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import {
  CENTER,
  dayAngle,
  INNER,
  LABEL_RADIUS,
  markPoint,
  OUTER,
  polar,
  sectorPath,
  SIZE,
} from './geometry';
import { useTaskLabel } from './labels';
import { Legend, Shape } from './WheelMarks';
import type { MonthSector, PlacedTask } from './types';

/** Where the keyboard is in the wheel: a month, or the `index`th task of a month. */
export type WheelFocus = { month: number; index: number | null };

/** The next position for a key, or null when the key does nothing here. */
export function nextFocus(
  at: WheelFocus,
  key: string,
  sectors: readonly MonthSector[],
): WheelFocus | null {
  const count = (m: number) => sectors[m - 1]?.tasks.length ?? 0;
  const month = (m: number) => ({ month: ((m + 11) % 12) + 1, index: null });
  switch (key) {
    case 'ArrowRight':
      return month(at.month + 1);
    case 'ArrowLeft':
      return month(at.month - 1);
    case 'Home':
      return month(1);
    case 'End':
      return month(12);
    case 'ArrowDown':
      if (at.index === null) return count(at.month) > 0 ? { month: at.month, index: 0 } : null;
      return at.index + 1 < count(at.month) ? { month: at.month, index: at.index + 1 } : null;
    case 'ArrowUp':
      if (at.index === null) return null;
      return at.index === 0 ? month(at.month) : { month: at.month, index: at.index - 1 };
    case 'Escape':
      return at.index === null ? null : month(at.month);
    default:
      return null;
  }
}

export function WheelCircle({
  year,
  sectors,
  today,
  selectedId,
  onSelect,
}: {
  year: number;
  sectors: readonly MonthSector[];
  today: string;
  selectedId: string | null;
  onSelect: (task: PlacedTask) => void;
}) {
  const { t } = useTranslation();
  const taskLabel = useTaskLabel();
  const helpId = useId();
  const titleId = useId();
  const [wanted, setFocus] = useState<WheelFocus>(() => ({
    month: today.startsWith(String(year)) ? Number(today.slice(5, 7)) : 1,
    index: null,
  }));
  // A task that is no longer there leaves the month as the one Tab stop, never none.
  const focus =
    wanted.index !== null && wanted.index >= (sectors[wanted.month - 1]?.tasks.length ?? 0)
      ? { month: wanted.month, index: null }
      : wanted;
  const refs = useRef(new Map<string, SVGGElement | SVGPathElement>());
  const keyOf = (f: WheelFocus) => `${f.month}:${f.index ?? 'm'}`;

  const onKeyDown = (e: KeyboardEvent) => {
    if ((e.key === 'Enter' || e.key === ' ') && focus.index !== null) {
      const placed = sectors[focus.month - 1]?.tasks[focus.index];
      if (placed) {
        e.preventDefault();
        onSelect(placed);
      }
      return;
    }
    const at = e.key === 'Enter' || e.key === ' ' ? nextFocus(focus, 'ArrowDown', sectors) : null;
    const next = at ?? nextFocus(focus, e.key, sectors);
    if (!next) return;
    e.preventDefault();
    setFocus(next);
    refs.current.get(keyOf(next))?.focus();
  };

  const todayAngle = today.startsWith(String(year)) ? dayAngle(today) : null;
  const monthName = (m: number) => t(`wheelMonth.${m}`);

  return (
    <figure className="wheel-figure">
      <svg
        viewBox={`0 0 ${SIZE} ${SIZE}`}
        className="wheel-svg"
        role="group"
        aria-labelledby={titleId}
        aria-describedby={helpId}
        onKeyDown={onKeyDown}
        data-testid="wheel-circle"
      >
        <title id={titleId}>{t('wheel.circleLabel', { year })}</title>
        {sectors.map((s) => {
          const open = s.tasks.filter((p) => p.task.status === 'open').length;
          const overdue = s.tasks.filter((p) => p.overdue).length;
          const label =
            t('wheel.monthLabel', { month: monthName(s.month), count: s.tasks.length, open }) +
            (overdue ? t('wheel.monthOverdue', { count: overdue }) : '');
          const mine = { month: s.month, index: null };
          const labelAt = polar((s.startAngle + s.endAngle) / 2, LABEL_RADIUS);
          return (
            <g key={s.month} data-month={s.month}>
              <path
                ref={(el) => {
                  if (el) refs.current.set(keyOf(mine), el);
                  else refs.current.delete(keyOf(mine));
                }}
                className="wheel-sector"
                data-even={s.month % 2 === 0}
                data-current={focus.month === s.month}
                d={sectorPath(s.startAngle, s.endAngle)}
                role="button"
                tabIndex={focus.month === s.month && focus.index === null ? 0 : -1}
                aria-label={label}
                onFocus={() => setFocus(mine)}
                onClick={() => setFocus(mine)}
              />
              <text
                className="wheel-month-label"
                x={labelAt.x}
                y={labelAt.y}
                textAnchor="middle"
                dominantBaseline="middle"
                aria-hidden="true"
              >
                {t(`wheelMonthShort.${s.month}`)}
              </text>
              {s.tasks.map((placed, i) => {
                const here = { month: s.month, index: i };
                const p = markPoint(placed.angle, i);
                return (
                  <g
                    key={placed.task.id}
                    ref={(el) => {
                      if (el) refs.current.set(keyOf(here), el);
                      else refs.current.delete(keyOf(here));
                    }}
                    className="wheel-mark"
                    data-status={placed.task.status}
                    data-overdue={placed.overdue}
                    data-selected={placed.task.id === selectedId}
                    data-task-id={placed.task.id}
                    role="button"
                    tabIndex={focus.month === s.month && focus.index === i ? 0 : -1}
                    aria-label={taskLabel(placed)}
                    aria-pressed={placed.task.id === selectedId}
                    onFocus={() => setFocus(here)}
                    onClick={() => {
                      setFocus(here);
                      onSelect(placed);
                    }}
                  >
                    <circle className="wheel-focus-ring" cx={p.x} cy={p.y} r={13} />
                    <Shape status={placed.task.status} overdue={placed.overdue} p={p} />
                  </g>
                );
              })}
            </g>
          );
        })}
        {todayAngle !== null ? (
          <line
            className="wheel-today"
            x1={polar(todayAngle, INNER).x}
            y1={polar(todayAngle, INNER).y}
            x2={polar(todayAngle, OUTER + 6).x}
            y2={polar(todayAngle, OUTER + 6).y}
            aria-hidden="true"
          />
        ) : null}
        <text
          className="wheel-year"
          x={CENTER}
          y={CENTER}
          textAnchor="middle"
          dominantBaseline="middle"
          aria-hidden="true"
        >
          {year}
        </text>
      </svg>
      <figcaption id={helpId} className="wheel-help">
        {t('wheel.circleHelp')}
      </figcaption>
      <Legend />
    </figure>
  );
}
