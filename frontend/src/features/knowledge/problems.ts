/** Knowledge room: a refused import call in the user's language (its stable problem code). */
import type { TFunction } from 'i18next';
import { ApiError, problemCode, problemText } from '../../api/problem';

export function importProblemText(err: unknown, t: TFunction): string {
  if (!(err instanceof ApiError)) return t('problem.generic');
  if (err.status === 412) return t('knowledge.imports.problem.stale');
  const code = problemCode(err.problem);
  return t(`knowledge.imports.problem.${code}`, { defaultValue: problemText(err.problem, t) });
}

export function importProblemCode(err: unknown): string | null {
  return err instanceof ApiError ? problemCode(err.problem) : null;
}
