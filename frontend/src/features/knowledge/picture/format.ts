/** Knowledge room: an observation's value in the user's language, with its indicator's unit. */
import { formatNumber } from '../../../i18n/format';

export function formatValue(value: number, unit: string, lng: string): string {
  const n = formatNumber(value, lng, { maximumFractionDigits: 2 });
  if (unit === 'percent') return `${n} %`;
  if (unit === 'per_1000') return `${n} ‰`;
  return n;
}
