/** Action plans room: the contract's types this feature reads and writes (generated schema). */
import {
  aspectValues,
  conclusionValues,
  performerValues,
  weightingValues,
  type components,
} from '../../api/schema';

type S = components['schemas'];
export type Plan = S['PlanRead'];
export type PlanStatus = S['PlanStatus'];
export type Weighting = S['Weighting'];
export type FocusAreaNode = S['FocusAreaNodeRead'];
export type GoalNode = S['GoalNodeRead'];
export type MeasureSummary = S['PlanMeasureRead'];
export type DecisionRef = S['DecisionRef'];
export type LinkableDecision = S['LinkableDecisionRead'];
export type Evaluation = S['EvaluationRead'];
export type EvaluationPlan = S['EvaluationPlanRead'];
export type Aspect = S['Aspect'];
export type Performer = S['Performer'];
export type Conclusion = S['Conclusion'];

export const WEIGHTINGS: readonly Weighting[] = weightingValues;
export const ASPECTS: readonly Aspect[] = aspectValues;
export const PERFORMERS: readonly Performer[] = performerValues;
export const CONCLUSIONS: readonly Conclusion[] = conclusionValues;
