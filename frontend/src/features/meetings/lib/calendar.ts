/** Meetings: the month grid of the calendar view (weeks Monday first, days as ISO dates). */

export interface CalendarDay {
  iso: string;
  inMonth: boolean;
}

function iso(d: Date): string {
  const y = d.getUTCFullYear();
  const m = String(d.getUTCMonth() + 1).padStart(2, '0');
  const day = String(d.getUTCDate()).padStart(2, '0');
  return `${y}-${m}-${day}`;
}

/** "2026-11" → the weeks (Monday..Sunday) that cover that month, as ISO dates. */
export function monthGrid(month: string): CalendarDay[][] {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const first = new Date(Date.UTC(y, m - 1, 1));
  const offset = (first.getUTCDay() + 6) % 7; // Monday = 0
  const start = new Date(Date.UTC(y, m - 1, 1 - offset));
  const weeks: CalendarDay[][] = [];
  const cursor = new Date(start);
  do {
    const week: CalendarDay[] = [];
    for (let i = 0; i < 7; i++) {
      week.push({ iso: iso(cursor), inMonth: cursor.getUTCMonth() === m - 1 });
      cursor.setUTCDate(cursor.getUTCDate() + 1);
    }
    weeks.push(week);
  } while (cursor.getUTCMonth() === m - 1);
  return weeks;
}

/** The month before or after "2026-11" ("2026-10", "2026-12"). */
export function shiftMonth(month: string, by: number): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const d = new Date(Date.UTC(y, m - 1 + by, 1));
  return iso(d).slice(0, 7);
}

/** The Norwegian calendar date of an instant ("2026-03-04T17:30:00Z" → "2026-03-04"). */
export function osloDate(instant: string): string {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Europe/Oslo',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(new Date(instant));
  return parts;
}

/** The clock time in Norway ("18:30"). */
export function osloTime(instant: string): string {
  return new Intl.DateTimeFormat('nb-NO', {
    timeZone: 'Europe/Oslo',
    hour: '2-digit',
    minute: '2-digit',
  }).format(new Date(instant));
}

/** A local date and time from a form ("2026-03-04", "18:30") as an instant with its offset. */
export function toInstant(date: string, time: string): string {
  return new Date(`${date}T${time}`).toISOString();
}

/** An instant as the form's local date and time. */
export function fromInstant(instant: string): { date: string; time: string } {
  const d = new Date(instant);
  const pad = (n: number) => String(n).padStart(2, '0');
  return {
    date: `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`,
    time: `${pad(d.getHours())}:${pad(d.getMinutes())}`,
  };
}
