/** Knowledge room: who may do what here (the server decides; the SPA hides what it would refuse). */
import type { Me } from '../../api/types';
import { canEditOrganisation } from '../../auth/permissions';

/** Indicators, imports, mappings and rollback: a coordinator or unit admin. */
export const canManageKnowledge = (me: Me | null | undefined) => canEditOrganisation(me);

const TREND_READERS = new Set(['police_contact', 'coordinator', 'unit_admin', 'steering_reader']);

/** The published TREND-A tables: police contact, coordinator, unit admin, steering reader. */
export function canReadTrends(me: Me | null | undefined): boolean {
  return Boolean(me && me.kind === 'person' && me.roles.some((r) => TREND_READERS.has(r)));
}
