import type { components } from './schema';

type S = components['schemas'];
export type Me = S['MeRead'];
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
export type Unit = S['UnitRead'];

export const LEVELS: readonly Level[] = ['steering', 'coordinating', 'executive'];
export const BODY_ROLES: readonly BodyRole[] = [
  'chair',
  'deputy',
  'secretary',
  'member',
  'observer',
];
export const ORGANISATION_TYPES: readonly OrganisationType[] = [
  'school',
  'kindergarten',
  'educational_psychological_service',
  'child_welfare',
  'health_station',
  'school_health_service',
  'nav',
  'police',
  'mediation_service',
  'culture_and_leisure',
  'substance_use_and_mental_health',
  'refugee_service',
  'upper_secondary',
  'volunteer',
  'business',
  'faith_community',
  'municipal_administration',
  'other',
];
