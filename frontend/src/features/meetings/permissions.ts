/** Meetings: who the SPA offers which changes (the API decides again; see domain/meetings/policies.py). */
import type { Me } from '../../api/types';

const UNIT_MANAGERS = new Set(['unit_admin', 'coordinator']);
const BODY_MANAGERS = new Set(['chair', 'secretary']);

/** Plan meetings, keep agendas, attendance and minutes: coordinator, unit admin, chair, secretary. */
export function canManageMeetings(me: Me | null | undefined, bodyId: string): boolean {
  if (!me || me.kind !== 'person') return false;
  if (me.roles.some((r) => UNIT_MANAGERS.has(r))) return true;
  return me.bodyRoles.some((br) => br.bodyId === bodyId && BODY_MANAGERS.has(br.role));
}

/** Whether the person holds a seat on the body (the restricted layer is theirs to read). */
export function isBodyMember(me: Me | null | undefined, bodyId: string): boolean {
  return Boolean(me?.bodyRoles.some((br) => br.bodyId === bodyId));
}
