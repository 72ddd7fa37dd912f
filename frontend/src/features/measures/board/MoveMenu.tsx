/** Measures room: the "Flytt til …" menu — the measure's legal targets only, in lifecycle order. */
import { Button } from '@digdir/designsystemet-react';
import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { orderedTargets, type Movable } from '../moves';
import type { Stage } from '../types';

export function MoveMenu({
  measure,
  title,
  onPick,
}: {
  measure: Movable;
  title: string;
  onPick: (target: Stage) => void;
}) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const id = useId();
  const ref = useRef<HTMLDivElement>(null);
  const targets = orderedTargets(measure);
  useEffect(() => {
    if (!open) return undefined;
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') setOpen(false);
    };
    const onClick = (e: MouseEvent) => {
      if (ref.current && !ref.current.contains(e.target as Node)) setOpen(false);
    };
    document.addEventListener('keydown', onKey);
    document.addEventListener('mousedown', onClick);
    return () => {
      document.removeEventListener('keydown', onKey);
      document.removeEventListener('mousedown', onClick);
    };
  }, [open]);
  if (targets.length === 0) return null;
  return (
    <div className="move-menu" ref={ref}>
      <Button
        variant="tertiary"
        data-size="sm"
        aria-expanded={open}
        aria-controls={id}
        aria-label={`${t('measures.card.moveTo')} (${title})`}
        onClick={() => setOpen((o) => !o)}
      >
        {t('measures.card.moveTo')}
      </Button>
      {open ? (
        <ul id={id} className="move-menu-list" aria-label={t('measures.card.moveTo')}>
          {targets.map((s) => (
            <li key={s}>
              <Button
                variant="secondary"
                data-size="sm"
                onClick={() => {
                  setOpen(false);
                  onPick(s);
                }}
              >
                {t('measures.card.moveToStage', { stage: t(`measures.stage.${s}`) })}
              </Button>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
