/** Meetings: approval of the minutes (the chair, or a later meeting), the versions with their
 * correction reasons, and the distribution by e-mail with its result counts. */
import {
  Alert,
  Button,
  Field,
  Heading,
  Label,
  Paragraph,
  Select,
  Tag,
} from '@digdir/designsystemet-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CorrectionForm } from './Correction';
import { useApproveMinutes, useDistributeMinutes, useMeetings, useMinutesVersions } from '../api';
import { osloDate } from '../lib/calendar';
import type { Meeting } from '../types';
import { ifMatch } from '../../../api/etag';
import { ApiError, problemText } from '../../../api/problem';
import { formatDate } from '../../../i18n/format';
import { useAnnounce } from '../../shared/Announcer';
import { FormError } from '../../shared/form/fields';

function errorText(err: unknown, t: ReturnType<typeof useTranslation>['t']): string {
  if (!(err instanceof ApiError)) return t('problem.generic');
  if (err.status === 503) return t('distribution.unavailable');
  return problemText(err.problem, t);
}

function ApproveByChair({ meeting }: { meeting: Meeting }) {
  const { t } = useTranslation();
  const announce = useAnnounce();
  const approve = useApproveMinutes();
  const [confirming, setConfirming] = useState(false);
  const [error, setError] = useState<string>();
  return (
    <div className="stack">
      <Paragraph data-size="sm">{t('approval.approveHelp')}</Paragraph>
      <FormError message={error} />
      {confirming ? (
        <div className="stack" role="group" aria-label={t('approval.approve')}>
          <Paragraph>{t('approval.confirmApprove')}</Paragraph>
          <div className="row">
            <Button
              disabled={approve.isPending}
              onClick={() => {
                setError(undefined);
                approve
                  .mutateAsync({
                    params: { path: { id: meeting.id }, header: ifMatch(meeting.version) },
                    body: { kind: 'chair' },
                  })
                  .then(() => {
                    announce(t('approval.approved'));
                    setConfirming(false);
                  })
                  .catch((err: unknown) => setError(errorText(err, t)));
              }}
            >
              {t('approval.approve')}
            </Button>
            <Button variant="secondary" onClick={() => setConfirming(false)}>
              {t('form.cancel')}
            </Button>
          </div>
        </div>
      ) : (
        <div className="row">
          <Button onClick={() => setConfirming(true)}>{t('approval.approve')}</Button>
        </div>
      )}
    </div>
  );
}

/** A later, held meeting of the same body approved the minutes: record which one. */
function ApproveAtNextMeeting({ meeting }: { meeting: Meeting }) {
  const { t, i18n } = useTranslation();
  const announce = useAnnounce();
  const approve = useApproveMinutes();
  const later = useMeetings(meeting.bodyId, Number(osloDate(meeting.startsAt).slice(0, 4)));
  const nextYear = useMeetings(meeting.bodyId, Number(osloDate(meeting.startsAt).slice(0, 4)) + 1);
  const [chosen, setChosen] = useState('');
  const [error, setError] = useState<string>();
  const candidates = [...(later.data?.items ?? []), ...(nextYear.data?.items ?? [])].filter(
    (m) =>
      m.startsAt > meeting.startsAt &&
      ['held', 'minutes_draft', 'minutes_approved', 'distributed'].includes(m.status),
  );
  if (candidates.length === 0) return null;
  return (
    <div className="stack">
      <Heading level={3} data-size="2xs">
        {t('approval.nextMeeting')}
      </Heading>
      <FormError message={error} />
      <div className="row">
        <Field>
          <Label htmlFor="approving-meeting">{t('approval.approvingMeeting')}</Label>
          <Select id="approving-meeting" value={chosen} onChange={(e) => setChosen(e.target.value)}>
            <Select.Option value="">{t('form.choose')}</Select.Option>
            {candidates.map((m) => (
              <Select.Option key={m.id} value={m.id}>
                {formatDate(osloDate(m.startsAt), i18n.language)}
              </Select.Option>
            ))}
          </Select>
        </Field>
        <Button
          variant="secondary"
          disabled={!chosen || approve.isPending}
          onClick={() => {
            setError(undefined);
            approve
              .mutateAsync({
                params: { path: { id: meeting.id }, header: ifMatch(meeting.version) },
                body: { kind: 'next_meeting', approvingMeetingId: chosen },
              })
              .then(() => announce(t('approval.approved')))
              .catch((err: unknown) => setError(errorText(err, t)));
          }}
        >
          {t('approval.approveAtNext')}
        </Button>
      </div>
    </div>
  );
}

