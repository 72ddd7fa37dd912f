/** Measures room: one card on the board — title, tier, owner, progress, warnings — that moves by
 * drag and drop, by keyboard (its "Flytt" handle) and by its "Flytt til …" menu. */
import { Button, Link as DsLink, Tag } from '@digdir/designsystemet-react';
import { useEffect, useRef, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Card, Stage } from '../types';
import { MoveMenu } from './MoveMenu';

export const DRAG_TYPE = 'application/x-samordna-measure';

export interface CardProps {
  measure: Card;
  ownerName: string;
  due: boolean;
  canMove: boolean;
  picked: boolean;
  /** Take focus (after a move ends): the move handle, or the title on a final card. */
  focus: boolean;
  onFocused: () => void;
  onPick: () => void;
  onKey: (e: KeyboardEvent<HTMLButtonElement>) => void;
  onMenu: (target: Stage) => void;
  onDragStart: () => void;
  onDragEnd: () => void;
}

export function MeasureCard(p: CardProps) {
  const { t } = useTranslation();
  const m = p.measure;
  const percent = Math.round(m.progress * 100);
  const handle = useRef<HTMLButtonElement>(null);
  const link = useRef<HTMLAnchorElement>(null);
  const { focus, onFocused } = p;
  useEffect(() => {
    if (!focus) return;
    (handle.current ?? link.current)?.focus();
    onFocused();
  }, [focus, onFocused]);
  return (
    <article
      className="measure-card"
      data-testid="measure-card"
      data-picked={p.picked || undefined}
      aria-labelledby={`card-${m.id}`}
      draggable={p.canMove}
      onDragStart={(e) => {
        e.dataTransfer.setData(DRAG_TYPE, m.id);
        e.dataTransfer.setData('text/plain', m.id);
        e.dataTransfer.effectAllowed = 'move';
        p.onDragStart();
      }}
      onDragEnd={p.onDragEnd}
    >
      <h3 className="measure-card-title" id={`card-${m.id}`}>
        <DsLink asChild>
          <Link to={`/tiltak/${m.id}`} ref={link}>
            {m.title}
          </Link>
        </DsLink>
      </h3>
      <div className="measure-card-tags">
        <Tag data-size="sm" data-color="info">
          {t(`measures.tierShort.${m.tier}`)}
        </Tag>
        {m.registryWarning ? (
          <Tag data-size="sm" data-color="danger" title={t('measures.card.registryWarning')}>
            <span aria-hidden="true">⚠ </span>
            <span className="sr-only">{t('measures.card.registryWarning')}</span>
          </Tag>
        ) : null}
        {p.due ? (
          <Tag data-size="sm" data-color="warning" data-testid="evaluation-due">
            {t('measures.card.evaluationDue')}
          </Tag>
        ) : null}
      </div>
      <div className="muted measure-card-owner">
        {m.ownerId ? t('measures.card.owner', { name: p.ownerName }) : t('measures.card.noOwner')}
      </div>
      <div className="measure-card-progress">
        <progress max={100} value={percent} aria-label={t('measures.field.progress')} />
        <span>{t('measures.card.progress', { percent })}</span>
      </div>
      {p.canMove && m.legalTargets.length > 0 ? (
        <div className="measure-card-actions">
          <Button
            ref={handle}
            variant="tertiary"
            data-size="sm"
            aria-pressed={p.picked}
            aria-describedby="board-keyboard-help"
            onClick={p.onPick}
            onKeyDown={p.onKey}
          >
            {t('measures.card.move', { title: m.title })}
          </Button>
          <MoveMenu measure={m} title={m.title} onPick={p.onMenu} />
        </div>
      ) : null}
    </article>
  );
}
