/** Meetings: person names for the ids meetings carry (owners, attendees), from the organisation's
 * person registry (one cached read). */
import { useAllPersons } from '../organisation/api';

export function usePersonNames(): (id: string | null | undefined) => string {
  const persons = useAllPersons();
  const names = new Map((persons.data?.items ?? []).map((p) => [p.id, p.name]));
  return (id) => (id ? (names.get(id) ?? '') : '');
}
