/** Consent room: what the consent pages need of a case, read from the case view (each item of
 * which is either shown with its access or withheld — a withheld item gives nothing here). */
import type { CaseFacts, CaseRead } from './types';

export function caseFacts(view: CaseRead, myPersonId: string | null | undefined): CaseFacts {
  const identity = view.subject.identity;
  const guardians = view.subject.guardians;
  const team = view.team.flatMap((m) =>
    m.organisationId
      ? [
          {
            organisationId: m.organisationId,
            role: m.role,
            isMe: Boolean(myPersonId) && !m.member.withheld && m.member.personId === myPersonId,
          },
        ]
      : [],
  );
  return {
    id: view.id,
    reference: view.reference,
    birthDate: identity.withheld ? null : identity.birthDate,
    guardians: guardians.withheld
      ? []
      : guardians.items.map((g) => ({
          id: g.id,
          name: g.name,
          parentalResponsibility: g.parentalResponsibility,
        })),
    team,
    myOrganisationId: view.myOrganisationId,
    iAmLead: view.myRole === 'lead',
  };
}
