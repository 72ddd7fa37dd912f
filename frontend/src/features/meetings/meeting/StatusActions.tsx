/** Meetings: what moves a meeting on from where it is — hold, cancel with a reason, start minutes. */
import { Button, Paragraph } from '@digdir/designsystemet-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCancelMeeting, useHoldMeeting, useStartMinutes } from '../api';
import type { Meeting } from '../types';
import { ifMatch } from '../../../api/etag';
import { ApiError, problemText } from '../../../api/problem';
import { useAnnounce } from '../../shared/Announcer';
import { FormActions, FormError, TextInput } from '../../shared/form/fields';
import { limitOf, textError } from '../../shared/form/limits';
import { useForm } from '../../shared/form/useForm';
import { Link } from 'react-router';

/** A failed change in the user's language (the problem type's text). */
export function meetingErrorText(err: unknown, t: ReturnType<typeof useTranslation>['t']): string {
  if (!(err instanceof ApiError)) return t('problem.generic');
  return problemText(err.problem, t);
}

function CancelForm({ meeting, onDone }: { meeting: Meeting; onDone: () => void }) {
  const { t } = useTranslation();
  const announce = useAnnounce();
  const cancel = useCancelMeeting();
  const form = useForm<{ reason: string }>({
    formId: 'meeting-cancel',
    persistDraft: false,
    initial: { reason: '' },
    validate: (v) => ({ reason: textError(v.reason, limitOf('MeetingCancel', 'reason'), t) }),
  });
  return (
    <form
      className="form inline-form"
      noValidate
      aria-label={t('meeting.cancel')}
      onSubmit={form.handleSubmit(async (v) => {
        await cancel.mutateAsync({
          params: { path: { id: meeting.id }, header: ifMatch(meeting.version) },
          body: { reason: v.reason.trim() },
        });
        announce(t('meeting.cancelled'));
        onDone();
      })}
    >
      <FormError message={form.formError} />
      <TextInput form={form} name="reason" label={t('meeting.cancelReason')} required />
      <FormActions>
        <Button type="submit" data-color="danger" disabled={form.status === 'submitting'}>
          {t('meeting.confirmCancel')}
        </Button>
        <Button type="button" variant="secondary" onClick={onDone}>
          {t('form.cancel')}
        </Button>
      </FormActions>
    </form>
  );
}

export function StatusActions({ meeting }: { meeting: Meeting }) {
  const { t } = useTranslation();
  const announce = useAnnounce();
  const hold = useHoldMeeting();
  const start = useStartMinutes();
  const [cancelling, setCancelling] = useState(false);
  const [error, setError] = useState<string>();
  const header = { params: { path: { id: meeting.id }, header: ifMatch(meeting.version) } };
  const run = (call: Promise<unknown>, done: string) => {
    setError(undefined);
    call.then(() => announce(done)).catch((err: unknown) => setError(meetingErrorText(err, t)));
  };
  const [now] = useState(() => Date.now());
  const begun = new Date(meeting.startsAt).getTime() <= now;
  return (
    <div className="stack" data-testid="status-actions">
      <FormError message={error} />
      {meeting.status === 'planned' && !cancelling ? (
        <>
          <div className="row">
            <Button
              disabled={hold.isPending}
              onClick={() => run(hold.mutateAsync(header), t('meeting.held'))}
            >
              {t('meeting.hold')}
            </Button>
            <Button asChild variant="secondary">
              <Link to={`/moter/${meeting.id}/rediger`}>{t('meeting.edit')}</Link>
            </Button>
            <Button variant="tertiary" onClick={() => setCancelling(true)}>
              {t('meeting.cancel')}
            </Button>
          </div>
          {begun ? null : (
            <Paragraph data-size="sm" className="muted">
              {t('meeting.holdHelp')}
            </Paragraph>
          )}
        </>
      ) : null}
      {meeting.status === 'planned' && cancelling ? (
        <CancelForm meeting={meeting} onDone={() => setCancelling(false)} />
      ) : null}
      {meeting.status === 'held' ? (
        <div className="row">
          <Button
            disabled={start.isPending}
            onClick={() => run(start.mutateAsync(header), t('meeting.minutesStarted'))}
          >
            {t('meeting.startMinutes')}
          </Button>
        </div>
      ) : null}
    </div>
  );
}
