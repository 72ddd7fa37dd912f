import { intlLocale } from './index';

/** A date-only ISO string (2025-03-01) as 01.03.2025 (nb/nn) — never shifted by time zones. */
export function formatDate(iso: string | null | undefined, lng: string): string {
  if (!iso) return '';
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  if (!m) return iso;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return new Intl.DateTimeFormat(intlLocale(lng), {
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(d);
}

export function formatLongDate(iso: string, lng: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  if (!m) return iso;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return new Intl.DateTimeFormat(intlLocale(lng), { dateStyle: 'long', timeZone: 'UTC' }).format(d);
}

/** An instant (ISO date-time) as a short date and time in the user's time zone. */
export function formatDateTime(iso: string | null | undefined, lng: string): string {
  if (!iso) return '';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return new Intl.DateTimeFormat(intlLocale(lng), {
    dateStyle: 'short',
    timeStyle: 'short',
  }).format(d);
}

export function formatNumber(n: number, lng: string, options?: Intl.NumberFormatOptions): string {
  return new Intl.NumberFormat(intlLocale(lng), options).format(n);
}

/** Today as an ISO date in the user's time zone. */
export function todayIso(now: Date = new Date()): string {
  const y = now.getFullYear();
  const m = String(now.getMonth() + 1).padStart(2, '0');
  const d = String(now.getDate()).padStart(2, '0');
  return `${y}-${m}-${d}`;
}
