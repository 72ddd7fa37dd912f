/** Measures room: the board's lanes and which moves between them are legal (the lifecycle's edge
 * table, as the server sends it per measure in `legalTargets`). Pure, so it is unit-tested. */
import type { Stage } from './types';

/** Every stage, in lifecycle order: one drop lane each. */
export const STAGES: readonly Stage[] = [
  'proposed',
  'assessed',
  'decided',
  'active',
  'evaluated',
  'concluded',
  'continued',
  'rejected',
  'stopped',
];

/** The board's columns: one per stage, the final ones grouped two by two. */
export const COLUMNS: readonly { key: string; lanes: readonly Stage[] }[] = [
  { key: 'proposed', lanes: ['proposed'] },
  { key: 'assessed', lanes: ['assessed'] },
  { key: 'decided', lanes: ['decided'] },
  { key: 'active', lanes: ['active'] },
  { key: 'evaluated', lanes: ['evaluated'] },
  { key: 'closed', lanes: ['concluded', 'continued'] },
  { key: 'ended', lanes: ['rejected', 'stopped'] },
];

/** What the target stage asks for before the move is sent. */
export type Need = 'reason' | 'decision' | 'closingNote' | 'none';

export function needOf(target: Stage): Need {
  if (target === 'rejected' || target === 'stopped') return 'reason';
  if (target === 'decided') return 'decision';
  if (target === 'concluded') return 'closingNote';
  return 'none';
}

export interface Movable {
  stage: Stage;
  legalTargets: readonly Stage[];
}

export type Verdict = { ok: true; need: Need } | { ok: false; same: boolean };

/** Whether a card may be dropped on a lane: only along the measure's legal targets. */
export function judgeMove(m: Movable, target: Stage): Verdict {
  if (m.stage === target) return { ok: false, same: true };
  if (!m.legalTargets.includes(target)) return { ok: false, same: false };
  return { ok: true, need: needOf(target) };
}

/** The lane a keyboard move lands on after an arrow key (stays at the ends). */
export function stepLane(from: Stage, direction: -1 | 1): Stage {
  const i = STAGES.indexOf(from);
  const next = Math.min(STAGES.length - 1, Math.max(0, i + direction));
  return STAGES[next] ?? from;
}

/** The measure's legal targets in lifecycle order (the "Flytt til …" menu). */
export function orderedTargets(m: Movable): Stage[] {
  return STAGES.filter((s) => m.legalTargets.includes(s));
}

export interface BoardFilter {
  tier: string;
  focusAreaId: string;
  withoutOwner: boolean;
}

interface Filterable {
  tier: string;
  focusAreaIds: readonly string[];
  ownerId?: string | null;
}

/** The board's filters, applied to the whole board it read once. */
export function matches(m: Filterable, f: BoardFilter): boolean {
  if (f.tier && m.tier !== f.tier) return false;
  if (f.focusAreaId && !m.focusAreaIds.includes(f.focusAreaId)) return false;
  if (f.withoutOwner && m.ownerId) return false;
  return true;
}

/** Cards per lane, in the order the server sent them. */
export function byStage<T extends { stage: Stage }>(items: readonly T[]): Map<Stage, T[]> {
  const out = new Map<Stage, T[]>(STAGES.map((s) => [s, []]));
  for (const m of items) out.get(m.stage)?.push(m);
  return out;
}
