/** Measures room: the contract's types this feature reads and writes (generated schema). */
import {
  aspectValues,
  evidenceValues,
  performerValues,
  registryValues,
  stageValues,
  tierValues,
  verdictValues,
  type components,
} from '../../api/schema';

type S = components['schemas'];
export type Measure = S['MeasureRead'];
/** A measure as the board shows it (`GET /api/measures/board`). */
export type Card = S['MeasureCard'];
export type Stage = S['Stage'];
export type Tier = S['Tier'];
export type Evidence = S['Evidence'];
export type Registry = S['Registry'];
export type Verdict = S['Verdict'];
export type Aspect = S['Aspect'];
export type Performer = S['Performer'];
export type Decision = S['LinkableDecisionRead'];

export const STAGE_ORDER: readonly Stage[] = stageValues;
export const TIERS: readonly Tier[] = tierValues;
export const EVIDENCE: readonly Evidence[] = evidenceValues;
export const REGISTRIES: readonly Registry[] = registryValues;
export const VERDICTS: readonly Verdict[] = verdictValues;
export const ASPECTS: readonly Aspect[] = aspectValues;
export const PERFORMERS: readonly Performer[] = performerValues;
export const WARN_VERDICTS: readonly Verdict[] = ['ineffective', 'harmful'];
