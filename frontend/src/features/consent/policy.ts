/** Consent room: the consent policy's words mirrored for the wizard's explanations (who must
 * consent for this age and these sources, and why). The server decides; this only explains. */
import type { Regime } from './types';

/** Organisation type → source regime (policy data "2026-1"; everything else is SLT). */
const REGIME_OF_TYPE: Readonly<Record<string, Regime>> = {
  child_welfare: 'child_welfare',
  health_station: 'health',
  school_health_service: 'health',
  substance_use_and_mental_health: 'health',
  school: 'school',
  kindergarten: 'school',
  educational_psychological_service: 'school',
  upper_secondary: 'school',
  nav: 'nav',
  police: 'police',
};

export function regimeOf(organisationType: string): Regime {
  return REGIME_OF_TYPE[organisationType] ?? 'slt';
}

/** Whole years from `birthDate` to `on` (both ISO dates), or null when the birth date is unknown. */
export function ageOn(birthDate: string | null, on: string): number | null {
  if (!birthDate) return null;
  const [by, bm, bd] = birthDate.split('-').map(Number);
  const [y, m, d] = on.split('-').map(Number);
  if (!by || !bm || !bd || !y || !m || !d) return null;
  return y - by - (m < bm || (m === bm && d < bd) ? 1 : 0);
}

/** Why a party is (or is not) asked: each a key under `consent.why`. */
export type Why = 'adult' | 'health16' | 'childWelfare15' | 'guardiansUnder18' | 'childView';

export interface Required {
  subject: boolean;
  guardians: boolean;
  reasons: Why[];
  /** Guardians would be asked about health-sourced data of a child of 12 or more. */
  healthWarning: boolean;
}

/** Who must consent for these source regimes at this age (the union over the regimes). */
export function requiredParties(regimes: readonly Regime[], age: number | null): Required {
  const reasons = new Set<Why>();
  let subject = false;
  let guardians = false;
  const a = age ?? 0;
  for (const r of regimes.length ? regimes : (['slt'] as Regime[])) {
    if (a >= 18) {
      subject = true;
      reasons.add('adult');
    } else if (r === 'health' && a >= 16) {
      subject = true;
      reasons.add('health16');
    } else if (r === 'child_welfare' && a >= 15) {
      subject = true;
      guardians = true;
      reasons.add('childWelfare15');
    } else {
      guardians = true;
      reasons.add('guardiansUnder18');
    }
  }
  if (a < 18 && !subject) reasons.add('childView');
  const healthWarning = guardians && regimes.includes('health') && a >= 12 && a < 18;
  return { subject, guardians, reasons: [...reasons], healthWarning };
}
