/** Meetings: plan a meeting of a body, or move a planned one (time, place, link). */
import type { TFunction } from 'i18next';
import { Button, Paragraph } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import { useMeeting, usePlanMeeting, useUpdateMeeting } from './api';
import { fromInstant, toInstant } from './lib/calendar';
import { canManageMeetings } from './permissions';
import type { Meeting } from './types';
import type { FieldErrors } from '../../api/problem';
import { ifMatch } from '../../api/etag';
import { useMe } from '../../auth/session';
import { todayIso } from '../../i18n/format';
import { useAllBodies } from '../organisation/api';
import { useAnnounce } from '../shared/Announcer';
import { useFlashNavigate } from '../shared/Flash';
import { FormActions, FormNotices, SelectInput, TextInput } from '../shared/form/fields';
import { limitOf, textError } from '../shared/form/limits';
import { useForm } from '../shared/form/useForm';
import { PageHeading } from '../shared/PageHeading';
import { LoadError, Loading } from '../shared/States';

/** The form's fields carry the API's names, so the server's field errors land beside them. */
export interface MeetingValues {
  bodyId: string;
  date: string;
  startsAt: string;
  endsAt: string;
  place: string;
  link: string;
}

export function validateMeeting(v: MeetingValues, t: TFunction): FieldErrors {
  const e: FieldErrors = {};
  if (!v.bodyId) e.bodyId = t('validation.required');
  if (!v.date) e.date = t('validation.required');
  if (!v.startsAt) e.startsAt = t('validation.required');
  if (!v.endsAt) e.endsAt = t('validation.required');
  else if (v.startsAt && v.endsAt <= v.startsAt) e.endsAt = t('meetingForm.endBeforeStart');
  e.place = textError(v.place, limitOf('MeetingCreate', 'place'), t);
  e.link = textError(v.link, limitOf('MeetingCreate', 'link'), t);
  if (!e.place && !v.place.trim() && !v.link.trim()) e.place = t('meetingForm.placeOrLink');
  if (!e.link && v.link.trim() && !/^https:\/\/\S+$/.test(v.link.trim()))
    e.link = t('meetingForm.invalidLink');
  return e;
}

function MeetingForm({ meeting, initialBody }: { meeting?: Meeting; initialBody: string }) {
  const { t } = useTranslation();
  const me = useMe();
  const announce = useAnnounce();
  const go = useFlashNavigate();
  const plan = usePlanMeeting();
  const update = useUpdateMeeting();
  const loaded = useMeeting(meeting?.id);
  const bodies = useAllBodies();
  const start = meeting ? fromInstant(meeting.startsAt) : null;
  const end = meeting ? fromInstant(meeting.endsAt) : null;
  const labels = {
    bodyId: t('meetingForm.body'),
    date: t('meetingForm.date'),
    startsAt: t('meetingForm.startTime'),
    endsAt: t('meetingForm.endTime'),
    place: t('meetingForm.place'),
    link: t('meetingForm.link'),
  };
  const form = useForm<MeetingValues>({
    formId: meeting ? 'meeting-edit' : 'meeting-new',
    initial: {
      bodyId: meeting?.bodyId ?? initialBody,
      date: start?.date ?? todayIso(),
      startsAt: start?.time ?? '',
      endsAt: end?.time ?? '',
      place: meeting?.place ?? '',
      link: meeting?.link ?? '',
    },
    validate: (v) => validateMeeting(v, t),
  });
  const manageable = (bodies.data?.items ?? []).filter((b) => canManageMeetings(me, b.id));
  return (
    <form
      className="form"
      noValidate
      onSubmit={form.handleSubmit(async (v) => {
        const payload = {
          startsAt: toInstant(v.date, v.startsAt),
          endsAt: toInstant(v.date, v.endsAt),
          place: v.place.trim() || null,
          link: v.link.trim() || null,
        };
        const saved = meeting
          ? await update.mutateAsync({
              params: { path: { id: meeting.id }, header: ifMatch(meeting.version) },
              body: payload,
            })
          : await plan.mutateAsync({ body: { ...payload, bodyId: v.bodyId } });
        const message = meeting ? t('meetingForm.saved') : t('meetingForm.created');
        announce(message);
        go(`/moter/${saved.id}`, message);
      })}
    >
      <FormNotices form={form} labels={labels} onReload={() => void loaded.refetch()} />
      {meeting ? null : (
        <SelectInput
          form={form}
          name="bodyId"
          label={labels.bodyId}
          required
          emptyLabel={t('form.choose')}
          options={manageable.map((b) => ({ value: b.id, label: b.name }))}
        />
      )}
      <TextInput form={form} name="date" label={labels.date} type="date" required />
      <div className="row">
        <TextInput form={form} name="startsAt" label={labels.startsAt} type="time" required />
        <TextInput form={form} name="endsAt" label={labels.endsAt} type="time" required />
      </div>
      <TextInput
        form={form}
        name="place"
        label={labels.place}
        description={t('meetingForm.placeHelp')}
      />
      <TextInput
        form={form}
        name="link"
        label={labels.link}
        description={t('meetingForm.linkHelp')}
        type="url"
      />
      <FormActions>
        <Button type="submit" disabled={form.status === 'submitting'}>
          {meeting ? t('form.save') : t('meetingForm.create')}
        </Button>
        <Button asChild variant="secondary">
          <Link to={meeting ? `/moter/${meeting.id}` : `/moter?organ=${initialBody}`}>
            {t('form.cancel')}
          </Link>
        </Button>
      </FormActions>
    </form>
  );
}

export default function MeetingFormPage() {
  const { id } = useParams();
  const [params] = useSearchParams();
  const { t } = useTranslation();
  const me = useMe();
  const meeting = useMeeting(id);
  const title = id ? t('meetingForm.editTitle') : t('meetingForm.newTitle');
  const initialBody = params.get('organ') ?? '';
  if (id && meeting.isPending) return <Loading />;
  if (id && meeting.isError)
    return (
      <LoadError
        error={meeting.error}
        onRetry={() => void meeting.refetch()}
        back="/moter"
        backLabel={t('meetings.backToList')}
      />
    );
  const bodyId = meeting.data?.bodyId ?? initialBody;
  const allowed = bodyId
    ? canManageMeetings(me, bodyId)
    : me.roles.length > 0 || me.bodyRoles.length > 0;
  if (!allowed) {
    return (
      <div className="stack">
        <PageHeading>{title}</PageHeading>
        <Paragraph>{t('state.readOnly')}</Paragraph>
      </div>
    );
  }
  return (
    <div className="stack">
      <PageHeading>{title}</PageHeading>
      <Paragraph>{t('form.requiredHelp')}</Paragraph>
      <MeetingForm
        key={meeting.data?.version ?? 'new'}
        meeting={meeting.data}
        initialBody={initialBody}
      />
    </div>
  );
}
