/** Shared: form checks from the contract's field limits (src/api/limits.gen.ts), never hand-kept. */
import type { TFunction } from 'i18next';
import { limits, type Limits } from '../../../api/limits.gen';
import type { components } from '../../../api/schema';

export interface FieldLimit {
  readonly required?: boolean;
  readonly minimum?: number;
  readonly maximum?: number;
  readonly minLength?: number;
  readonly maxLength?: number;
  readonly pattern?: string;
  readonly minItems?: number;
  readonly maxItems?: number;
}

/** The contract's limits for one field of a request body ({} when it sets none). */
export function limitOf<B extends keyof Limits>(
  body: B,
  field: keyof components['schemas'][B] & string,
): FieldLimit {
  return (limits[body] as Readonly<Record<string, FieldLimit>>)[field] ?? {};
}

/** Text: filled in when the contract requires it, no longer than it allows. */
export function textError(value: string, limit: FieldLimit, t: TFunction): string | undefined {
  if (!value.trim()) {
    return limit.required || (limit.minLength ?? 0) > 0 ? t('validation.required') : undefined;
  }
  if (limit.maxLength !== undefined && value.length > limit.maxLength)
    return t('validation.maxLength', { max: limit.maxLength });
  return undefined;
}

/** Whether a value fits the contract's pattern (true when it sets none). */
export function fitsPattern(value: string, limit: FieldLimit): boolean {
  return limit.pattern === undefined || new RegExp(limit.pattern).test(value);
}

/** A whole number within the contract's minimum and maximum; empty is fine unless required. */
export function wholeNumberError(
  value: string,
  limit: FieldLimit,
  t: TFunction,
): string | undefined {
  if (!value.trim()) return limit.required ? t('validation.required') : undefined;
  const n = Number(value);
  const { minimum: min, maximum: max } = limit;
  if (Number.isInteger(n) && (min === undefined || n >= min) && (max === undefined || n <= max))
    return undefined;
  if (min !== undefined && max !== undefined) return t('validation.wholeNumber', { min, max });
  if (min !== undefined) return t('serverError.at-least', { min });
  if (max !== undefined) return t('serverError.at-most', { max });
  return t('serverError.integer');
}
