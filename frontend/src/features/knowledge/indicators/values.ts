/** Knowledge room: the indicator form's values, their checks (limits from the contract) and the
 * body they become. */
import type { TFunction } from 'i18next';
import type { FieldErrors } from '../../../api/problem';
import { fitsPattern, limitOf, textError } from '../../shared/form/limits';
import type { Indicator } from '../types';

export interface IndicatorValues {
  code: string;
  name: string;
  source: string;
  category: string;
  measureUnit: string;
  factors: string[];
  description: string;
  /** '' (not stated), 'higher' or 'lower'. */
  direction: string;
}

export function initialValues(i?: Indicator): IndicatorValues {
  return {
    code: i?.code ?? '',
    name: i?.name ?? '',
    source: i?.source ?? '',
    category: i?.category ?? '',
    measureUnit: i?.measureUnit ?? '',
    factors: i?.factors ?? [],
    description: i?.description ?? '',
    direction: i?.higherIsBetter === true ? 'higher' : i?.higherIsBetter === false ? 'lower' : '',
  };
}

export function validateIndicator(v: IndicatorValues, t: TFunction): FieldErrors {
  const code = limitOf('IndicatorCreate', 'code');
  const errors: FieldErrors = {
    code:
      textError(v.code, code, t) ??
      (fitsPattern(v.code, code) ? undefined : t('knowledge.indicators.codePattern')),
    name: textError(v.name, limitOf('IndicatorCreate', 'name'), t),
    source: v.source ? undefined : t('validation.required'),
    category: v.category ? undefined : t('validation.required'),
    measureUnit: v.measureUnit ? undefined : t('validation.required'),
    description: textError(v.description, limitOf('IndicatorCreate', 'description'), t),
  };
  const max = limitOf('IndicatorCreate', 'factors').maxItems;
  if (max !== undefined && v.factors.length > max)
    errors.factors = t('knowledge.indicators.tooManyFactors', { max });
  return errors;
}

export function toBody(v: IndicatorValues) {
  return {
    code: v.code.trim(),
    name: v.name.trim(),
    source: v.source as Indicator['source'],
    category: v.category as Indicator['category'],
    measureUnit: v.measureUnit as Indicator['measureUnit'],
    factors: v.factors,
    description: v.description.trim() || null,
    higherIsBetter: v.direction === 'higher' ? true : v.direction === 'lower' ? false : null,
  };
}
