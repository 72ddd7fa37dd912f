/** Meetings: attendance (present, absent with or without notice, substitute for whom) and quorum. */
import {
  Alert,
  Button,
  Field,
  Heading,
  Label,
  Paragraph,
  Select,
  Table,
} from '@digdir/designsystemet-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAttendance, useQuorum, useRecordAttendance } from '../api';
import { osloDate } from '../lib/calendar';
import { usePersonNames } from '../people';
import { PRESENCES, type Attendance, type Meeting, type Presence } from '../types';
import { ApiError, problemText } from '../../../api/problem';
import { useAllOrganisations, useMemberships } from '../../organisation/api';
import { PersonField } from '../../organisation/PersonField';
import { useAnnounce } from '../../shared/Announcer';
import { FormActions, FormError, SelectInput } from '../../shared/form/fields';
import { useForm } from '../../shared/form/useForm';
import { ErrorState, Loading } from '../../shared/States';

function QuorumNotice({ meetingId }: { meetingId: string }) {
  const { t } = useTranslation();
  const quorum = useQuorum(meetingId);
  if (!quorum.data) return null;
  const q = quorum.data;
  const vars = { present: q.present, voting: q.votingMembers, required: q.required };
  const text =
    q.votingMembers === 0
      ? t('attendance.quorumNoMembers')
      : t(q.reached ? 'attendance.quorumReached' : 'attendance.quorumMissing', vars);
  return (
    <Alert data-color={q.reached ? 'success' : 'warning'} data-testid="quorum">
      <Heading level={3} data-size="2xs">
        {t('attendance.quorum')}
      </Heading>
      <Paragraph>{text}</Paragraph>
    </Alert>
  );
}

/** One member's presence, saved as soon as it is chosen. */
function PresenceSelect({
  meetingId,
  personId,
  name,
  current,
  editable,
}: {
  meetingId: string;
  personId: string;
  name: string;
  current: Attendance | undefined;
  editable: boolean;
}) {
  const { t } = useTranslation();
  const announce = useAnnounce();
  const record = useRecordAttendance();
  const [error, setError] = useState<string>();
  const id = `presence-${personId}`;
  if (!editable)
    return (
      <>{current ? t(`attendance.presences.${current.presence}`) : t('attendance.notRecorded')}</>
    );
  return (
    <Field>
      <Label htmlFor={id} className="sr-only">
        {t('attendance.presence')} {name}
      </Label>
      <Select
        id={id}
        value={current?.presence ?? ''}
        disabled={record.isPending}
        aria-invalid={error ? true : undefined}
        onChange={(e) => {
          const presence = e.target.value as Presence;
          if (!presence) return;
          setError(undefined);
          record
            .mutateAsync({
              params: { path: { id: meetingId, personId } },
              body: { presence, organisationId: current?.organisationId ?? null },
            })
            .then(() => announce(t('attendance.recorded', { name })))
            .catch((err: unknown) =>
              setError(err instanceof ApiError ? problemText(err.problem, t) : String(err)),
            );
        }}
      >
        <Select.Option value="" disabled>
          {t('attendance.notRecorded')}
        </Select.Option>
        {PRESENCES.map((p) => (
          <Select.Option key={p} value={p}>
            {t(`attendance.presences.${p}`)}
          </Select.Option>
        ))}
      </Select>
      {error ? <Paragraph data-size="sm">{error}</Paragraph> : null}
    </Field>
  );
}

interface OtherValues {
  personId: string;
  presence: string;
  substituteForPersonId: string;
  organisationId: string;
}

