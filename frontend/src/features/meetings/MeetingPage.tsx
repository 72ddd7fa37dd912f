/** Meetings: one meeting — its details and status, the agenda, attendance and quorum, the minutes,
 * approval with versions, and distribution. */
import { Link as DsLink, Paragraph } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useMeeting } from './api';
import { AgendaBuilder } from './agenda/AgendaBuilder';
import { ApprovalSection } from './meeting/Approval';
import { AttendanceSection } from './meeting/Attendance';
import { StatusActions } from './meeting/StatusActions';
import { MinutesSection } from './minutes/MinutesSection';
import { MeetingWhere } from './MeetingsPage';
import { StatusTag } from './StatusTag';
import { osloDate, osloTime } from './lib/calendar';
import { canManageMeetings, isBodyMember } from './permissions';
import { EDITABLE } from './types';
import { useMe } from '../../auth/session';
import { formatLongDate } from '../../i18n/format';
import { useBody } from '../organisation/api';
import { Flash } from '../shared/Flash';
import { PageHeading } from '../shared/PageHeading';
import { ArchiveBadge } from '../archive/ArchiveBadge';
import { LoadError, Loading } from '../shared/States';
import './meetings.css';

export default function MeetingPage() {
  const { id = '' } = useParams();
  const { t, i18n } = useTranslation();
  const me = useMe();
  const meeting = useMeeting(id);
  const body = useBody(meeting.data?.bodyId);
  if (meeting.isPending) return <Loading />;
  if (meeting.isError)
    return (
      <LoadError
        error={meeting.error}
        onRetry={() => void meeting.refetch()}
        back="/moter"
        backLabel={t('meetings.backToList')}
      />
    );
  const m = meeting.data;
  const date = osloDate(m.startsAt);
  const manager = canManageMeetings(me, m.bodyId);
  const member = isBodyMember(me, m.bodyId);
  const chair = me.bodyRoles.some((br) => br.bodyId === m.bodyId && br.role === 'chair');
  const editable = manager && EDITABLE.includes(m.status);
  const bodyName = body.data?.name ?? '';
  return (
    <div className="stack">
      <PageHeading>
        {t('meeting.heading', { body: bodyName, date: formatLongDate(date, i18n.language) })}
      </PageHeading>
      <ArchiveBadge
        kind="minutes"
        recordId={m.id}
        enabled={m.status === 'minutes_approved' || m.status === 'distributed'}
      />
      <Flash />
      <DsLink asChild>
        <Link to={`/moter?organ=${m.bodyId}&aar=${date.slice(0, 4)}`}>
          {t('meetings.backToList')}
        </Link>
      </DsLink>
      <dl className="facts">
        <dt>{t('meetings.statusLabel')}</dt>
        <dd>
          <StatusTag status={m.status} />
        </dd>
        <dt>{t('meetings.when')}</dt>
        <dd>
          {t('meetings.whenValue', {
            date: formatLongDate(date, i18n.language),
            from: osloTime(m.startsAt),
            to: osloTime(m.endsAt),
          })}
        </dd>
        <dt>{t('meetings.where')}</dt>
        <dd>
          <MeetingWhere meeting={m} />
          {m.link ? (
            <>
              {' '}
              <DsLink href={m.link}>{m.link}</DsLink>
            </>
          ) : null}
        </dd>
        <dt>{t('meetings.docStatusLabel')}</dt>
        <dd>
          {t(`meetings.docStatus.${m.documentationStatus}`)}
          {m.archiveWorthy ? ` · ${t('meetings.archiveWorthy')}` : ''}
        </dd>
      </dl>
      {m.status === 'cancelled' && m.cancelReason ? (
        <Paragraph>{t('meeting.cancelledBecause', { reason: m.cancelReason })}</Paragraph>
      ) : null}
      {manager ? <StatusActions meeting={m} /> : null}
      <AgendaBuilder meetingId={m.id} editable={editable} />
      {m.status !== 'cancelled' ? <AttendanceSection meeting={m} editable={editable} /> : null}
      <MinutesSection meeting={m} manager={manager} member={member} />
      <ApprovalSection meeting={m} manager={manager} chair={chair} member={member} />
    </div>
  );
}
