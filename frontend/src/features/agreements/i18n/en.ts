import type { DeepPartial } from '../../../i18n/types';
import type { agreementsNb } from './nb';

/** Agreements room, English. A key missing here falls back to bokmål. */
export const agreementsEn: DeepPartial<typeof agreementsNb> = {
  agreements: {
    nav: 'Agreements',
    title: 'Agreements',
    intro:
      'Cooperation agreements and police council agreements with parties, validity and the signed document. Agreements that expire soon are marked “Due for review”.',
    new: 'New agreement',
    newTitle: 'New agreement',
    create: 'Register agreement',
    back: 'Back to agreements',
    search: 'Search titles',
    empty: 'No agreements.',
    kindLabel: 'Kind of agreement',
    kind: { cooperation: 'Cooperation agreement', police_council: 'Police council agreement' },
    titleLabel: 'Title',
    parties: 'Parties',
    partiesHelp:
      'At least two organisations. A police council agreement is between the municipality and the police.',
    unknownParty: 'unknown party',
    signedOn: 'Signed',
    validUntil: 'Valid until',
    reviewOn: 'Review reminder',
    reviewHelp: 'Left empty, the reminder is set three months before the agreement expires.',
    statusLabel: 'Status',
    allStatuses: 'All',
    status: { active: 'Active', due_for_review: 'Due for review', expired: 'Expired' },
    documentationStatus: 'Documentation status',
    documentationStatusValue: {
      private_note: 'Private note',
      in_progress: 'In progress',
      final: 'Final',
    },
    archiveWorthy: 'Archive-worthy',
    archiveWorthyHelp: 'Agreements are archive-worthy unless you decide otherwise.',
    document: 'Signed document',
    noDocument: 'Not uploaded',
    download: 'Download',
    downloadNamed: 'Download {{name}}',
    size: '({{kb}} kB)',
    notPdfa:
      'The document is not PDF/A. The archive prefers PDF/A; upload a PDF/A version when you have one.',
    upload: {
      label: 'Choose a PDF file',
      help: 'The signed agreement as PDF, at most {{max}} MB.',
      submit: 'Upload',
      replace: 'Replace the document',
      choose: 'Choose a file first.',
      done: 'The document is uploaded.',
      tooLarge: 'The file is larger than {{max}} MB.',
      error: {
        'unsupported-media-type':
          'The file is not a (whole) PDF. Upload the signed agreement as PDF.',
        'empty-document': 'The file is empty.',
        'content-too-large': 'The file is larger than {{max}} MB.',
        'stale-version': 'Someone else changed the agreement meanwhile. Reload the page.',
        generic: 'The upload failed. Try again.',
      },
    },
    delete: 'Delete agreement',
    deleteQuestion: 'Delete “{{title}}” and its signed document?',
    deleteConfirm: 'Yes, delete',
    deleted: '“{{title}}” is deleted.',
    error: {
      tooFewParties: 'Choose at least {{min}} parties.',
      policeCouncilParties:
        'A police council agreement is between the municipality and the police.',
      validUntilAfterSigned: 'Valid until must be after the signing date.',
      reviewInPeriod: 'The reminder falls between signing and expiry.',
    },
  },
};
