import { organisationEn } from '../features/organisation/i18n/en';
import { sharedEn } from '../features/shared/i18n/en';
import { agreementsEn } from '../features/agreements/i18n/en';
import { annualWheelEn } from '../features/annual_wheel/i18n/en';
import { meetingsEn } from '../features/meetings/i18n/en';
import { actionPlansEn } from '../features/action_plans/i18n/en';
import { measuresEn } from '../features/measures/i18n/en';
import { casesEn } from '../features/cases/i18n/en';
import { consentEn } from '../features/consent/i18n/en';
import { archiveEn } from '../features/archive/i18n/en';
import { knowledgeEn } from '../features/knowledge/i18n/en';
import { trendsEn } from '../features/trends/i18n/en';
import type { PartialCatalogue } from './types';

/** English, one part per context. A key missing here falls back to bokmål. */
export const en: PartialCatalogue = {
  ...sharedEn,
  ...organisationEn,
  ...annualWheelEn,
  ...meetingsEn,
  ...agreementsEn,
  ...actionPlansEn,
  ...measuresEn,
  ...casesEn,
  ...consentEn,
  ...archiveEn,
  ...knowledgeEn,
  ...trendsEn,
};
