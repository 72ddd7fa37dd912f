/** Measures room: a refused move in the user's language — every unmet precondition the server
 * names (its stable codes; the English `precondition` text is never shown). */
import type { TFunction } from 'i18next';
import { ApiError, problemCode, problemText } from '../../../api/problem';

export type Refusal =
  | { kind: 'preconditions'; messages: string[] }
  | { kind: 'stale' }
  | { kind: 'other'; message: string };

/** The codes of a 409 illegal-transition problem (empty for any other answer). */
export function preconditionCodes(err: unknown): string[] {
  if (!(err instanceof ApiError) || problemCode(err.problem) !== 'illegal-transition') return [];
  const codes = (err.problem as unknown as Record<string, unknown>).preconditionCodes;
  return Array.isArray(codes) ? codes.filter((c): c is string => typeof c === 'string') : [];
}

export function refusalOf(err: unknown, t: TFunction): Refusal {
  if (err instanceof ApiError && err.status === 412) return { kind: 'stale' };
  const codes = preconditionCodes(err);
  if (codes.length > 0)
    return {
      kind: 'preconditions',
      messages: codes.map((c) =>
        t(`measures.precondition.${c}`, { defaultValue: t('problem.generic') }),
      ),
    };
  if (err instanceof ApiError) {
    const code = problemCode(err.problem);
    return {
      kind: 'other',
      message: t(`measures.problem.${code}`, { defaultValue: problemText(err.problem, t) }),
    };
  }
  return { kind: 'other', message: t('problem.generic') };
}
