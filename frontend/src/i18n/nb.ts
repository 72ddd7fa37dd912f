import { organisationNb } from '../features/organisation/i18n/nb';
import { sharedNb } from '../features/shared/i18n/nb';
import { agreementsNb } from '../features/agreements/i18n/nb';
import { annualWheelNb } from '../features/annual_wheel/i18n/nb';
import { meetingsNb } from '../features/meetings/i18n/nb';
import { actionPlansNb } from '../features/action_plans/i18n/nb';
import { measuresNb } from '../features/measures/i18n/nb';
import { casesNb } from '../features/cases/i18n/nb';
import { consentNb } from '../features/consent/i18n/nb';
import { archiveNb } from '../features/archive/i18n/nb';
import { knowledgeNb } from '../features/knowledge/i18n/nb';
import { trendsNb } from '../features/trends/i18n/nb';

/** Bokmål: the primary catalogue, one part per context. Every key exists here; nn and en fall back to it. */
export const nb = {
  ...sharedNb,
  ...organisationNb,
  ...annualWheelNb,
  ...meetingsNb,
  ...agreementsNb,
  ...actionPlansNb,
  ...measuresNb,
  ...casesNb,
  ...consentNb,
  ...archiveNb,
  ...knowledgeNb,
  ...trendsNb,
};

export type Catalogue = typeof nb;
