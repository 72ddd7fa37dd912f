/** Organisation context: adding a member to a body and changing a member's role. */
import { Button, Heading } from '@digdir/designsystemet-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FieldErrors } from '../../../api/problem';
import { useAllOrganisations, useChangeRole, useCreateMembership } from '../api';
import { ifMatch } from '../../../api/etag';
import { BODY_ROLES, type BodyRole, type Membership } from '../types';
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

export interface Done {
  onDone: () => void;
}

export function roleOptions(t: (k: string) => string, except?: string) {
  return BODY_ROLES.filter((r) => r !== except).map((r) => ({
    value: r,
    label: t(`bodyRole.${r}`),
  }));
}

interface MembershipValues {
  personId: string;
  role: string;
  organisationId: string;
  validFrom: string;
  validTo: string;
}

export function AddMembershipForm({ bodyId, onDone }: { bodyId: string } & Done) {
  const { t } = useTranslation();
  const announce = useAnnounce();
  const organisations = useAllOrganisations();
  const create = useCreateMembership();
  const [person, setPerson] = useState<Picked | null>(null);
  const labels = {
    personId: t('membership.person'),
    role: t('membership.role'),
    organisationId: t('membership.organisation'),
    validFrom: t('membership.validFrom'),
    validTo: t('membership.validTo'),
  };
  const form = useForm<MembershipValues>({
    formId: 'membership-add',
    initial: {
      personId: '',
      role: 'member',
      organisationId: '',
      validFrom: todayIso(),
      validTo: '',
    },
    validate: (v) => {
      const e: FieldErrors = {};
      if (!v.personId) e.personId = t('validation.choosePerson');
      if (!v.role) e.role = t('validation.required');
      if (v.validTo && v.validFrom && v.validTo < v.validFrom)
        e.validTo = t('validation.endBeforeStart');
      return e;
    },
  });
  return (
    <InlineForm
      id="membership-add"
      className="form panel"
      labelledBy="add-member-heading"
      dirty={form.dirty}
      onCancel={onDone}
      onSubmit={form.handleSubmit(async (v) => {
        const m = await create.mutateAsync({
          body: {
            bodyId,
            personId: v.personId,
            role: v.role as BodyRole,
            organisationId: v.organisationId || null,
            validFrom: v.validFrom || null,
            validTo: v.validTo || null,
          },
        });
        announce(t('membership.added', { name: m.personName ?? person?.name ?? '' }));
        onDone();
      })}
    >
      <Heading level={3} data-size="xs" id="add-member-heading">
        {t('membership.addTitle')}
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
      <SelectInput form={form} name="role" label={labels.role} required options={roleOptions(t)} />
      <SelectInput
        form={form}
        name="organisationId"
        label={labels.organisationId}
        description={t('membership.organisationHelp')}
        emptyLabel={t('membership.personsOrganisation')}
        options={(organisations.data?.items ?? []).map((o) => ({ value: o.id, label: o.name }))}
      />
      <div className="row">
        <TextInput form={form} name="validFrom" type="date" label={labels.validFrom} />
        <TextInput
          form={form}
          name="validTo"
          type="date"
          label={labels.validTo}
          description={t('membership.validToHelp')}
        />
      </div>
      <FormActions>
        <Button type="submit" disabled={form.status === 'submitting'}>
          {t('membership.add')}
        </Button>
        <Button type="button" variant="secondary" onClick={onDone}>
          {t('form.cancel')}
        </Button>
      </FormActions>
    </InlineForm>
  );
}

export function ChangeRoleForm({
  membership,
  onDone,
  onReload,
}: { membership: Membership; onReload: () => void } & Done) {
  const { t } = useTranslation();
  const announce = useAnnounce();
  const change = useChangeRole();
  const name = membership.personName ?? '';
  const form = useForm<{ role: string; on: string }>({
    formId: `membership-role-${membership.id}`,
    initial: { role: '', on: todayIso() },
    validate: (v) => {
      const e: FieldErrors = {};
      if (!v.role) e.role = t('validation.required');
      if (!v.on) e.on = t('validation.required');
      else if (v.on < membership.validFrom) e.on = t('validation.endBeforeStart');
      return e;
    },
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
      id={`membership-role-${membership.id}`}
      dirty={form.dirty}
      onCancel={onDone}
      onSubmit={form.handleSubmit(async (v) => {
        await change.mutateAsync({
          params: { path: { id: membership.id }, header: ifMatch(membership.version) },
          body: { role: v.role as BodyRole, on: v.on },
        });
        announce(t('membership.roleChanged'));
        onDone();
      })}
    >
      <SelectInput
        form={form}
        name="role"
        label={t('membership.newRoleFor', { name })}
        emptyLabel={t('form.choose')}
        options={roleOptions(t, membership.role)}
      />
      <TextInput
        form={form}
        name="on"
        type="date"
        label={t('tenure.changeRoleFrom')}
        description={t('tenure.changeRoleHelp')}
      />
      <Button type="submit" data-size="sm" disabled={form.status === 'submitting'}>
        {t('form.save')}
      </Button>
      <Button type="button" data-size="sm" variant="tertiary" onClick={onDone}>
        {t('form.cancel')}
      </Button>
      <FormError message={form.formError} />
    </InlineForm>
  );
}
