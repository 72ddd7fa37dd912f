/** Cases room: refusals in the user's language — the cases problems (case-body-not-executive,
 * open-case-exists, last-lead, …) from this room's catalogue, every other one from the shared
 * words. A form shows a refusal beside itself; field errors (422) and a 412 stay the form's. */
import type { TFunction } from 'i18next';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, problemCode, problemText } from '../../api/problem';

export function caseProblemText(error: unknown, t: TFunction): string {
  if (!(error instanceof ApiError)) return t('problem.generic');
  const code = problemCode(error.problem);
  const own = t(`cases.error.${code}`, { defaultValue: '' });
  return own || problemText(error.problem, t);
}

/** A refusal the form shows itself (not a field error, not a 412 the form handles). */
export function isRefusal(error: unknown): boolean {
  return error instanceof ApiError && error.status !== 422 && error.status !== 412;
}

/** Runs a change; a refusal becomes `message` (worded), anything else is thrown on. */
export function useRefusal() {
  const { t } = useTranslation();
  const [message, setMessage] = useState<string>();
  async function guard(change: () => Promise<void>): Promise<void> {
    setMessage(undefined);
    try {
      await change();
    } catch (e) {
      if (!isRefusal(e)) throw e;
      setMessage(caseProblemText(e, t));
    }
  }
  return { message, guard };
}
