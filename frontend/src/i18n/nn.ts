import { organisationNn } from '../features/organisation/i18n/nn';
import { sharedNn } from '../features/shared/i18n/nn';
import { agreementsNn } from '../features/agreements/i18n/nn';
import { annualWheelNn } from '../features/annual_wheel/i18n/nn';
import { meetingsNn } from '../features/meetings/i18n/nn';
import { actionPlansNn } from '../features/action_plans/i18n/nn';
import { measuresNn } from '../features/measures/i18n/nn';
import { casesNn } from '../features/cases/i18n/nn';
import { consentNn } from '../features/consent/i18n/nn';
import { archiveNn } from '../features/archive/i18n/nn';
import { knowledgeNn } from '../features/knowledge/i18n/nn';
import { trendsNn } from '../features/trends/i18n/nn';
import type { PartialCatalogue } from './types';

/** Nynorsk, one part per context. A key missing here falls back to bokmål. */
export const nn: PartialCatalogue = {
  ...sharedNn,
  ...organisationNn,
  ...annualWheelNn,
  ...meetingsNn,
  ...agreementsNn,
  ...actionPlansNn,
  ...measuresNn,
  ...casesNn,
  ...consentNn,
  ...archiveNn,
  ...knowledgeNn,
  ...trendsNn,
};
