/** Organisation context: the contract's types and enum values under their domain names. */
import type { components } from '../../api/schema';

export { bodyRoleValues as BODY_ROLES, levelValues as LEVELS } from '../../api/schema';
export { organisationTypeValues as ORGANISATION_TYPES } from '../../api/schema';

type S = components['schemas'];
export type Body = S['BodyRead'];
export type BodyCreate = S['BodyCreate'];
export type BodyUpdate = S['BodyUpdate'];
export type BodyRole = S['BodyRole'];
export type Level = S['Level'];
export type Membership = S['MembershipRead'];
export type MembershipCreate = S['MembershipCreate'];
export type MembershipUpdate = S['MembershipUpdate'];
export type Organisation = S['OrganisationRead'];
export type OrganisationCreate = S['OrganisationCreate'];
export type OrganisationUpdate = S['OrganisationUpdate'];
export type OrganisationType = S['OrganisationType'];
export type Person = S['PersonRead'];
export type PersonCreate = S['PersonCreate'];
export type PersonUpdate = S['PersonUpdate'];
export type Health = S['HealthRead'];
export type HealthCheck = S['HealthCheckRead'];
export type Picture = S['PictureRead'];
export type BodySummary = S['BodySummaryRead'];
export type Establishment = S['EstablishmentRead'];
export type EstablishmentUpdate = S['EstablishmentUpdate'];
