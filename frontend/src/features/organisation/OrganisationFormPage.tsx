import type { TFunction } from 'i18next';
import { Button, Heading, Paragraph } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { FieldErrors } from '../../api/problem';
import { useCreateOrganisation, useOrganisation, useUpdateOrganisation } from './api';
import { ifMatch } from '../../api/etag';
import { ORGANISATION_TYPES, type Organisation, type OrganisationType } from './types';
import { canEditOrganisation } from '../../auth/permissions';
import { useMe } from '../../auth/session';
import { useAnnounce } from '../shared/Announcer';
import { useFlashNavigate } from '../shared/Flash';
import { MunicipalityPicker, municipalityLabel, useMunicipalityNames } from './MunicipalityPicker';
import {
  CheckboxInput,
  FormActions,
  FormNotices,
  SelectInput,
  TextInput,
} from '../shared/form/fields';
import { useForm } from '../shared/form/useForm';
import { fitsPattern, limitOf, textError } from '../shared/form/limits';
import { PageHeading } from '../shared/PageHeading';
import { OrganisationPeople } from './OrganisationPeople';
import { LoadError, Loading } from '../shared/States';

export interface OrganisationValues {
  name: string;
  type: string;
  organisationNumber: string;
  municipalityNumber: string;
  active: boolean;
}

export function validateOrganisation(v: OrganisationValues, t: TFunction): FieldErrors {
  const e: FieldErrors = {};
  e.name = textError(v.name, limitOf('OrganisationCreate', 'name'), t);
  if (!v.type) e.type = t('validation.required');
  const orgNo = v.organisationNumber.replace(/\s/g, '');
  if (orgNo && !fitsPattern(orgNo, limitOf('OrganisationCreate', 'organisationNumber')))
    e.organisationNumber = t('validation.orgNumber');
  const municipalityNo = v.municipalityNumber.trim();
  if (
    municipalityNo &&
    !fitsPattern(municipalityNo, limitOf('OrganisationCreate', 'municipalityNumber'))
  )
    e.municipalityNumber = t('validation.municipalityNumber');
  return e;
}

function OrganisationForm({
  organisation,
  readOnly,
  onReload,
}: {
  organisation?: Organisation;
  readOnly: boolean;
  onReload: () => void;
}) {
  const { t } = useTranslation();
  const flashTo = useFlashNavigate();
  const announce = useAnnounce();
  const municipalityNames = useMunicipalityNames();
  const create = useCreateOrganisation();
  const update = useUpdateOrganisation();
  const labels = {
    name: t('organisationForm.name'),
    type: t('organisations.type'),
    organisationNumber: t('organisationForm.organisationNumber'),
    municipalityNumber: t('municipality.label'),
    active: t('organisationForm.active'),
  };
  const form = useForm<OrganisationValues>({
    formId: organisation ? 'organisation-edit' : 'organisation-new',
    initial: {
      name: organisation?.name ?? '',
      type: organisation?.type ?? '',
      organisationNumber: organisation?.organisationNumber ?? '',
      municipalityNumber: organisation?.municipalityNumber ?? '',
      active: organisation?.active ?? true,
    },
    validate: (v) => validateOrganisation(v, t),
    persistDraft: !readOnly,
  });
  if (readOnly && organisation) {
    return (
      <dl className="facts">
        <dt>{labels.name}</dt>
        <dd>{organisation.name}</dd>
        <dt>{labels.type}</dt>
        <dd>{t(`orgType.${organisation.type}`)}</dd>
        <dt>{labels.organisationNumber}</dt>
        <dd>{organisation.organisationNumber ?? t('list.none')}</dd>
        <dt>{labels.municipalityNumber}</dt>
        <dd>
          {organisation.municipalityNumber
            ? municipalityLabel(organisation.municipalityNumber, municipalityNames)
            : t('list.none')}
        </dd>
        <dt>{t('organisations.status')}</dt>
        <dd>{organisation.active ? t('organisations.active') : t('organisations.inactive')}</dd>
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
          type: v.type as OrganisationType,
          organisationNumber: v.organisationNumber.replace(/\s/g, '') || null,
          municipalityNumber: v.municipalityNumber.trim() || null,
          active: v.active,
        };
        const saved = organisation
          ? await update.mutateAsync({
              params: { path: { id: organisation.id }, header: ifMatch(organisation.version) },
              body: payload,
            })
          : await create.mutateAsync({ body: payload });
        const message = t('form.savedNamed', { name: saved.name });
        announce(message);
        flashTo('/organisasjoner', message);
      })}
    >
      <FormNotices form={form} labels={labels} onReload={onReload} />
      <TextInput form={form} name="name" label={labels.name} required autoComplete="organization" />
      <SelectInput
        form={form}
        name="type"
        label={labels.type}
        required
        emptyLabel={t('form.choose')}
        options={ORGANISATION_TYPES.map((ty) => ({ value: ty, label: t(`orgType.${ty}`) }))}
      />
      <TextInput
        form={form}
        name="organisationNumber"
        label={labels.organisationNumber}
        description={t('organisationForm.organisationNumberHelp')}
        inputMode="numeric"
      />
      <MunicipalityPicker
        id={form.fieldId('municipalityNumber')}
        label={labels.municipalityNumber}
        description={t('municipality.help')}
        error={form.errorFor('municipalityNumber')}
        value={form.values.municipalityNumber}
        onChange={(n) => form.set('municipalityNumber', n)}
      />
      <CheckboxInput form={form} name="active" label={labels.active} />
      <FormActions>
        <Button type="submit" disabled={form.status === 'submitting'}>
          {organisation ? t('form.save') : t('organisationForm.create')}
        </Button>
        <Button asChild variant="secondary">
          <Link to="/organisasjoner">{t('form.cancel')}</Link>
        </Button>
      </FormActions>
    </form>
  );
}

export default function OrganisationFormPage() {
  const { id } = useParams();
  const { t } = useTranslation();
  const me = useMe();
  const canEdit = canEditOrganisation(me);
  const organisation = useOrganisation(id);
  if (id && organisation.isPending) return <Loading />;
  if (id && organisation.isError)
    return (
      <LoadError
        error={organisation.error}
        onRetry={() => void organisation.refetch()}
        back="/organisasjoner"
        backLabel={t('notFound.backToOrganisations')}
      />
    );
  const title = id
    ? (organisation.data?.name ?? t('organisationForm.editTitle'))
    : t('organisationForm.newTitle');
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
      {canEdit ? (
        <Paragraph>{t('form.requiredHelp')}</Paragraph>
      ) : (
        <Heading level={2} data-size="xs">
          {t('organisationForm.details')}
        </Heading>
      )}
      <OrganisationForm
        key={organisation.data?.version ?? 'new'}
        organisation={organisation.data}
        readOnly={!canEdit}
        onReload={() => void organisation.refetch()}
      />
      {id ? <OrganisationPeople organisationId={id} /> : null}
    </div>
  );
}
