import type { TFunction } from 'i18next';
import { Alert, Button, Link as DsLink, Paragraph } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { FieldErrors } from '../../api/problem';
import {
  useAllOrganisations,
  useCreatePerson,
  usePerson,
  usePersonsNamed,
  useUpdatePerson,
} from './api';
import { ifMatch } from '../../api/etag';
import type { Person } from './types';
import { canEditOrganisation } from '../../auth/permissions';
import { useMe } from '../../auth/session';
import { useAnnounce } from '../shared/Announcer';
import { useFlashNavigate } from '../shared/Flash';
import { useDebounced } from '../shared/ListTools';
import { FormActions, FormNotices, SelectInput, TextInput } from '../shared/form/fields';
import { useForm } from '../shared/form/useForm';
import { limitOf, textError } from '../shared/form/limits';
import { PersonBodies } from './person/PersonBodies';
import { PageHeading } from '../shared/PageHeading';
import { LoadError, Loading } from '../shared/States';

export interface PersonValues {
  name: string;
  title: string;
  organisationId: string;
  email: string;
  phone: string;
}

export function validatePerson(v: PersonValues, t: TFunction): FieldErrors {
  const e: FieldErrors = {};
  e.name = textError(v.name, limitOf('PersonCreate', 'name'), t);
  e.title = textError(v.title, limitOf('PersonCreate', 'title'), t);
  if (v.email.trim() && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(v.email.trim()))
    e.email = t('validation.email');
  if (v.phone.trim() && !/^\+?[\d\s-]{5,20}$/.test(v.phone.trim())) e.phone = t('validation.phone');
  return e;
}

/** Another person with the same name: say so, but do not forbid it (two people may share one). */
function SameNameWarning({ name, selfId }: { name: string; selfId: string | undefined }) {
  const { t } = useTranslation();
  const named = usePersonsNamed(useDebounced(name, 300));
  const others = (named.data ?? []).filter((p) => p.id !== selfId);
  if (others.length === 0) return null;
  return (
    <Alert data-color="warning" data-testid="same-name">
      <Paragraph>{t('personForm.sameName', { name: others[0]?.name ?? name })}</Paragraph>
      <ul>
        {others.map((p) => (
          <li key={p.id}>
            <DsLink asChild>
              <Link to={`/personer/${p.id}`}>
                {p.title ? t('personForm.sameNameLine', { name: p.name, title: p.title }) : p.name}
              </Link>
            </DsLink>
          </li>
        ))}
      </ul>
    </Alert>
  );
}

function PersonForm({
  person,
  readOnly,
  onReload,
}: {
  person?: Person;
  readOnly: boolean;
  onReload: () => void;
}) {
  const { t } = useTranslation();
  const flashTo = useFlashNavigate();
  const announce = useAnnounce();
  const organisations = useAllOrganisations();
  const create = useCreatePerson();
  const update = useUpdatePerson();
  const labels = {
    name: t('personForm.name'),
    title: t('personForm.title'),
    organisationId: t('persons.organisation'),
    email: t('personForm.email'),
    phone: t('personForm.phone'),
  };
  const form = useForm<PersonValues>({
    formId: person ? 'person-edit' : 'person-new',
    initial: {
      name: person?.name ?? '',
      title: person?.title ?? '',
      organisationId: person?.organisationId ?? '',
      email: person?.email ?? '',
      phone: person?.phone ?? '',
    },
    validate: (v) => validatePerson(v, t),
    persistDraft: !readOnly,
  });
  const orgName = (id: string | null) =>
    (id && organisations.data?.items.find((o) => o.id === id)?.name) || t('list.none');
  if (readOnly && person) {
    return (
      <dl className="facts">
        <dt>{labels.name}</dt>
        <dd>{person.name}</dd>
        <dt>{labels.title}</dt>
        <dd>{person.title ?? t('list.none')}</dd>
        <dt>{labels.organisationId}</dt>
        <dd>{orgName(person.organisationId)}</dd>
        <dt>{labels.email}</dt>
        <dd>{person.email ?? t('list.none')}</dd>
        <dt>{labels.phone}</dt>
        <dd>{person.phone ?? t('list.none')}</dd>
      </dl>
    );
  }
  return (
    <form
      className="form"
      noValidate
      onSubmit={form.handleSubmit(async (v) => {
        const payload = {
          name: v.name.trim(),
          title: v.title.trim() || null,
          organisationId: v.organisationId || null,
          email: v.email.trim() || null,
          phone: v.phone.trim() || null,
        };
        const saved = person
          ? await update.mutateAsync({
              params: { path: { id: person.id }, header: ifMatch(person.version) },
              body: payload,
            })
          : await create.mutateAsync({ body: payload });
        const message = t('form.savedNamed', { name: saved.name });
        announce(message);
        flashTo('/personer', message);
      })}
    >
      <FormNotices form={form} labels={labels} onReload={onReload} />
      <TextInput form={form} name="name" label={labels.name} required autoComplete="name" />
      <SameNameWarning name={form.values.name} selfId={person?.id} />
      <TextInput form={form} name="title" label={labels.title} autoComplete="organization-title" />
      <SelectInput
        form={form}
        name="organisationId"
        label={labels.organisationId}
        emptyLabel={t('list.none')}
        options={(organisations.data?.items ?? []).map((o) => ({ value: o.id, label: o.name }))}
      />
      <TextInput form={form} name="email" type="email" label={labels.email} autoComplete="email" />
      <TextInput form={form} name="phone" type="tel" label={labels.phone} autoComplete="tel" />
      <FormActions>
        <Button type="submit" disabled={form.status === 'submitting'}>
          {person ? t('form.save') : t('personForm.create')}
        </Button>
        <Button asChild variant="secondary">
          <Link to="/personer">{t('form.cancel')}</Link>
        </Button>
      </FormActions>
    </form>
  );
}

export default function PersonFormPage() {
  const { id } = useParams();
  const { t } = useTranslation();
  const me = useMe();
  const canEdit = canEditOrganisation(me);
  const person = usePerson(id);
  if (id && person.isPending) return <Loading />;
  if (id && person.isError)
    return (
      <LoadError
        error={person.error}
        onRetry={() => void person.refetch()}
        back="/personer"
        backLabel={t('notFound.backToPersons')}
      />
    );
  const title = id ? (person.data?.name ?? t('personForm.editTitle')) : t('personForm.newTitle');
  if (!id && !canEdit) {
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
      {canEdit ? <Paragraph>{t('form.requiredHelp')}</Paragraph> : null}
      <PersonForm
        key={person.data?.version ?? 'new'}
        person={person.data}
        readOnly={!canEdit}
        onReload={() => void person.refetch()}
      />
      {id ? (
        <PersonBodies personId={id} personName={person.data?.name ?? ''} canEdit={canEdit} />
      ) : null}
    </div>
  );
}
