/** Annual wheel room: a task's mark (its state by shape, not colour alone) and the legend saying so. */
import { useTranslation } from 'react-i18next';
import { checkPath, crossPath, trianglePath, type Point } from './geometry';

/** A task's mark: its shape says its state (open ring, done check, cancelled cross, overdue
 * triangle), so no information rests on colour alone. */
export function Shape({ status, overdue, p }: { status: string; overdue: boolean; p: Point }) {
  if (overdue) return <path className="wheel-shape" data-shape="overdue" d={trianglePath(p)} />;
  return (
    <>
      <circle className="wheel-shape" data-shape={status} cx={p.x} cy={p.y} r={8} />
      {status === 'done' ? <path className="wheel-glyph" d={checkPath(p)} /> : null}
      {status === 'cancelled' ? <path className="wheel-glyph" d={crossPath(p)} /> : null}
    </>
  );
}

export function Legend() {
  const { t } = useTranslation();
  const items: [string, string][] = [
    ['open', t('wheel.legendOpen')],
    ['done', t('wheel.legendDone')],
    ['cancelled', t('wheel.legendCancelled')],
    ['overdue', t('wheel.legendOverdue')],
  ];
  return (
    <div className="wheel-legend">
      <span className="wheel-legend-title">{t('wheel.legend')}</span>
      <ul>
        {items.map(([status, label]) => (
          <li key={status}>
            <svg viewBox="0 0 24 24" width="20" height="20" aria-hidden="true">
              <Shape
                status={status === 'overdue' ? 'open' : status}
                overdue={status === 'overdue'}
                p={{ x: 12, y: 12 }}
              />
            </svg>
            {label}
          </li>
        ))}
      </ul>
    </div>
  );
}
