import { describe, expect, it } from 'vitest';
import { byStage, judgeMove, matches, needOf, orderedTargets, stepLane, STAGES } from './moves';

const proposed = { stage: 'proposed' as const, legalTargets: ['assessed', 'rejected'] as const };

describe('legal moves on the board', () => {
  it('allows only the legal targets the server names', () => {
    expect(judgeMove(proposed, 'assessed')).toEqual({ ok: true, need: 'none' });
    expect(judgeMove(proposed, 'rejected')).toEqual({ ok: true, need: 'reason' });
    expect(judgeMove(proposed, 'active')).toEqual({ ok: false, same: false });
    expect(judgeMove(proposed, 'proposed')).toEqual({ ok: false, same: true });
    expect(judgeMove({ stage: 'concluded', legalTargets: [] }, 'continued').ok).toBe(false);
  });
  it('asks for what the target needs', () => {
    expect(needOf('decided')).toBe('decision');
    expect(needOf('stopped')).toBe('reason');
    expect(needOf('concluded')).toBe('closingNote');
    expect(needOf('active')).toBe('none');
  });
  it('walks the lanes with the arrow keys and stops at the ends', () => {
    expect(stepLane('proposed', 1)).toBe('assessed');
    expect(stepLane('proposed', -1)).toBe('proposed');
    expect(stepLane('stopped', 1)).toBe('stopped');
    expect(stepLane('evaluated', 1)).toBe('concluded');
  });
  it('lists the menu targets in lifecycle order', () => {
    expect(
      orderedTargets({ stage: 'evaluated', legalTargets: ['stopped', 'continued', 'concluded'] }),
    ).toEqual(['concluded', 'continued', 'stopped']);
  });
  it('filters by tier, focus area and missing owner', () => {
    const m = { tier: 'selective', focusAreaIds: ['f1'], ownerId: null };
    expect(matches(m, { tier: '', focusAreaId: '', withoutOwner: false })).toBe(true);
    expect(matches(m, { tier: 'universal', focusAreaId: '', withoutOwner: false })).toBe(false);
    expect(matches(m, { tier: '', focusAreaId: 'f2', withoutOwner: false })).toBe(false);
    expect(
      matches({ ...m, ownerId: 'p1' }, { tier: '', focusAreaId: '', withoutOwner: true }),
    ).toBe(false);
  });
  it('groups cards by stage, every stage present', () => {
    const lanes = byStage([{ stage: 'active' as const }, { stage: 'active' as const }]);
    expect([...lanes.keys()]).toEqual([...STAGES]);
    expect(lanes.get('active')).toHaveLength(2);
  });
});
