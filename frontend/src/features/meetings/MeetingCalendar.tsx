/** Meetings: a month as a calendar table (weeks as rows, Monday first), meetings as links per day. */
import { Button, Link as DsLink } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { monthGrid, osloDate, osloTime, shiftMonth } from './lib/calendar';
import type { Meeting } from './types';
import { intlLocale } from '../../i18n';
import { todayIso } from '../../i18n/format';

function monthName(month: string, lng: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return new Intl.DateTimeFormat(intlLocale(lng), {
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(new Date(Date.UTC(y, m - 1, 1)));
}

export function MeetingCalendar({
  month,
  meetings,
  onMonth,
}: {
  month: string;
  meetings: Meeting[];
  onMonth: (month: string) => void;
}) {
  const { t, i18n } = useTranslation();
  const weekdays = t('meetingCalendar.weekdays', { returnObjects: true }) as string[];
  const short = t('meetingCalendar.weekdaysShort', { returnObjects: true }) as string[];
  const byDay = new Map<string, Meeting[]>();
  for (const m of meetings) {
    const day = osloDate(m.startsAt);
    byDay.set(day, [...(byDay.get(day) ?? []), m]);
  }
  const today = todayIso();
  const name = monthName(month, i18n.language);
  return (
    <div className="stack">
      <div className="row">
        <Button variant="secondary" data-size="sm" onClick={() => onMonth(shiftMonth(month, -1))}>
          {t('meetingCalendar.previous')}
        </Button>
        <Button variant="tertiary" data-size="sm" onClick={() => onMonth(today.slice(0, 7))}>
          {t('meetingCalendar.today')}
        </Button>
        <Button variant="secondary" data-size="sm" onClick={() => onMonth(shiftMonth(month, 1))}>
          {t('meetingCalendar.next')}
        </Button>
      </div>
      <div className="table-wrap">
        <table className="meeting-calendar" data-testid="meeting-calendar">
          <caption aria-live="polite">{t('meetingCalendar.caption', { month: name })}</caption>
          <thead>
            <tr>
              {weekdays.map((d, i) => (
                <th key={d} scope="col" abbr={d}>
                  {short[i]}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {monthGrid(month).map((week) => (
              <tr key={week[0]?.iso}>
                {week.map((day) => {
                  const list = byDay.get(day.iso) ?? [];
                  return (
                    <td
                      key={day.iso}
                      data-outside={!day.inMonth || undefined}
                      data-today={day.iso === today || undefined}
                      aria-current={day.iso === today ? 'date' : undefined}
                    >
                      <span className="day-number">{Number(day.iso.slice(8))}</span>
                      {list.length > 0 ? (
                        <ul>
                          {list.map((m) => (
                            <li key={m.id}>
                              <DsLink asChild data-size="sm">
                                <Link to={`/moter/${m.id}`}>
                                  {`${osloTime(m.startsAt)} ${t(`meetings.status.${m.status}`)}`}
                                </Link>
                              </DsLink>
                            </li>
                          ))}
                        </ul>
                      ) : null}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
