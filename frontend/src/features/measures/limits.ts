/** Measures room: the measure form's limits, read from the contract (`limits.gen.ts`). The
 * generator lists request bodies' own fields only; the nested items (milestones, registry
 * references, the evaluation plan) carry the domain's limits (domain/measures/limits.py). */
import { limitOf, type FieldLimit } from '../shared/form/limits';
import type { MeasureLimits } from './validate';

const SHORT: FieldLimit = { maxLength: 200 }; // SHORT_MAX: method, performer name, a rating
const URL: FieldLimit = { maxLength: 500 }; // URL_MAX
const WEIGHT: FieldLimit = { minimum: 1, maximum: 100 }; // WEIGHT_MAX

export function measureLimits(): MeasureLimits {
  return {
    title: limitOf('MeasureCreate', 'title'),
    problem: limitOf('MeasureCreate', 'problem'),
    text: limitOf('MeasureCreate', 'description'),
    short: SHORT,
    url: URL,
    age: limitOf('MeasureCreate', 'targetAgeMin'),
    budget: limitOf('MeasureCreate', 'budgetNok'),
    hours: limitOf('MeasureCreate', 'staffHours'),
    weight: WEIGHT,
    milestones: limitOf('MeasureCreate', 'milestones'),
    list: limitOf('MeasureCreate', 'riskFactors'),
  };
}