/** Someone outside the body's seats: a guest, or a substitute standing in for a member. */
function OtherAttendeeForm({
  meetingId,
  members,
}: {
  meetingId: string;
  members: { id: string; name: string }[];
}) {
  const { t } = useTranslation();
  const announce = useAnnounce();
  const record = useRecordAttendance();
  const organisations = useAllOrganisations();
  const nameOf = usePersonNames();
  const form = useForm<OtherValues>({
    formId: 'attendance-other',
    persistDraft: false,
    initial: { personId: '', presence: 'present', substituteForPersonId: '', organisationId: '' },
    validate: (v) => ({ personId: v.personId ? undefined : t('validation.required') }),
  });
  return (
    <form
      className="form inline-form"
      noValidate
      aria-labelledby="attendance-other-heading"
      onSubmit={form.handleSubmit(async (v) => {
        await record.mutateAsync({
          params: { path: { id: meetingId, personId: v.personId } },
          body: {
            presence: v.presence as Presence,
            substituteForPersonId: v.substituteForPersonId || null,
            organisationId: v.organisationId || null,
          },
        });
        announce(t('attendance.recorded', { name: nameOf(v.personId) }));
        form.reset({
          personId: '',
          presence: 'present',
          substituteForPersonId: '',
          organisationId: '',
        });
      })}
    >
      <Heading level={3} data-size="2xs" id="attendance-other-heading">
        {t('attendance.other')}
      </Heading>
      <FormError message={form.formError} />
      <PersonField form={form} name="personId" label={t('attendance.person')} required />
      <SelectInput
        form={form}
        name="presence"
        label={t('attendance.presence')}
        options={PRESENCES.map((p) => ({ value: p, label: t(`attendance.presences.${p}`) }))}
      />
      <SelectInput
        form={form}
        name="substituteForPersonId"
        label={t('attendance.substituteFor')}
        emptyLabel={t('attendance.substituteNone')}
        options={members.map((m) => ({ value: m.id, label: m.name }))}
      />
      <SelectInput
        form={form}
        name="organisationId"
        label={t('attendance.organisation')}
        emptyLabel={t('form.choose')}
        options={(organisations.data?.items ?? []).map((o) => ({ value: o.id, label: o.name }))}
      />
      <FormActions>
        <Button type="submit" disabled={form.status === 'submitting'}>
          {t('attendance.record')}
        </Button>
      </FormActions>
    </form>
  );
}

export function AttendanceSection({ meeting, editable }: { meeting: Meeting; editable: boolean }) {
  const { t, i18n } = useTranslation();
  const attendance = useAttendance(meeting.id);
  const day = osloDate(meeting.startsAt);
  const memberships = useMemberships({ bodyId: meeting.bodyId, activeOn: day });
  const nameOf = usePersonNames();
  const rows = attendance.data ?? [];
  const byPerson = new Map(rows.map((a) => [a.personId, a]));
  const seats = (memberships.data?.items ?? [])
    .filter((m) => m.validFrom <= day && (!m.validTo || m.validTo >= day))
    .sort((a, b) => (a.personName ?? '').localeCompare(b.personName ?? '', i18n.language));
  const seatIds = new Set(seats.map((m) => m.personId));
  const others = rows.filter((a) => !seatIds.has(a.personId));
  const members = seats.map((m) => ({ id: m.personId, name: m.personName ?? nameOf(m.personId) }));
  return (
    <section aria-labelledby="attendance-heading" className="stack" data-testid="attendance">
      <Heading level={2} data-size="sm" id="attendance-heading">
        {t('attendance.title')}
      </Heading>
      <QuorumNotice meetingId={meeting.id} />
      {attendance.isPending || memberships.isPending ? <Loading /> : null}
      {attendance.isError ? (
        <ErrorState error={attendance.error} onRetry={() => void attendance.refetch()} />
      ) : null}
      {seats.length + others.length > 0 ? (
        <div className="table-wrap">
          <Table className="table-cards">
            <caption className="sr-only">{t('attendance.title')}</caption>
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell>{t('attendance.person')}</Table.HeaderCell>
                <Table.HeaderCell>{t('attendance.presence')}</Table.HeaderCell>
                <Table.HeaderCell>{t('attendance.substituteFor')}</Table.HeaderCell>
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {seats.map((m) => {
                const name = m.personName ?? nameOf(m.personId);
                const current = byPerson.get(m.personId);
                return (
                  <Table.Row key={m.id} data-testid="attendance-row">
                    <Table.Cell data-label={t('attendance.person')}>
                      {`${name} (${t(`bodyRole.${m.role}`)})`}
                    </Table.Cell>
                    <Table.Cell data-label={t('attendance.presence')}>
                      <PresenceSelect
                        meetingId={meeting.id}
                        personId={m.personId}
                        name={name}
                        current={current}
                        editable={editable}
                      />
                    </Table.Cell>
                    <Table.Cell data-label={t('attendance.substituteFor')}>
                      {current?.substituteForPersonId ? nameOf(current.substituteForPersonId) : ''}
                    </Table.Cell>
                  </Table.Row>
                );
              })}
              {others.map((a) => (
                <Table.Row key={a.id} data-testid="attendance-row">
                  <Table.Cell data-label={t('attendance.person')}>{nameOf(a.personId)}</Table.Cell>
                  <Table.Cell data-label={t('attendance.presence')}>
                    {t(`attendance.presences.${a.presence}`)}
                  </Table.Cell>
                  <Table.Cell data-label={t('attendance.substituteFor')}>
                    {a.substituteForPersonId ? nameOf(a.substituteForPersonId) : ''}
                  </Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        </div>
      ) : null}
      {editable ? <OtherAttendeeForm meetingId={meeting.id} members={members} /> : null}
    </section>
  );
}
