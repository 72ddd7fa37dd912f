import type { DeepPartial } from '../../../i18n/types';
import type { agreementsNb } from './nb';

/** Agreements room, nynorsk. A key missing here falls back to bokmål. */
export const agreementsNn: DeepPartial<typeof agreementsNb> = {
  agreements: {
    nav: 'Avtalar',
    title: 'Avtalar',
    intro:
      'Samarbeidsavtalar og politirådsavtalar med partar, gyldigheit og signert dokument. Avtalar som snart går ut, er merkte «Skal reviderast».',
    new: 'Ny avtale',
    newTitle: 'Ny avtale',
    create: 'Registrer avtale',
    back: 'Tilbake til avtalar',
    search: 'Søk i tittel',
    empty: 'Ingen avtalar.',
    kindLabel: 'Type avtale',
    parties: 'Partar',
    partiesHelp:
      'Minst to organisasjonar. Ein politirådsavtale har kommunen og politiet som partar.',
    unknownParty: 'ukjend part',
    validUntil: 'Gyldig til',
    reviewOn: 'Påminning om revisjon',
    reviewHelp: 'Står feltet tomt, blir påminninga sett tre månader før avtalen går ut.',
    allStatuses: 'Alle',
    status: { active: 'Gjeldande', due_for_review: 'Skal reviderast', expired: 'Utgått' },
    documentationStatusValue: {
      private_note: 'Privat notat',
      in_progress: 'Under arbeid',
      final: 'Endeleg',
    },
    archiveWorthy: 'Arkivverdig',
    archiveWorthyHelp: 'Avtalar er arkivverdige med mindre du bestemmer noko anna.',
    noDocument: 'Ikkje lasta opp',
    download: 'Last ned',
    downloadNamed: 'Last ned {{name}}',
    size: '({{kb}} kB)',
    notPdfa:
      'Dokumentet er ikkje PDF/A. Arkivet føretrekkjer PDF/A; last gjerne opp ein PDF/A-versjon når du har han.',
    upload: {
      label: 'Vel PDF-fil',
      help: 'Den signerte avtalen som PDF, høgst {{max}} MB.',
      submit: 'Last opp',
      replace: 'Byt ut dokumentet',
      choose: 'Vel ei fil først.',
      done: 'Dokumentet er lasta opp.',
      tooLarge: 'Fila er større enn {{max}} MB.',
      error: {
        'unsupported-media-type':
          'Fila er ikkje ein (heil) PDF. Last opp den signerte avtalen som PDF.',
        'empty-document': 'Fila er tom.',
        'content-too-large': 'Fila er større enn {{max}} MB.',
        'stale-version': 'Nokon andre har endra avtalen i mellomtida. Last sida på nytt.',
        generic: 'Opplastinga mislukkast. Prøv igjen.',
      },
    },
    delete: 'Slett avtale',
    deleteQuestion: 'Slette «{{title}}» og det signerte dokumentet?',
    deleteConfirm: 'Ja, slett',
    deleted: '«{{title}}» er sletta.',
    error: {
      tooFewParties: 'Vel minst {{min}} partar.',
      policeCouncilParties: 'Ein politirådsavtale har kommunen og politiet som partar.',
      validUntilAfterSigned: 'Gyldig til må vere etter signeringsdatoen.',
      reviewInPeriod: 'Påminninga må liggje mellom signering og utløp.',
    },
  },
};
