/** Measures room: who may do what here, as the server's policies say (the server decides; the
 * SPA only hides what would be refused). */
import type { Me } from '../../api/types';
import { canEditOrganisation } from '../../auth/permissions';
import type { Stage } from './types';

const RUNNING: readonly Stage[] = ['decided', 'active', 'evaluated', 'continued'];

interface Owned {
  stage: Stage;
  ownerId: string | null;
  proposedBy: string | null;
}

/** Coordinator or unit admin: transitions, plans, settings, delete. */
export const canManage = (me: Me | null | undefined) => canEditOrganisation(me);

/** Propose: a coordinator or unit admin, or anyone with a seat in a body. */
export function canPropose(me: Me | null | undefined): boolean {
  return canManage(me) || Boolean(me && me.kind === 'person' && me.bodyRoles.length > 0);
}

export function canEdit(me: Me | null | undefined, m: Owned): boolean {
  if (canManage(me)) return true;
  const person = me?.personId;
  if (!person) return false;
  if (m.stage === 'proposed' && m.proposedBy === person) return true;
  return RUNNING.includes(m.stage) && m.ownerId === person;
}

/** Progress notes, milestones and evaluations: a coordinator, unit admin or the owner. */
export function canFollowUp(me: Me | null | undefined, m: Owned): boolean {
  return canManage(me) || Boolean(me?.personId && m.ownerId === me.personId);
}
