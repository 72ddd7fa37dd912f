import { useCallback, useEffect, useLayoutEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'react-router';
import {
  ApiError,
  fieldErrorText,
  problemFieldErrors,
  problemText,
  type FieldErrors,
} from '../../../api/problem';
import { discardDraft, draftKey, peekDraft, registerDraft } from '../../../lib/drafts';

export type Validate<V> = (values: V) => FieldErrors;

export interface FormOptions<V> {
  /** Unique per route; used for element ids and the draft key. */
  formId: string;
  initial: V;
  validate: Validate<V>;
  /** Keep what was typed across a re-login (default true). */
  persistDraft?: boolean;
}

export type FormStatus = 'idle' | 'submitting' | 'conflict' | 'saved';

export interface FormApi<V> {
  formId: string;
  values: V;
  set: <K extends keyof V>(name: K, value: V[K]) => void;
  /** The message to show beside a field: server error first, then client validation once touched. */
  errorFor: (name: keyof V & string) => string | undefined;
  /** Every message currently shown, for the error summary. */
  visibleErrors: () => [string, string][];
  fieldId: (name: string) => string;
  formError: string | undefined;
  status: FormStatus;
  restored: boolean;
  dirty: boolean;
  submitCount: number;
  handleSubmit: (onValid: (values: V) => Promise<void>) => (e?: FormEvent) => Promise<void>;
  reset: (values: V) => void;
}

/**
 * Form state that validates as you type, maps the server's problem+json field errors beside the
 * fields, recognises a 412 (someone else saved first) and keeps a draft for a re-login.
 */
export function useForm<V extends object>(opts: FormOptions<V>): FormApi<V> {
  const { formId, validate, persistDraft = true } = opts;
  const location = useLocation();
  const { t } = useTranslation();
  const key = draftKey(location.pathname, formId);
  const [draft] = useState(() => (persistDraft ? peekDraft<Partial<V>>(key) : undefined));
  const [values, setValues] = useState<V>(() => ({ ...opts.initial, ...(draft ?? {}) }));
  const [touched, setTouched] = useState<Partial<Record<string, boolean>>>({});
  const [serverErrors, setServerErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | undefined>();
  const [status, setStatus] = useState<FormStatus>('idle');
  const [dirty, setDirty] = useState(Boolean(draft));
  const [submitCount, setSubmitCount] = useState(0);
  const latest = useRef({ values, dirty });
  useLayoutEffect(() => {
    latest.current = { values, dirty };
  }, [values, dirty]);

  useEffect(() => {
    if (draft) discardDraft(key);
  }, [draft, key]);

  useEffect(() => {
    if (!persistDraft) return undefined;
    return registerDraft(key, () => (latest.current.dirty ? latest.current.values : undefined));
  }, [key, persistDraft]);

  const clientErrors = validate(values);

  const set = useCallback(<K extends keyof V>(name: K, value: V[K]) => {
    setValues((prev) => ({ ...prev, [name]: value }));
    setTouched((prev) => ({ ...prev, [name as string]: true }));
    setServerErrors((prev) => {
      if (!(name in prev)) return prev;
      const next = { ...prev };
      delete next[name as string];
      return next;
    });
    setDirty(true);
    setStatus((s) => (s === 'saved' ? 'idle' : s));
  }, []);

  const errorFor = (name: keyof V & string): string | undefined => {
    if (serverErrors[name]) return serverErrors[name];
    if (touched[name] || submitCount > 0) return clientErrors[name];
    return undefined;
  };

  const fieldId = (name: string) => `${formId}-${name}`;

  const visibleErrors = (): [string, string][] => {
    const out: [string, string][] = [];
    const names = new Set([...Object.keys(values), ...Object.keys(serverErrors)]);
    for (const name of names) {
      if (name === '_form') continue;
      const msg = errorFor(name as keyof V & string);
      if (msg) out.push([name, msg]);
    }
    return out;
  };

  const handleSubmit = (onValid: (v: V) => Promise<void>) => async (e?: FormEvent) => {
    e?.preventDefault();
    setSubmitCount((n) => n + 1);
    setFormError(undefined);
    const errs = validate(values);
    if (Object.values(errs).some(Boolean)) return;
    setStatus('submitting');
    try {
      await onValid(values);
      setDirty(false);
      setServerErrors({});
      setStatus('saved');
    } catch (err) {
      if (err instanceof ApiError) {
        if (err.status === 412) {
          setStatus('conflict');
          return;
        }
        // Every code in the user's language; the server's English message is never shown.
        const fieldErrs = problemFieldErrors(err.problem, Object.keys(values), (fe) =>
          fieldErrorText(fe, t),
        );
        const { _form, ...rest } = fieldErrs;
        setServerErrors(rest);
        // Rule conflicts have their own problem type, worded in the user's language.
        setFormError(
          _form ?? (Object.keys(rest).length === 0 ? problemText(err.problem, t) : undefined),
        );
      } else {
        setFormError(t('problem.generic'));
      }
      setStatus('idle');
    }
  };

  const reset = useCallback((next: V) => {
    setValues(next);
    setTouched({});
    setServerErrors({});
    setFormError(undefined);
    setDirty(false);
    setSubmitCount(0);
    setStatus('idle');
  }, []);

  return {
    formId,
    values,
    set,
    errorFor,
    visibleErrors,
    fieldId,
    formError,
    status,
    restored: Boolean(draft),
    dirty,
    submitCount,
    handleSubmit,
    reset,
  };
}
