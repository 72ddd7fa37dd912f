import type { TFunction } from 'i18next';
import type { components } from './schema';

export type Problem = components['schemas']['Problem'];
export type ProblemFieldError = components['schemas']['ProblemFieldError'];

/**
 * A failed API call: the HTTP status and the RFC 9457 problem the server sent (or one made up).
 * It is itself a Problem, so the generated data layer's error type (the contract's problem+json)
 * describes what is really thrown.
 */
export class ApiError extends Error implements Problem {
  readonly status: number;
  readonly problem: Problem;
  readonly type: string;
  readonly title: string;
  readonly detail: string;
  readonly errors?: ProblemFieldError[];

  constructor(status: number, problem: Problem) {
    super(problem.detail || problem.title);
    this.name = 'ApiError';
    this.status = status;
    this.problem = problem;
    this.type = problem.type;
    this.title = problem.title;
    this.detail = problem.detail;
    if (problem.errors) this.errors = problem.errors;
  }

  /** 412: someone else saved a newer version since this one was read. */
  get isConflict(): boolean {
    return this.status === 412;
  }

  get isForbidden(): boolean {
    return this.status === 403;
  }

  get isNotFound(): boolean {
    return this.status === 404;
  }
}

export function isProblem(value: unknown): value is Problem {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return typeof v.type === 'string' && typeof v.status === 'number' && typeof v.title === 'string';
}

/** Turn whatever came back into an ApiError with a problem body. */
export function toApiError(status: number, body: unknown): ApiError {
  if (isProblem(body)) return new ApiError(status, { ...body, detail: body.detail ?? '' });
  return new ApiError(status, {
    type: 'about:blank',
    title: `HTTP ${status}`,
    status,
    detail: '',
  });
}

export type FieldErrors = Partial<Record<string, string>>;

/**
 * One field error in the user's language, from its stable code and parameters. The server's
 * English ``message`` is for developers and is never shown: an unknown code gets a generic text.
 */
export function fieldErrorText(e: ProblemFieldError, t: TFunction): string {
  if (e.field === 'If-Match') return t('serverError.ifMatch');
  const params = e.params ?? {};
  let key = e.code;
  if (key === 'out-of-range' && params.min === undefined) key = 'at-most';
  else if (key === 'out-of-range' && params.max === undefined) key = 'at-least';
  if (key === 'out-of-range' && params.min === undefined && params.max === undefined)
    key = 'invalid';
  return t(`serverError.${key}`, { ...params, defaultValue: t('serverError.generic') });
}

/** A problem without field errors (or with none the form can show) in the user's language. */
export function problemText(problem: Problem, t: TFunction): string {
  return t(`problem.${problemCode(problem)}`, { defaultValue: t('problem.generic') });
}

/**
 * The server's per-field errors keyed by the form field they belong to. Field names are the
 * request body's camelCase names; a nested path (``validTo.0``) is reduced to its first part.
 * Errors the form has no field for are returned under ``_form``.
 */
export function problemFieldErrors(
  problem: Problem | undefined | null,
  knownFields: readonly string[] | undefined,
  message: (e: ProblemFieldError) => string,
): FieldErrors {
  const out: FieldErrors = {};
  if (!problem?.errors) return out;
  for (const e of problem.errors) {
    const field = e.field.split('.')[0] ?? e.field;
    const key = knownFields && !knownFields.includes(field) ? '_form' : field;
    const text = message(e);
    out[key] = out[key] ? `${out[key]} ${text}` : text;
  }
  return out;
}

/** Problem type code, e.g. "validation-failed" from "/problems/validation-failed". */
export function problemCode(problem: Problem): string {
  const i = problem.type.lastIndexOf('/');
  return i >= 0 ? problem.type.slice(i + 1) : problem.type;
}
