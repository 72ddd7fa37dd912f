import type { Me } from '../api/types';

const ORGANISATION_EDITORS = new Set(['unit_admin', 'coordinator']);
const BODY_EDITOR_ROLES = new Set(['chair', 'secretary']);

/** unit_admin and coordinator edit the organisation: bodies, registries, every membership. */
export function canEditOrganisation(me: Me | null | undefined): boolean {
  return Boolean(me && me.kind === 'person' && me.roles.some((r) => ORGANISATION_EDITORS.has(r)));
}

/** A body's chair or secretary may edit that body's memberships, besides the editors above. */
export function canEditMemberships(me: Me | null | undefined, bodyId: string): boolean {
  if (canEditOrganisation(me)) return true;
  return Boolean(
    me?.bodyRoles.some((br) => br.bodyId === bodyId && BODY_EDITOR_ROLES.has(br.role)),
  );
}

/** Only a unit admin administers access (accounts, machine clients). */
export function canAdministerAccess(me: Me | null | undefined): boolean {
  return Boolean(me && me.kind === 'person' && me.roles.includes('unit_admin'));
}
