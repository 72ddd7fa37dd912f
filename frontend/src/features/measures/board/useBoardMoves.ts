/** Measures room: the board's move state — a card picked up by keyboard, a card being dragged, a
 * refused drop's reason, and the legal move waiting in the transition dialog. */
import { useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useAnnounce } from '../../shared/Announcer';
import { judgeMove, stepLane } from '../moves';
import type { Card, Stage } from '../types';

export interface Pending {
  measure: Card;
  target: Stage;
}

export function useBoardMoves(byId: ReadonlyMap<string, Card>) {
  const { t } = useTranslation();
  const announce = useAnnounce();
  const [picked, setPicked] = useState<{ id: string; over: Stage } | null>(null);
  const [dragging, setDragging] = useState<string | null>(null);
  const [refused, setRefused] = useState<string | null>(null);
  const [pending, setPending] = useState<Pending | null>(null);
  // The card whose move just ended takes focus back (in its new lane once the board reloads).
  const [focusOn, setFocusOn] = useState<{ id: string; stage: Stage } | null>(null);
  const stage = (s: Stage) => t(`measures.stage.${s}`);

  /** Try a move: a legal one opens the dialog; any other is refused here, without a request. */
  const attempt = (m: Card, target: Stage) => {
    const verdict = judgeMove(m, target);
    if (verdict.ok) {
      setRefused(null);
      setPending({ measure: m, target });
      return;
    }
    if (verdict.same) return;
    const message = t('measures.dnd.illegal', { from: stage(m.stage), to: stage(target) });
    setRefused(message);
    announce(message);
  };

  const pick = (m: Card) => {
    setRefused(null);
    setPicked({ id: m.id, over: m.stage });
    announce(t('measures.dnd.picked', { title: m.title, stage: stage(m.stage) }));
  };

  const cancel = (m: Card) => {
    setPicked(null);
    announce(t('measures.dnd.cancelled', { title: m.title }));
  };

  const onKey = (m: Card) => (e: KeyboardEvent<HTMLButtonElement>) => {
    if (!picked || picked.id !== m.id) return;
    const step = { ArrowRight: 1, ArrowDown: 1, ArrowLeft: -1, ArrowUp: -1 }[e.key] as
      1 | -1 | undefined;
    if (step) {
      e.preventDefault();
      const over = stepLane(picked.over, step);
      setPicked({ id: m.id, over });
      const legal = judgeMove(m, over).ok || over === m.stage;
      announce(t(legal ? 'measures.dnd.over' : 'measures.dnd.overIllegal', { stage: stage(over) }));
    } else if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      setPicked(null);
      attempt(m, picked.over);
    } else if (e.key === 'Escape' || e.key === 'Tab') {
      if (e.key === 'Escape') e.preventDefault();
      cancel(m);
    }
  };

  const drop = (target: Stage, id: string | null) => {
    const m = id ? byId.get(id) : undefined;
    setDragging(null);
    if (m) attempt(m, target);
  };

  return {
    picked,
    dragging,
    refused,
    pending,
    pick,
    onKey,
    attempt,
    drop,
    startDrag: (id: string) => {
      setRefused(null);
      setDragging(id);
    },
    endDrag: () => setDragging(null),
    close: (moved: boolean) => {
      if (moved && pending)
        announce(
          t('measures.dnd.moved', { title: pending.measure.title, stage: stage(pending.target) }),
        );
      if (pending)
        setFocusOn({
          id: pending.measure.id,
          stage: moved ? pending.target : pending.measure.stage,
        });
      setPending(null);
    },
    /** Whether this card (in this stage) should take focus now. */
    wantsFocus: (m: Card) => focusOn?.id === m.id && focusOn.stage === m.stage,
    focused: () => setFocusOn(null),
    stale: () => {
      setPending(null);
      const message = t('measures.transition.stale');
      setRefused(message);
      announce(message);
    },
  };
}

export type BoardMoves = ReturnType<typeof useBoardMoves>;
