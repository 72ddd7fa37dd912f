import { describe, expect, it } from 'vitest';
import { ApiError } from '../../../api/problem';
import { flattenPlanErrors, toBody, toValues } from './values';

describe('the measure form values', () => {
  it('sends empty text as null, numbers as numbers and the plan only when it has one', () => {
    const v = {
      ...toValues(),
      title: ' Natteravn ',
      problem: 'Uro',
      tier: 'universal',
      budgetNok: '120000',
      milestones: [{ id: null, title: 'Oppstart', dueOn: '', doneOn: '', weight: '2' }],
    };
    const body = toBody(v);
    expect(body).toMatchObject({
      title: 'Natteravn',
      description: null,
      budgetNok: 120000,
      targetAgeMin: null,
      ownerId: null,
      evaluationPlan: null,
      milestones: [{ title: 'Oppstart', dueOn: null, doneOn: null, weight: 2 }],
    });
    expect(body.milestones[0]).not.toHaveProperty('id');
    const planned = toBody({
      ...v,
      hasPlan: true,
      aspects: ['effect'],
      method: 'Intervju',
      dueOn: '2027-01-31',
    });
    expect(planned.evaluationPlan).toEqual({
      aspects: ['effect'],
      method: 'Intervju',
      performer: 'internal',
      performerName: null,
      dueOn: '2027-01-31',
    });
  });

  it('moves the server’s evaluationPlan.* errors to the flat fields', () => {
    const err = new ApiError(422, {
      type: '/problems/validation-failed',
      title: 'x',
      status: 422,
      detail: '',
      errors: [
        { field: 'evaluationPlan.method', code: 'too-long', params: {}, message: '' },
        { field: 'title', code: 'required', params: {}, message: '' },
      ],
    });
    const out = flattenPlanErrors(err) as ApiError;
    expect(out.problem.errors?.map((e) => e.field)).toEqual(['method', 'title']);
    expect(out.status).toBe(422);
  });
});
