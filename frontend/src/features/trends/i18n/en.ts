/** Trends room, English: the published TREND-A tables, releasing a period and the pull log. */
import type { Exactly } from '../../../i18n/types';
import type { trendsNb } from './nb';

export const trendsEn: Exactly<typeof trendsNb> = {
  trends: {
    title: 'Trends',
    intro:
      'Anonymised trend tables (TREND-A) that the police pull from the unit. The tables count children, not events, and no individual can be read from them: small numbers are hidden and everything is rounded to the nearest 5.',
    notAllowed:
      'The trend tables are for the police contact, the coordinator, the unit admin and the steering group.',
    period: 'Period',
    noReleases: 'No period has been released yet.',
    table: {
      'offences-by-category': 'Children with offences by category',
      'offences-by-age': 'Children with offences by age band',
      'offences-by-area': 'Children with offences by area',
      'child-welfare-concerns': 'Children with child-welfare concerns',
      'substance-treatment': 'Children in substance-use treatment',
    },
    dimension: {
      municipality: 'Municipality',
      category: 'Category',
      age_band: 'Age band',
      area: 'Area',
    },
    category: {
      violence: 'Violence',
      threats: 'Threats',
      'drug-offence': 'Drug offences',
      theft: 'Theft',
      vandalism: 'Vandalism',
      traffic: 'Traffic',
      'other-offence': 'Other offences',
      'child-welfare-concern': 'Child-welfare concern',
      'substance-treatment': 'Substance-use treatment',
      other: 'Other (merged)',
    },
    ageBand: {
      '10-13': '10–13 years',
      '14-15': '14–15 years',
      '16-17': '16–17 years',
      '18-24': '18–24 years',
      other: 'Other (merged)',
    },
    municipality: 'Municipality {{number}}',
    restArea: 'Rest of {{municipality}}',
    count: 'Children',
    total: 'Total',
    caption: '{{table}}, {{period}}',
    noCells: 'The table has no cells for the period.',
    legend: {
      title: 'How to read the table',
      suppressed:
        ': means the number is hidden because it is between 1 and 7, or because it could reveal a hidden number.',
      rounding:
        'Every other number, totals included, is rounded to the nearest 5. Totals are computed from the unrounded numbers, so they do not always match the sum of the rows.',
      zero: '0 means no children were counted.',
      series: 'A series with more than half of its last four periods hidden is hidden altogether.',
    },
    flag: {
      primary: 'Hidden: 1–7 children',
      complement: 'Hidden: almost everyone in the population',
      secondary: 'Hidden to protect another hidden number',
      'series-hidden': 'Hidden: the series is hidden too often',
      'population-unknown': 'Hidden: the population is unknown',
      coarsened: 'Merged with others',
    },
    meta: {
      title: 'About the table',
      ruleSet: 'Rule set',
      tablesVersion: 'Tables version',
      vintage: 'Population figures from',
      vintageUnknown: 'Unknown',
      revision: 'Revision',
      releasedAt: 'Released',
      unit: 'Unit',
    },
    release: {
      title: 'Release a period',
      intro:
        'Builds every table of an ended period, audits them (no hidden cell can be worked out) and freezes them. Releasing the period again makes a new revision with a change log.',
      period: 'Period',
      periodHelp: 'Half-year (2026H1) or year (2025). The period must have ended.',
      badPeriod: 'Write the period as 2026H1 or 2025.',
      submit: 'Release period',
      publishing: 'Releasing …',
      done: 'The period {{period}} is released (revision {{revision}}).',
      audit:
        'The audit ran {{rounds}} rounds and took {{actions}} actions. {{cells}} hidden cells were checked.',
      auditPassed: 'No hidden cell can be worked out.',
      auditFailed: 'The audit did not pass.',
      actions: 'Actions of the audit',
      action: {
        secondary: 'Hid one more cell in {{table}}',
        coarsen: 'Merged values in {{table}}',
        'totals-only': 'Released only the totals of {{table}}',
      },
      problem: {
        'release-unchanged': 'Nothing has changed since the latest revision.',
        'release-audit-failed':
          'The check of hidden cells did not pass. Nothing was published; check the imported populations and events.',
        'period-not-ended': 'The period has not ended yet.',
        'release-conflict': 'Someone else released the period at the same time. Reload the page.',
        'trend-filter-refused': 'The period cannot be released like this.',
      },
    },
    releases: {
      title: 'Released periods',
      period: 'Period',
      revision: 'Revision',
      releasedAt: 'Released',
      by: 'By',
      audit: 'Audit before release',
    },
    pulls: {
      title: 'Pull log',
      intro: 'Every pull of a table, by police systems or by people of the unit.',
      empty: 'Nobody has pulled the tables yet.',
      when: 'When',
      who: 'Pulled by',
      table: 'Table',
      period: 'Period',
      revision: 'Revision',
      cells: 'Cells released',
      format: 'Format',
    },
  },
};
