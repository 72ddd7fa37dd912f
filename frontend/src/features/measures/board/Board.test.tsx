import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { coordinator, renderApp } from '../../../test/render';
import { STAGES } from '../moves';
import { canEdit, canFollowUp, canPropose } from '../permissions';
import type { Card } from '../types';
import { Lane } from './Lane';
import { useBoardMoves } from './useBoardMoves';

const measure = (over: Partial<Card>): Card =>
  ({
    id: 'm1',
    title: 'Natteravn',
    tier: 'universal',
    stage: 'assessed',
    legalTargets: ['decided', 'rejected'],
    ownerId: null,
    progress: 0.5,
    registryWarning: false,
    focusAreaIds: [],
    evaluationTriggers: [],
    evaluationRequired: false,
    closingNote: null,
    version: 3,
    ...over,
  }) satisfies Card;

function Harness({ items }: { items: Card[] }) {
  const moves = useBoardMoves(new Map(items.map((m) => [m.id, m])));
  return (
    <>
      {moves.refused ? <p role="alert">{moves.refused}</p> : null}
      {moves.pending ? <p data-testid="pending">{moves.pending.target}</p> : null}
      {STAGES.map((s) => (
        <Lane
          key={s}
          stage={s}
          items={items.filter((m) => m.stage === s)}
          moves={moves}
          dragged={undefined}
          ownerName={() => 'Ola'}
          due={new Set(['m1'])}
          canMove
        />
      ))}
    </>
  );
}

describe('the board', () => {
  it('shows a card with tier, owner, progress and the evaluation-due marker', () => {
    renderApp(<Harness items={[measure({ ownerId: 'p1', registryWarning: true })]} />);
    const card = screen.getByTestId('measure-card');
    expect(within(card).getByText('Universelt')).toBeInTheDocument();
    expect(within(card).getByText('Eier: Ola')).toBeInTheDocument();
    expect(within(card).getByText('Framdrift 50 %')).toBeInTheDocument();
    expect(within(card).getByText('Evaluering forfaller')).toBeInTheDocument();
    expect(within(card).getAllByText(/virkningsløs eller skadelig/).length).toBeGreaterThan(0);
  });

  it('moves by keyboard: pick up, arrow over the lanes, an illegal drop says why', async () => {
    const user = userEvent.setup();
    renderApp(<Harness items={[measure({})]} />);
    await user.click(screen.getByRole('button', { name: 'Flytt «Natteravn»' }));
    expect(await screen.findByText(/er løftet fra Vurdert/)).toBeInTheDocument();
    await user.keyboard('{ArrowRight}{ArrowRight}');
    expect(screen.getByTestId('lane-active')).toHaveAttribute('data-over', 'true');
    expect(await screen.findByText('Over Aktiv: ikke tillatt herfra.')).toBeInTheDocument();
    await user.keyboard('{Enter}');
    expect(screen.getByRole('alert')).toHaveTextContent(
      'Tiltaket kan ikke gå fra Vurdert til Aktiv.',
    );
    expect(screen.queryByTestId('pending')).toBeNull();
  });

  it('moves by keyboard to a legal lane, and Escape cancels', async () => {
    const user = userEvent.setup();
    renderApp(<Harness items={[measure({})]} />);
    const handle = screen.getByRole('button', { name: 'Flytt «Natteravn»' });
    await user.click(handle);
    await user.keyboard('{Escape}');
    expect(await screen.findByText('Flyttingen av «Natteravn» er avbrutt.')).toBeInTheDocument();
    expect(handle).toHaveAttribute('aria-pressed', 'false');
    await user.click(handle);
    await user.keyboard('{ArrowRight}{Enter}');
    expect(screen.getByTestId('pending')).toHaveTextContent('decided');
  });

  it('offers the legal targets only in the menu', async () => {
    const user = userEvent.setup();
    renderApp(<Harness items={[measure({})]} />);
    await user.click(screen.getByRole('button', { name: 'Flytt til … (Natteravn)' }));
    const menu = screen.getByRole('list', { name: 'Flytt til …' });
    expect(
      within(menu)
        .getAllByRole('button')
        .map((b) => b.textContent),
    ).toEqual(['Flytt til Vedtatt', 'Flytt til Avvist']);
    await user.click(within(menu).getByRole('button', { name: 'Flytt til Avvist' }));
    expect(screen.getByTestId('pending')).toHaveTextContent('rejected');
  });

  it('offers no move on a final card', () => {
    renderApp(<Harness items={[measure({ stage: 'concluded', legalTargets: [] })]} />);
    expect(screen.queryByRole('button', { name: /Flytt/ })).toBeNull();
  });
});

describe('who may do what', () => {
  const person = { ...coordinator, roles: [], personId: 'p1' };
  it('lets the proposer edit while proposed, the owner while running', () => {
    expect(canEdit(person, { stage: 'proposed', proposedBy: 'p1', ownerId: null })).toBe(true);
    expect(canEdit(person, { stage: 'assessed', proposedBy: 'p1', ownerId: null })).toBe(false);
    expect(canEdit(person, { stage: 'active', proposedBy: null, ownerId: 'p1' })).toBe(true);
    expect(canEdit(person, { stage: 'concluded', proposedBy: null, ownerId: 'p1' })).toBe(false);
    expect(canEdit(coordinator, { stage: 'concluded', proposedBy: null, ownerId: null })).toBe(
      true,
    );
  });
  it('lets a body seat propose, the owner follow up', () => {
    expect(canPropose(person)).toBe(false);
    expect(canPropose({ ...person, bodyRoles: [{ bodyId: 'b', role: 'member' }] })).toBe(true);
    expect(canFollowUp(person, { stage: 'active', proposedBy: null, ownerId: 'p1' })).toBe(true);
    expect(canFollowUp(person, { stage: 'active', proposedBy: null, ownerId: 'p2' })).toBe(false);
  });
});
