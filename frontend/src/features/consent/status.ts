/** Consent room: reading a consent as the server derived it — each party's latest event, who is
 * required, and the state per source regime (one state when every regime agrees). The server
 * derives a state for every regime; the ones that matter are those of the consent's sources. */
import type { Consent, ConsentEvent, ConsentState, Regime } from './types';

type Statuses = Consent['statuses'];

/** The statuses of the regimes the consent's source organisations belong to (all when unknown). */
export function relevant(c: Consent, regimes: ReadonlyMap<string, Regime>): Statuses {
  const mine = new Set(c.scope.sourceOrganisationIds.map((id) => regimes.get(id)));
  const chosen = c.statuses.filter((s) => mine.has(s.regime));
  return chosen.length ? chosen : c.statuses;
}

export function latestEvents(c: Consent): Map<string, ConsentEvent> {
  const latest = new Map<string, ConsentEvent>();
  for (const e of c.events) {
    const seen = latest.get(e.partyId);
    if (!seen || e.seq > seen.seq) latest.set(e.partyId, e);
  }
  return latest;
}

export function requiredIds(statuses: Statuses): Set<string> {
  return new Set(statuses.flatMap((s) => s.requiredPartyIds));
}

/** The states to show: one without a regime when all agree, else one per regime. */
export function statesOf(statuses: Statuses): { regime: Regime | null; state: ConsentState }[] {
  const states = new Set(statuses.map((s) => s.state));
  if (states.size <= 1) return [{ regime: null, state: statuses[0]?.state ?? 'pending' }];
  return statuses.map((s) => ({ regime: s.regime, state: s.state }));
}

export const needsRecollect = (statuses: Statuses) => statuses.some((s) => s.recollect);

/** Whether sharing has stopped for good in every regime (withdrawn or expired). */
export const stopped = (statuses: Statuses) =>
  statuses.length > 0 && statuses.every((s) => s.state === 'withdrawn' || s.state === 'expired');
