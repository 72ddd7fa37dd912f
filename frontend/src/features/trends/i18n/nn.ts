/** Trends room, nynorsk: dei publiserte TREND-A-tabellane, publisering av ein periode og uttrekksloggen. */
import type { Exactly } from '../../../i18n/types';
import type { trendsNb } from './nb';

export const trendsNn: Exactly<typeof trendsNb> = {
  trends: {
    title: 'Trendar',
    intro:
      'Anonymiserte trendtabellar (TREND-A) som politiet hentar frå eininga. Tabellane tel born, ikkje hendingar, og ingen enkeltperson kan lesast ut av dei: små tal blir skjulte og alt blir runda av til næraste 5.',
    notAllowed:
      'Trendtabellane er for politikontakten, koordinator, einingsadministrator og styringsgruppa.',
    period: 'Periode',
    noReleases: 'Ingen periodar er publiserte enno.',
    table: {
      'offences-by-category': 'Born med lovbrot etter kategori',
      'offences-by-age': 'Born med lovbrot etter aldersgruppe',
      'offences-by-area': 'Born med lovbrot etter område',
      'child-welfare-concerns': 'Born med bekymringsmeldingar til barnevernet',
      'substance-treatment': 'Born i rusbehandling',
    },
    dimension: {
      municipality: 'Kommune',
      category: 'Kategori',
      age_band: 'Aldersgruppe',
      area: 'Område',
    },
    category: {
      violence: 'Vald',
      threats: 'Truslar',
      'drug-offence': 'Narkotikalovbrot',
      theft: 'Tjuveri',
      vandalism: 'Skadeverk',
      traffic: 'Trafikk',
      'other-offence': 'Andre lovbrot',
      'child-welfare-concern': 'Bekymringsmelding til barnevernet',
      'substance-treatment': 'Rusbehandling',
      other: 'Andre (slått saman)',
    },
    ageBand: {
      '10-13': '10–13 år',
      '14-15': '14–15 år',
      '16-17': '16–17 år',
      '18-24': '18–24 år',
      other: 'Andre (slått saman)',
    },
    municipality: 'Kommune {{number}}',
    restArea: 'Resten av {{municipality}}',
    count: 'Tal på born',
    total: 'Totalt',
    caption: '{{table}}, {{period}}',
    noCells: 'Tabellen har ingen celler for perioden.',
    legend: {
      title: 'Slik les du tabellen',
      suppressed:
        ': tyder at talet er skjult fordi det er mellom 1 og 7, eller fordi det kan avsløre eit skjult tal.',
      rounding:
        'Alle andre tal, også totalane, er runda av til næraste 5. Totalane er rekna av dei uavrunda tala, så dei stemmer ikkje alltid med summen av radene.',
      zero: '0 tyder at ingen born er talde.',
      series:
        'Ei rekkje der meir enn halvparten av dei siste fire periodane er skjulte, blir skjult heilt.',
    },
    flag: {
      primary: 'Skjult: 1–7 born',
      complement: 'Skjult: nesten alle i folkesetnaden',
      secondary: 'Skjult for å verne eit anna skjult tal',
      'series-hidden': 'Skjult: rekkja er for ofte skjult',
      'population-unknown': 'Skjult: folketalet er ukjent',
      coarsened: 'Slått saman med andre',
    },
    meta: {
      title: 'Om tabellen',
      ruleSet: 'Regelsett',
      tablesVersion: 'Tabellversjon',
      vintage: 'Folketal frå',
      vintageUnknown: 'Ukjent',
      revision: 'Revisjon',
      releasedAt: 'Publisert',
      unit: 'Eining',
    },
    release: {
      title: 'Publiser periode',
      intro:
        'Byggjer alle tabellane for ein avslutta periode, kontrollerer dei (inga skjult celle kan reknast ut) og frys dei. Blir perioden publisert på nytt, blir det ein ny revisjon med endringslogg.',
      period: 'Periode',
      periodHelp: 'Halvår (2026H1) eller år (2025). Perioden må vere avslutta.',
      badPeriod: 'Skriv perioden som 2026H1 eller 2025.',
      submit: 'Publiser periode',
      publishing: 'Publiserer …',
      done: 'Perioden {{period}} er publisert (revisjon {{revision}}).',
      audit:
        'Kontrollen brukte {{rounds}} rundar og gjorde {{actions}} tiltak. {{cells}} skjulte celler vart kontrollerte.',
      auditPassed: 'Inga skjult celle kan reknast ut.',
      auditFailed: 'Kontrollen stod ikkje.',
      actions: 'Tiltak i kontrollen',
      action: {
        secondary: 'Skjulte ei celle til i {{table}}',
        coarsen: 'Slo saman verdiar i {{table}}',
        'totals-only': 'Publiserte berre totalane for {{table}}',
      },
      problem: {
        'release-unchanged': 'Ingenting er endra sidan førre revisjon.',
        'release-audit-failed':
          'Kontrollen av skjulte celler gjekk ikkje gjennom. Ingenting vart publisert; sjekk importerte folketal og hendingar.',
        'period-not-ended': 'Perioden er ikkje avslutta enno.',
        'release-conflict': 'Nokon andre publiserte perioden samtidig. Oppdater sida.',
        'trend-filter-refused': 'Perioden kan ikkje publiserast slik.',
      },
    },
    revisions: {
      title: 'Revisjonar av perioden ({{count}})',
      heading: 'Revisjon {{revision}}: {{when}}, {{by}}',
      first: 'Første publisering av perioden.',
      none: 'Ingen publiserte verdiar endra seg.',
      changed: 'Endra celler: {{count}}',
      changedSome: 'Endra celler: {{count}} (dei første {{shown}} blir viste)',
      table: 'Tabell',
      cell: 'Celle',
      before: 'Før',
      after: 'Etter',
    },
    releases: {
      title: 'Publiserte periodar',
      period: 'Periode',
      revision: 'Revisjon',
      releasedAt: 'Publisert',
      by: 'Av',
      audit: 'Kontroll før publisering',
    },
    pulls: {
      title: 'Uttrekkslogg',
      intro: 'Kvar henting av ein tabell, av systema til politiet eller av personar i eininga.',
      empty: 'Ingen har henta tabellane enno.',
      when: 'Tidspunkt',
      who: 'Henta av',
      table: 'Tabell',
      period: 'Periode',
      revision: 'Revisjon',
      cells: 'Celler utleverte',
      format: 'Format',
    },
  },
};
