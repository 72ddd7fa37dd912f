/** Cases room: what the SPA offers to whom (the server decides; this only hides what would be
 * refused). Who sees a case is the server's alone. */
import type { Me } from '../../api/types';

const SEATS = new Set(['chair', 'secretary', 'member']);

/** A unit admin is the access controller: break-glass reviews and the retention list. */
export function isAccessController(me: Me | null | undefined): boolean {
  return Boolean(me && me.kind === 'person' && me.roles.includes('unit_admin'));
}

/** Bodies where the person has a seat (chair, secretary, member): the candidates for a new case;
 * the server refuses any that is not executive. */
export function seatBodyIds(me: Me | null | undefined): string[] {
  return (me?.bodyRoles ?? []).filter((r) => SEATS.has(r.role)).map((r) => r.bodyId);
}
