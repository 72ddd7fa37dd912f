/** Measures room: one stage's lane on the board — a drop target listing that stage's cards. */
import { Heading } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import { judgeMove } from '../moves';
import type { Card, Stage } from '../types';
import { DRAG_TYPE, MeasureCard } from './MeasureCard';
import type { BoardMoves } from './useBoardMoves';

export function Lane({
  stage,
  items,
  moves,
  dragged,
  ownerName,
  due,
  canMove,
}: {
  stage: Stage;
  items: Card[];
  moves: BoardMoves;
  dragged: Card | undefined;
  ownerName: (id: string | null | undefined) => string;
  due: ReadonlySet<string>;
  canMove: boolean;
}) {
  const { t } = useTranslation();
  const label = t(`measures.stage.${stage}`);
  const keyboardOver = moves.picked?.over === stage;
  const legal = dragged ? judgeMove(dragged, stage).ok : undefined;
  return (
    <section
      className="board-lane"
      aria-labelledby={`lane-${stage}`}
      data-testid={`lane-${stage}`}
      data-over={keyboardOver || undefined}
      data-legal={legal === undefined ? undefined : String(legal)}
      onDragOver={(e) => {
        if (!moves.dragging) return;
        e.preventDefault();
        // Every lane takes the drop: an illegal one says why instead of moving the card.
        e.dataTransfer.dropEffect = 'move';
      }}
      onDrop={(e) => {
        e.preventDefault();
        moves.drop(stage, e.dataTransfer.getData(DRAG_TYPE) || moves.dragging);
      }}
    >
      <Heading level={2} data-size="2xs" id={`lane-${stage}`} className="board-lane-heading">
        {label} <span className="muted">({items.length})</span>
      </Heading>
      {items.length === 0 ? (
        <p className="muted board-lane-empty">{t('measures.emptyLane')}</p>
      ) : (
        <ul className="board-cards">
          {items.map((m) => (
            <li key={m.id}>
              <MeasureCard
                measure={m}
                ownerName={ownerName(m.ownerId)}
                due={due.has(m.id)}
                canMove={canMove}
                picked={moves.picked?.id === m.id}
                focus={moves.wantsFocus(m)}
                onFocused={moves.focused}
                onPick={() => (moves.picked?.id === m.id ? undefined : moves.pick(m))}
                onKey={moves.onKey(m)}
                onMenu={(target) => moves.attempt(m, target)}
                onDragStart={() => moves.startDrag(m.id)}
                onDragEnd={moves.endDrag}
              />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
