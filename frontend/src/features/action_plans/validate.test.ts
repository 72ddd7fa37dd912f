import { describe, expect, it } from 'vitest';
import { problemText } from '../../api/problem';
import { createI18n } from '../../i18n';
import { percent } from './Progress';
import {
  focusAreaError,
  strategyLines,
  validateEvaluation,
  validatePlan,
  type EvaluationValues,
  type FocusAreaDraft,
  type PlanValues,
} from './validate';
import { evaluationBody, initialEvaluation } from './EvaluationForm';
import { planBody } from './PlanFormPage';

const t = createI18n('nb').t;

const area = (over: Partial<FocusAreaDraft> = {}): FocusAreaDraft => ({
  key: 'a',
  id: null,
  title: 'Trygge nærmiljø',
  weight: '1',
  strategies: 'Utekontakt\n\n  Foreldrevandring  ',
  goals: [{ key: 'g', id: 'g1', title: 'Færre unge i rusmiljø', weight: '2' }],
  ...over,
});

const plan = (over: Partial<PlanValues> = {}): PlanValues => ({
  title: 'Handlingsplan 2026–2029',
  description: '',
  periodStart: '2026-01-01',
  periodEnd: '2029-12-31',
  weighting: 'equal',
  focusAreas: [area()],
  ...over,
});

const evaluation = (over: Partial<EvaluationValues> = {}): EvaluationValues => ({
  aspects: ['effect'],
  performer: 'internal',
  performerName: '',
  method: 'Spørreundersøkelse',
  dueOn: '2026-06-01',
  findings: '',
  conclusion: '',
  completedOn: '',
  ...over,
});

const errors = (e: Record<string, string | undefined>) =>
  Object.entries(e)
    .filter(([, v]) => v)
    .map(([k]) => k);

describe('the plan form', () => {
  it('accepts a whole plan and sends strategies one per line, ids kept, weights as numbers', () => {
    expect(errors(validatePlan(plan(), t))).toEqual([]);
    const body = planBody(plan());
    expect(body.description).toBeNull();
    expect(body.focusAreas[0]).toEqual({
      id: null,
      title: 'Trygge nærmiljø',
      weight: 1,
      strategies: ['Utekontakt', 'Foreldrevandring'],
      goals: [{ id: 'g1', title: 'Færre unge i rusmiljø', weight: 2 }],
    });
    expect(strategyLines(' \n')).toEqual([]);
  });

  it('needs a title and a period whose end is not before its start', () => {
    const e = validatePlan(plan({ title: ' ', periodEnd: '2025-12-31' }), t);
    expect(errors(e)).toEqual(['title', 'periodEnd']);
    expect(e.periodEnd).toBe('Sluttdatoen kan ikke være før startdatoen.');
  });

  it('names a focus area or goal without a name, or with a weight outside 1–100', () => {
    expect(focusAreaError(area({ title: '' }), t)).toBe('Fyll ut dette feltet.');
    expect(focusAreaError(area({ weight: '0' }), t)).toMatch(/1 og 100/);
    expect(focusAreaError(area({ weight: '1.5' }), t)).toMatch(/1 og 100/);
    const badGoal = area({ goals: [{ key: 'g', id: null, title: '', weight: '1' }] });
    expect(focusAreaError(badGoal, t)).toBe('Fyll ut dette feltet.');
    expect(validatePlan(plan({ focusAreas: [badGoal] }), t).focusAreas).toMatch(/innsatsområde/);
  });

  it('holds the limits: 20 focus areas, strategies of 200 characters', () => {
    const many = Array.from({ length: 21 }, () => area());
    expect(validatePlan(plan({ focusAreas: many }), t).focusAreas).toBe('Høyst 20.');
    expect(focusAreaError(area({ strategies: 'x'.repeat(201) }), t)).toMatch(/200 tegn/);
  });
});

describe('the evaluation form', () => {
  it('needs an aspect, a performer and a method', () => {
    const e = validateEvaluation(evaluation({ aspects: [], performer: '', method: '' }), t);
    expect(errors(e)).toEqual(['aspects', 'performer', 'method']);
  });

  it('concludes only with findings, and dates completion only with a conclusion', () => {
    expect(validateEvaluation(evaluation({ conclusion: 'continue' }), t).findings).toBe(
      'Skriv funnene før du konkluderer.',
    );
    expect(validateEvaluation(evaluation({ completedOn: '2026-05-01' }), t).conclusion).toMatch(
      /konklusjon/,
    );
    const done = evaluation({ findings: 'Godt mottatt', conclusion: 'adjust' });
    expect(errors(validateEvaluation(done, t))).toEqual([]);
    expect(evaluationBody(done)).toMatchObject({ conclusion: 'adjust', completedOn: null });
  });

  it("starts a new evaluation from the measure's evaluation plan", () => {
    const v = initialEvaluation(undefined, {
      aspects: ['implementation', 'participation'],
      method: 'Intervjuer',
      performer: 'external',
      performerName: 'Kompetansesenteret',
      dueOn: '2027-03-01',
    });
    expect(v).toMatchObject({
      aspects: ['implementation', 'participation'],
      performer: 'external',
      performerName: 'Kompetansesenteret',
      method: 'Intervjuer',
      dueOn: '2027-03-01',
      conclusion: '',
    });
  });
});

describe('progress', () => {
  it('is a whole per cent between 0 and 100', () => {
    expect(percent(0.456)).toBe(46);
    expect(percent(1.2)).toBe(100);
    expect(percent(Number.NaN)).toBe(0);
  });
});

describe("the server's refusals", () => {
  it('word an adopted plan, a completed evaluation and a measure not running', () => {
    const problem = (code: string) => ({
      type: `/problems/${code}`,
      title: code,
      status: 409,
      detail: '',
    });
    expect(problemText(problem('plan-adopted'), t)).toMatch(/^Handlingsplanen er vedtatt/);
    expect(problemText(problem('evaluation-completed'), t)).toMatch(/fullført/);
    expect(problemText(problem('measure-not-running'), createI18n('en').t)).toBe(
      'Evaluations belong to a decided or running measure.',
    );
  });
});
