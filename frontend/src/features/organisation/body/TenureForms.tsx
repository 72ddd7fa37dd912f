/** Organisation context: a membership's tenure — extend, end, and the chair hand-over. */
import { Button, Heading } from '@digdir/designsystemet-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FieldErrors } from '../../../api/problem';
import { useEndMembership, useHandOverChair, useUpdateMembership } from '../api';
import { ifMatch } from '../../../api/etag';
import type { BodyRole, Membership } from '../types';
import { useAnnounce } from '../../shared/Announcer';
import {
  ConflictAlert,
  FormActions,
  FormError,
  FormNotices,
  SelectInput,
  TextInput,
} from '../../shared/form/fields';
import { useForm } from '../../shared/form/useForm';
import { InlineForm } from '../../shared/InlineForm';
import { PersonPicker, type Picked } from '../PersonPicker';
import { todayIso } from '../../../i18n/format';
import { roleOptions, type Done } from './MembershipForms';

function nextYear(iso: string): string {
  const d = new Date(`${iso}T12:00:00Z`);
  d.setUTCFullYear(d.getUTCFullYear() + 1);
  return d.toISOString().slice(0, 10);
}

export function ExtendMembershipForm({
  membership,
  onDone,
  onReload,
}: { membership: Membership; onReload: () => void } & Done) {
  const { t } = useTranslation();
  const announce = useAnnounce();
  const update = useUpdateMembership();
  const name = membership.personName ?? '';
  const form = useForm<{ validTo: string }>({
    formId: `membership-extend-${membership.id}`,
    initial: { validTo: nextYear(membership.validTo ?? todayIso()) },
    validate: (v) =>
      v.validTo && v.validTo < membership.validFrom
        ? { validTo: t('validation.endBeforeStart') }
        : {},
  });
  if (form.status === 'conflict') {
    return (
      <ConflictAlert
        onReload={() => {
          onReload();
          onDone();
        }}
      />
    );
  }
  return (
    <InlineForm
      id={`membership-extend-${membership.id}`}
      dirty={form.dirty}
      onCancel={onDone}
      onSubmit={form.handleSubmit(async (v) => {
        await update.mutateAsync({
          params: { path: { id: membership.id }, header: ifMatch(membership.version) },
          body: { validTo: v.validTo || null },
        });
        announce(t('tenure.extended', { name }));
        onDone();
      })}
    >
      <TextInput
        form={form}
        name="validTo"
        type="date"
        label={t('tenure.newEnd', { name })}
        description={t('tenure.newEndHelp')}
      />
      <Button type="submit" data-size="sm" disabled={form.status === 'submitting'}>
        {t('tenure.extend')}
      </Button>
      <Button type="button" data-size="sm" variant="tertiary" onClick={onDone}>
        {t('form.cancel')}
      </Button>
      <FormError message={form.formError} />
    </InlineForm>
  );
}

export function EndMembershipForm({ membership, onDone }: { membership: Membership } & Done) {
  const { t } = useTranslation();
  const announce = useAnnounce();
  const end = useEndMembership();
  const name = membership.personName ?? '';
  const form = useForm<{ on: string }>({
    formId: `membership-end-${membership.id}`,
    initial: { on: todayIso() },
    validate: (v) => {
      if (!v.on) return { on: t('validation.required') };
      if (v.on < membership.validFrom) return { on: t('validation.endBeforeStart') };
      return {};
    },
  });
  return (
    <InlineForm
      id={`membership-end-${membership.id}`}
      dirty={form.dirty}
      onCancel={onDone}
      onSubmit={form.handleSubmit(async (v) => {
        await end.mutateAsync({
          params: { path: { id: membership.id }, header: ifMatch(membership.version) },
          body: { on: v.on },
        });
        announce(t('membership.ended', { name }));
        onDone();
      })}
    >
      <TextInput form={form} name="on" type="date" label={t('membership.lastDayFor', { name })} />
      <Button
        type="submit"
        data-size="sm"
        data-color="danger"
        disabled={form.status === 'submitting'}
      >
        {t('membership.end')}
      </Button>
      <Button type="button" data-size="sm" variant="tertiary" onClick={onDone}>
        {t('form.cancel')}
      </Button>
      <FormError message={form.formError} />
    </InlineForm>
  );
}

const LEAVES = 'leaves';

export function HandOverChairForm({
  bodyId,
  chair,
  onDone,
}: { bodyId: string; chair: Membership | undefined } & Done) {
  const { t } = useTranslation();
  const announce = useAnnounce();
  const handOver = useHandOverChair();
  const [person, setPerson] = useState<Picked | null>(null);
  const labels = {
    personId: t('tenure.newChair'),
    on: t('tenure.handOverFrom'),
    previous: t('tenure.previousChair'),
  };
  const form = useForm<{ personId: string; on: string; previous: string }>({
    formId: 'chair-handover',
    initial: { personId: '', on: todayIso(), previous: 'member' },
    validate: (v) => {
      const e: FieldErrors = {};
      if (!v.personId) e.personId = t('validation.choosePerson');
      if (!v.on) e.on = t('validation.required');
      return e;
    },
  });
  const previousName = chair?.personName ?? '';
  return (
    <InlineForm
      id="chair-handover"
      className="form panel"
      labelledBy="chair-handover-heading"
      dirty={form.dirty}
      onCancel={onDone}
      onSubmit={form.handleSubmit(async (v) => {
        const m = await handOver.mutateAsync({
          params: { path: { id: bodyId } },
          body: {
            personId: v.personId,
            on: v.on,
            previousChairRole: v.previous === LEAVES ? null : (v.previous as BodyRole),
          },
        });
        announce(t('tenure.handedOver', { name: m.personName ?? person?.name ?? '' }));
        onDone();
      })}
    >
      <Heading level={3} data-size="xs" id="chair-handover-heading">
        {t('tenure.handOverTitle')}
      </Heading>
      <FormNotices form={form} labels={labels} />
      <PersonPicker
        id={form.fieldId('personId')}
        label={labels.personId}
        required
        value={person}
        error={form.errorFor('personId')}
        onChange={(p) => {
          setPerson(p);
          form.set('personId', p?.id ?? '');
        }}
      />
      <TextInput form={form} name="on" type="date" label={labels.on} required />
      {chair ? (
        <SelectInput
          form={form}
          name="previous"
          label={labels.previous}
          description={t('tenure.previousChairHelp', { name: previousName })}
          options={[
            ...roleOptions(t, 'chair').map((o) => ({
              value: o.value,
              label: t('tenure.previousChairStays', { role: o.label.toLowerCase() }),
            })),
            { value: LEAVES, label: t('tenure.previousChairLeaves') },
          ]}
        />
      ) : null}
      <FormActions>
        <Button type="submit" disabled={form.status === 'submitting'}>
          {t('tenure.handOver')}
        </Button>
        <Button type="button" variant="secondary" onClick={onDone}>
          {t('form.cancel')}
        </Button>
      </FormActions>
    </InlineForm>
  );
}
