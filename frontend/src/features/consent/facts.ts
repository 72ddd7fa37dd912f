/** Consent room: what the consent pages need of a case, read from the case view (each item of
 * which is either shown with its access or withheld — a withheld item gives nothing here). */
import type { CaseFacts } from './types';

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v: unknown): string | null => (typeof v === 'string' ? v : null);

/** A shown item's value (`{value: …}` or the fields themselves); null when withheld. */
export function shown(item: unknown): Obj | null {
  if (!isObj(item) || item.withheld === true) return null;
  return isObj(item.value) ? item.value : item;
}

function list(v: unknown): unknown[] {
  if (Array.isArray(v)) return v;
  const s = shown(v);
  if (s && Array.isArray(s.items)) return s.items;
  return [];
}

export function caseFacts(view: Obj, myPersonId: string | null | undefined): CaseFacts {
  const subjectView = shown(view.subject);
  // The subject's identity is its own item (`subject.identity`) or the subject's fields.
  const subject =
    subjectView && 'identity' in subjectView ? shown(subjectView.identity) : subjectView;
  const guardianItems = list(view.guardians).length
    ? list(view.guardians)
    : list(subjectView?.guardians);
  const guardians = guardianItems
    .map(shown)
    .filter((g): g is Obj => g !== null && typeof g.id === 'string')
    .map((g) => ({
      id: g.id as string,
      name: str(g.name) ?? '',
      parentalResponsibility: g.parentalResponsibility !== false,
    }));
  const members = list(view.team).length ? list(view.team) : list(view.members);
  const team = members
    .map(shown)
    .filter((m): m is Obj => m !== null && typeof m.organisationId === 'string')
    .map((m) => ({
      organisationId: m.organisationId as string,
      role: str(m.role) ?? 'member',
      isMe: Boolean(myPersonId) && (shown(m.member) ?? m).personId === myPersonId,
    }));
  const mine = team.find((m) => m.isMe);
  const role = str(view.myRole);
  return {
    id: str(view.id) ?? '',
    reference: str(view.reference) ?? '',
    birthDate: str(subject?.birthDate),
    guardians,
    team,
    myOrganisationId: mine?.organisationId ?? str(view.myOrganisationId),
    iAmLead: role === 'lead' || mine?.role === 'lead',
  };
}