function Versions({
  meeting,
  chair,
  member,
}: {
  meeting: Meeting;
  chair: boolean;
  member: boolean;
}) {
  const { t, i18n } = useTranslation();
  const versions = useMinutesVersions(meeting.id, true);
  const [correcting, setCorrecting] = useState(false);
  const list = versions.data ?? [];
  const approved = meeting.status === 'minutes_approved' || meeting.status === 'distributed';
  return (
    <div className="stack" data-testid="versions">
      <Heading level={3} data-size="xs">
        {t('approval.versions')}
      </Heading>
      <ol className="action-list">
        {list.map((v) => (
          <li key={v.id} data-testid="minutes-version">
            <strong>{t('approval.version', { number: v.number })}</strong>
            <span>
              {v.number === 1
                ? t('approval.original')
                : t('approval.correction', { reason: v.correctionReason ?? '' })}
            </span>
            {v.approval ? (
              <Tag data-color="success" data-size="sm">
                {t('approval.approvedAt', {
                  date: formatDate(osloDate(v.approval.approvedAt), i18n.language),
                })}
              </Tag>
            ) : (
              <Tag data-color="neutral" data-size="sm">
                {t('approval.draft')}
              </Tag>
            )}
          </li>
        ))}
      </ol>
      {approved && chair && !correcting ? (
        <div className="row">
          <Button variant="secondary" onClick={() => setCorrecting(true)}>
            {t('approval.correct')}
          </Button>
        </div>
      ) : null}
      {approved && chair && correcting ? (
        <CorrectionForm
          meeting={meeting}
          current={list.at(-1)}
          member={member}
          onDone={() => setCorrecting(false)}
        />
      ) : null}
    </div>
  );
}

function Distribution({ meeting }: { meeting: Meeting }) {
  const { t } = useTranslation();
  const announce = useAnnounce();
  const distribute = useDistributeMinutes();
  const [error, setError] = useState<string>();
  const result = distribute.data;
  return (
    <div className="stack" data-testid="distribution">
      <Heading level={3} data-size="xs">
        {t('distribution.title')}
      </Heading>
      <Paragraph data-size="sm">{t('distribution.help')}</Paragraph>
      <FormError message={error} />
      {result ? (
        <Alert data-color="success" data-testid="distribution-result">
          <Paragraph>
            {t('distribution.result', {
              sent: result.sent,
              notReached: result.notReached.length,
              refused: result.refused,
            })}
          </Paragraph>
          {result.notReached.length > 0 ? (
            <ul>
              {result.notReached.map((n) => (
                <li key={n.personId}>
                  {`${n.name}: ${t(`distribution.unreached.${n.reason}`, { defaultValue: n.reason })}`}
                </li>
              ))}
            </ul>
          ) : null}
        </Alert>
      ) : null}
      {meeting.status === 'minutes_approved' ? (
        <div className="row">
          <Button
            disabled={distribute.isPending}
            onClick={() => {
              setError(undefined);
              distribute
                .mutateAsync({
                  params: { path: { id: meeting.id }, header: ifMatch(meeting.version) },
                })
                .then((r) =>
                  announce(
                    t('distribution.result', {
                      sent: r.sent,
                      notReached: r.notReached.length,
                      refused: r.refused,
                    }),
                  ),
                )
                .catch((err: unknown) => setError(errorText(err, t)));
            }}
          >
            {t('distribution.send')}
          </Button>
        </div>
      ) : null}
      {meeting.status === 'distributed' && !result ? (
        <Paragraph>{t('distribution.done')}</Paragraph>
      ) : null}
    </div>
  );
}

export function ApprovalSection({
  meeting,
  manager,
  chair,
  member,
}: {
  meeting: Meeting;
  manager: boolean;
  chair: boolean;
  member: boolean;
}) {
  const { t } = useTranslation();
  const started = ['minutes_draft', 'minutes_approved', 'distributed'].includes(meeting.status);
  if (!started) return null;
  return (
    <section aria-labelledby="approval-heading" className="stack" data-testid="approval">
      <Heading level={2} data-size="sm" id="approval-heading">
        {t('approval.title')}
      </Heading>
      {meeting.status === 'minutes_draft' && chair ? <ApproveByChair meeting={meeting} /> : null}
      {meeting.status === 'minutes_draft' && manager ? (
        <ApproveAtNextMeeting meeting={meeting} />
      ) : null}
      <Versions meeting={meeting} chair={chair} member={member} />
      {manager && meeting.status !== 'minutes_draft' ? <Distribution meeting={meeting} /> : null}
    </section>
  );
}
