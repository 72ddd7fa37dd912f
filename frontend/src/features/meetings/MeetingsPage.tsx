/** Meetings: a body's meetings of a year, as a list or a month calendar. */
import {
  Button,
  Field,
  Label,
  Link as DsLink,
  Paragraph,
  Select,
  Table,
  ToggleGroup,
} from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { useMeetings } from './api';
import { MeetingCalendar } from './MeetingCalendar';
import { StatusTag } from './StatusTag';
import { osloDate, osloTime } from './lib/calendar';
import { canManageMeetings } from './permissions';
import type { Meeting } from './types';
import { useMe } from '../../auth/session';
import { formatDate, formatNumber, todayIso } from '../../i18n/format';
import { useAllBodies } from '../organisation/api';
import { Flash } from '../shared/Flash';
import { PageHeading } from '../shared/PageHeading';
import { Empty, ErrorState, Loading } from '../shared/States';
import './meetings.css';

type View = 'list' | 'calendar';

export function MeetingWhere({ meeting }: { meeting: Meeting }) {
  const { t } = useTranslation();
  if (meeting.place && meeting.link) return <>{`${meeting.place} · ${t('meetings.digital')}`}</>;
  return <>{meeting.place ?? t('meetings.digital')}</>;
}

function MeetingTable({ meetings }: { meetings: Meeting[] }) {
  const { t, i18n } = useTranslation();
  return (
    <div className="table-wrap">
      <Table data-testid="meetings" className="table-cards">
        <caption className="sr-only">{t('meetings.title')}</caption>
        <Table.Head>
          <Table.Row>
            <Table.HeaderCell>{t('meetings.when')}</Table.HeaderCell>
            <Table.HeaderCell>{t('meetings.where')}</Table.HeaderCell>
            <Table.HeaderCell>{t('meetings.statusLabel')}</Table.HeaderCell>
          </Table.Row>
        </Table.Head>
        <Table.Body>
          {meetings.map((m) => (
            <Table.Row key={m.id}>
              <Table.Cell data-label={t('meetings.when')}>
                <DsLink asChild>
                  <Link to={`/moter/${m.id}`}>
                    {t('meetings.whenValue', {
                      date: formatDate(osloDate(m.startsAt), i18n.language),
                      from: osloTime(m.startsAt),
                      to: osloTime(m.endsAt),
                    })}
                  </Link>
                </DsLink>
              </Table.Cell>
              <Table.Cell data-label={t('meetings.where')}>
                <MeetingWhere meeting={m} />
              </Table.Cell>
              <Table.Cell data-label={t('meetings.statusLabel')}>
                <StatusTag status={m.status} />
              </Table.Cell>
            </Table.Row>
          ))}
        </Table.Body>
      </Table>
    </div>
  );
}

export default function MeetingsPage() {
  const { t, i18n } = useTranslation();
  const me = useMe();
  const [params, setParams] = useSearchParams();
  const bodies = useAllBodies();
  const today = todayIso();
  const bodyId = params.get('organ') ?? '';
  const year = Number(params.get('aar') ?? today.slice(0, 4));
  const view: View = params.get('visning') === 'kalender' ? 'calendar' : 'list';
  const month = params.get('maaned') ?? `${year}-${today.slice(5, 7)}`;
  const meetings = useMeetings(bodyId, year);
  const set = (changes: Record<string, string>) => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(changes)) {
      if (v) next.set(k, v);
      else next.delete(k);
    }
    setParams(next, { replace: true });
  };
  const thisYear = Number(today.slice(0, 4));
  const years = [thisYear - 2, thisYear - 1, thisYear, thisYear + 1, thisYear + 2];
  const items = meetings.data?.items ?? [];

  return (
    <div className="stack">
      <div className="page-head">
        <PageHeading>{t('meetings.title')}</PageHeading>
        {bodyId && canManageMeetings(me, bodyId) ? (
          <Button asChild>
            <Link to={`/moter/ny?organ=${bodyId}`}>{t('meetings.newMeeting')}</Link>
          </Button>
        ) : null}
      </div>
      <Flash />
      <Paragraph>{t('meetings.intro')}</Paragraph>
      <div className="filters">
        <Field>
          <Label htmlFor="meetings-body">{t('meetings.body')}</Label>
          <Select
            id="meetings-body"
            value={bodyId}
            onChange={(e) => set({ organ: e.target.value })}
          >
            <Select.Option value="">{t('meetings.allBodies')}</Select.Option>
            {(bodies.data?.items ?? []).map((b) => (
              <Select.Option key={b.id} value={b.id}>
                {b.name}
              </Select.Option>
            ))}
          </Select>
        </Field>
        <Field>
          <Label htmlFor="meetings-year">{t('meetings.year')}</Label>
          <Select
            id="meetings-year"
            value={String(year)}
            onChange={(e) =>
              set({ aar: e.target.value, maaned: `${e.target.value}-${month.slice(5, 7)}` })
            }
          >
            {years.map((y) => (
              <Select.Option key={y} value={String(y)}>
                {String(y)}
              </Select.Option>
            ))}
          </Select>
        </Field>
        <ToggleGroup
          aria-label={t('meetings.view')}
          value={view}
          onChange={(v) => set({ visning: v === 'calendar' ? 'kalender' : '' })}
          data-size="sm"
        >
          <ToggleGroup.Item value="list">{t('meetings.list')}</ToggleGroup.Item>
          <ToggleGroup.Item value="calendar">{t('meetings.calendar')}</ToggleGroup.Item>
        </ToggleGroup>
      </div>
      {!bodyId ? <Empty>{t('meetings.chooseBody')}</Empty> : null}
      {bodyId && meetings.isPending ? <Loading /> : null}
      {meetings.isError ? (
        <ErrorState error={meetings.error} onRetry={() => void meetings.refetch()} />
      ) : null}
      {bodyId && meetings.data ? (
        <>
          <Paragraph data-size="sm" className="muted">
            {t('meetings.count', {
              count: items.length,
              formatted: formatNumber(items.length, i18n.language),
            })}
          </Paragraph>
          {view === 'calendar' ? (
            <MeetingCalendar
              month={month}
              meetings={items}
              onMonth={(m) => set({ maaned: m, aar: m.slice(0, 4) })}
            />
          ) : items.length === 0 ? (
            <Empty>{t('meetings.none')}</Empty>
          ) : (
            <MeetingTable meetings={items} />
          )}
        </>
      ) : null}
    </div>
  );
}
