/** Annual wheel room: choosing the year (previous, next, or from a list), kept in the address. */
import { Button, Field, Label, Select } from '@digdir/designsystemet-react';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';

export const YEAR_MIN = 2000;
export const YEAR_MAX = 2100;

/** The year in the address (?year=2027), else this year; out-of-range values give this year. */
export function parseYear(value: string | null, thisYear: number): number {
  const n = Number(value);
  return value && Number.isInteger(n) && n >= YEAR_MIN && n <= YEAR_MAX ? n : thisYear;
}

export function useYear(): [number, (year: number) => void] {
  const [params, setParams] = useSearchParams();
  const year = parseYear(params.get('year'), new Date().getFullYear());
  const set = (next: number) => {
    const p = new URLSearchParams(params);
    p.set('year', String(Math.min(YEAR_MAX, Math.max(YEAR_MIN, next))));
    setParams(p);
  };
  return [year, set];
}

export function YearPicker({ year, onChange }: { year: number; onChange: (y: number) => void }) {
  const { t } = useTranslation();
  const id = useId();
  const now = new Date().getFullYear();
  // A few years around this one and around the year shown (within the API's range).
  const around = (y: number) => [y - 2, y - 1, y, y + 1, y + 2];
  const years = Array.from(new Set([...around(now), ...around(year)]))
    .filter((y) => y >= YEAR_MIN && y <= YEAR_MAX)
    .sort((a, b) => a - b);
  return (
    <div className="wheel-year-picker">
      <Button
        variant="secondary"
        data-size="sm"
        disabled={year <= YEAR_MIN}
        onClick={() => onChange(year - 1)}
      >
        {t('wheel.previousYear')}
      </Button>
      <Field>
        <Label htmlFor={id}>{t('wheel.year')}</Label>
        <Select id={id} value={String(year)} onChange={(e) => onChange(Number(e.target.value))}>
          {years.map((y) => (
            <Select.Option key={y} value={String(y)}>
              {String(y)}
            </Select.Option>
          ))}
        </Select>
      </Field>
      <Button
        variant="secondary"
        data-size="sm"
        disabled={year >= YEAR_MAX}
        onClick={() => onChange(year + 1)}
      >
        {t('wheel.nextYear')}
      </Button>
    </div>
  );
}
