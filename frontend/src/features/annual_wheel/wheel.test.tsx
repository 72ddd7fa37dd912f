import { fireEvent, screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { renderApp } from '../../test/render';
import { dayAngle, polar, sectorPath } from './geometry';
import { sectorsOf } from './api';
import { moves } from './TaskActions';
import { longestDay, validateTemplate, type TemplateValues } from './TemplateFormPage';
import { nextFocus, WheelCircle } from './WheelCircle';
import { parseYear } from './YearPicker';
import type { MonthSector, WheelTask } from './types';

const task = (over: Partial<WheelTask>): WheelTask =>
  ({
    ownerName: null,
    id: 't1',
    templateId: 'x1',
    year: 2031,
    title: 'Møte i styringsgruppen',
    due: '2031-02-28',
    ownerRole: 'secretary',
    bodyLevel: 'steering',
    bodyId: null,
    ownerPersonId: null,
    description: null,
    status: 'open',
    version: 1,
    angle: 59.46,
    overdue: false,
    ...over,
  }) as WheelTask;

function twelve(tasks: WheelTask[]): MonthSector[] {
  return sectorsOf({
    year: 2031,
    tasks,
    sectors: Array.from({ length: 12 }, (_, i) => ({
      month: i + 1,
      startAngle: i * 30,
      endAngle: (i + 1) * 30,
      openCount: 0,
      overdueCount: 0,
      taskIds: tasks.filter((t) => Number(t.due.slice(5, 7)) === i + 1).map((t) => t.id),
    })),
  });
}

describe('the circle’s drawing', () => {
  it('puts 0° at the top and goes clockwise', () => {
    expect(polar(0, 100)).toEqual({ x: 220, y: 120 });
    expect(polar(90, 100)).toEqual({ x: 320, y: 220 });
    expect(sectorPath(0, 30)).toMatch(/^M 220 40 A 180 180 0 0 1 /);
  });

  it('places a day the way the API does (middle of the day in its month’s 30°)', () => {
    expect(dayAngle('2031-01-01')).toBeCloseTo(0.48, 2);
    expect(dayAngle('2031-12-31')).toBeCloseTo(359.52, 2);
    expect(dayAngle('nonsense')).toBeNull();
  });
});

describe('keyboard in the circle', () => {
  const sectors = twelve([
    task({ id: 'a', due: '2031-02-10' }),
    task({ id: 'b', due: '2031-02-20' }),
  ]);

  it('moves between months with left and right, wrapping at the year’s ends', () => {
    expect(nextFocus({ month: 1, index: null }, 'ArrowRight', sectors)).toEqual({
      month: 2,
      index: null,
    });
    expect(nextFocus({ month: 1, index: null }, 'ArrowLeft', sectors)).toEqual({
      month: 12,
      index: null,
    });
    expect(nextFocus({ month: 7, index: null }, 'Home', sectors)?.month).toBe(1);
    expect(nextFocus({ month: 7, index: null }, 'End', sectors)?.month).toBe(12);
  });

  it('goes down into a month’s tasks and back up to the month', () => {
    expect(nextFocus({ month: 2, index: null }, 'ArrowDown', sectors)).toEqual({
      month: 2,
      index: 0,
    });
    expect(nextFocus({ month: 2, index: 0 }, 'ArrowDown', sectors)).toEqual({ month: 2, index: 1 });
    expect(nextFocus({ month: 2, index: 1 }, 'ArrowDown', sectors)).toBeNull();
    expect(nextFocus({ month: 2, index: 0 }, 'ArrowUp', sectors)).toEqual({
      month: 2,
      index: null,
    });
    expect(nextFocus({ month: 2, index: 1 }, 'Escape', sectors)).toEqual({
      month: 2,
      index: null,
    });
    expect(nextFocus({ month: 3, index: null }, 'ArrowDown', sectors)).toBeNull();
  });

  it('names every month and mark, and Enter on a mark selects its task', () => {
    const onSelect = vi.fn();
    renderApp(
      <WheelCircle
        year={2031}
        sectors={twelve([
          task({ id: 'a', due: '2031-02-10', overdue: true }),
          task({ id: 'b', due: '2031-02-20', status: 'done', title: 'Budsjett' }),
        ])}
        today="2026-11-30"
        selectedId={null}
        onSelect={onSelect}
      />,
    );
    const feb = screen.getByRole('button', { name: 'februar: 2 oppgaver, 1 åpne, 1 forfalt' });
    expect(screen.getByRole('button', { name: 'januar: ingen oppgaver' })).toHaveAttribute(
      'tabindex',
      '0',
    );
    fireEvent.focus(feb);
    fireEvent.keyDown(feb, { key: 'ArrowDown' });
    const mark = screen.getByRole('button', {
      name: /^Møte i styringsgruppen, frist .*, forfalt$/,
    });
    expect(mark).toHaveFocus();
    fireEvent.keyDown(mark, { key: 'ArrowDown' });
    const done = screen.getByRole('button', {
      name: /^Budsjett, frist 20\. februar 2031, Utført$/,
    });
    expect(done).toHaveFocus();
    fireEvent.keyDown(done, { key: 'Enter' });
    expect(onSelect).toHaveBeenCalledWith(
      expect.objectContaining({ task: expect.objectContaining({ id: 'b' }) }),
    );
  });
});

describe('task status', () => {
  it('offers done and cancel for an open task, reopen otherwise', () => {
    expect(moves('open').map((m) => m.to)).toEqual(['done', 'cancelled']);
    expect(moves('done').map((m) => m.to)).toEqual(['open']);
    expect(moves('cancelled').map((m) => m.to)).toEqual(['open']);
  });
});

describe('the template form', () => {
  const t = ((key: string, o?: Record<string, unknown>) =>
    o ? `${key}:${JSON.stringify(o)}` : key) as never;
  const valid: TemplateValues = {
    title: 'Budsjett',
    month: '2',
    day: '',
    ownerRole: 'coordinator',
    bodyLevel: '',
    description: '',
    active: true,
  };
  const errors = (v: Partial<TemplateValues>) =>
    Object.entries(validateTemplate({ ...valid, ...v }, t)).filter(([, m]) => m);

  it('knows the longest day of each month (29 February is allowed)', () => {
    expect(longestDay(2)).toBe(29);
    expect(longestDay(4)).toBe(30);
    expect(longestDay(12)).toBe(31);
  });

  it('refuses a day the month lacks, a chair without a level, a blank title', () => {
    expect(errors({})).toEqual([]);
    expect(errors({ day: '30' }).map(([f]) => f)).toEqual(['day']);
    expect(errors({ ownerRole: 'chair' }).map(([f]) => f)).toEqual(['bodyLevel']);
    expect(errors({ ownerRole: 'chair', bodyLevel: 'steering' })).toEqual([]);
    expect(errors({ title: '   ' }).map(([f]) => f)).toEqual(['title']);
  });
});

describe('the year in the address', () => {
  it('takes a year in range, else this year', () => {
    expect(parseYear('2031', 2026)).toBe(2031);
    expect(parseYear('1999', 2026)).toBe(2026);
    expect(parseYear('abc', 2026)).toBe(2026);
    expect(parseYear(null, 2026)).toBe(2026);
  });
});
