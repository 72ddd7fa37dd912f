/** Agreements room: the contract's types this feature reads and writes (generated schema). */
import { agreementKindValues, agreementStatusValues, type components } from '../../api/schema';

type S = components['schemas'];
export type Agreement = S['AgreementRead'];
export type AgreementKind = S['AgreementKind'];
export type AgreementStatus = S['AgreementStatus'];
export type DocumentationStatus = S['AgreementRead']['documentationStatus'];
export type OrganisationType = S['OrganisationType'];

export const AGREEMENT_KINDS = agreementKindValues;
export const AGREEMENT_STATUSES = agreementStatusValues;
export const DOCUMENTATION_STATUSES: readonly DocumentationStatus[] = [
  'private_note',
  'in_progress',
  'final',
];

/** The signed document's size limit, as the server holds it (ADR 0015). */
export const DOCUMENT_MAX_BYTES = 20 * 1024 * 1024;
