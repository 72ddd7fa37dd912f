/** Agreements room: register or change an agreement, and its signed document. */
import {
  Button,
  Checkbox,
  Fieldset,
  Paragraph,
  ValidationMessage,
} from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ifMatch } from '../../api/etag';
import { canEditOrganisation } from '../../auth/permissions';
import { useMe } from '../../auth/session';
import { useAnnounce } from '../shared/Announcer';
import { useFlashNavigate } from '../shared/Flash';
import {
  CheckboxInput,
  FormActions,
  FormNotices,
  SelectInput,
  TextInput,
} from '../shared/form/fields';
import { useForm } from '../shared/form/useForm';
import { PageHeading } from '../shared/PageHeading';
import { ArchiveBadge } from '../archive/ArchiveBadge';
import { LoadError, Loading } from '../shared/States';
import { useAgreement, useCreateAgreement, useParties, useUpdateAgreement } from './api';
import { DeleteAgreement } from './DeleteAgreement';
import { DocumentPanel } from './DocumentPanel';
import { StatusTag } from './StatusTag';
import {
  AGREEMENT_KINDS,
  DOCUMENTATION_STATUSES,
  type Agreement,
  type AgreementKind,
  type DocumentationStatus,
  type OrganisationType,
} from './types';
import { validateAgreement, type AgreementValues } from './validate';

function AgreementForm({ agreement, onReload }: { agreement?: Agreement; onReload: () => void }) {
  const { t } = useTranslation();
  const flashTo = useFlashNavigate();
  const announce = useAnnounce();
  const create = useCreateAgreement();
  const update = useUpdateAgreement();
  const parties = useParties();
  const organisations = parties.data?.items ?? [];
  const types = new Map<string, OrganisationType>(organisations.map((o) => [o.id, o.type]));
  const labels = {
    kind: t('agreements.kindLabel'),
    title: t('agreements.titleLabel'),
    partyIds: t('agreements.parties'),
    signedOn: t('agreements.signedOn'),
    validUntil: t('agreements.validUntil'),
    reviewOn: t('agreements.reviewOn'),
    documentationStatus: t('agreements.documentationStatus'),
    archiveWorthy: t('agreements.archiveWorthy'),
  };
  const form = useForm<AgreementValues>({
    formId: agreement ? 'agreement-edit' : 'agreement-new',
    initial: {
      kind: agreement?.kind ?? '',
      title: agreement?.title ?? '',
      partyIds: agreement?.partyIds ?? [],
      signedOn: agreement?.signedOn ?? '',
      validUntil: agreement?.validUntil ?? '',
      reviewOn: agreement?.reviewOn ?? '',
      documentationStatus: agreement?.documentationStatus ?? 'final',
      archiveWorthy: agreement?.archiveWorthy ?? true,
    },
    validate: (v) => validateAgreement(v, types, t),
  });
  const toggle = (id: string, on: boolean) =>
    form.set(
      'partyIds',
      on ? [...form.values.partyIds, id] : form.values.partyIds.filter((p) => p !== id),
    );
  const partyError = form.errorFor('partyIds');

  return (
    <form
      className="form"
      noValidate
      onSubmit={form.handleSubmit(async (v) => {
        const body = {
          kind: v.kind as AgreementKind,
          title: v.title.trim(),
          partyIds: v.partyIds,
          signedOn: v.signedOn,
          validUntil: v.validUntil,
          reviewOn: v.reviewOn || null,
          documentationStatus: v.documentationStatus as DocumentationStatus,
          archiveWorthy: v.archiveWorthy,
        };
        const saved = agreement
          ? await update.mutateAsync({
              params: { path: { id: agreement.id }, header: ifMatch(agreement.version) },
              body,
            })
          : await create.mutateAsync({ body });
        const message = t('form.savedNamed', { name: saved.title });
        announce(message);
        flashTo(agreement ? '/avtaler' : `/avtaler/${saved.id}`, message);
      })}
    >
      <FormNotices form={form} labels={labels} onReload={onReload} />
      <SelectInput
        form={form}
        name="kind"
        label={labels.kind}
        required
        emptyLabel={t('form.choose')}
        options={AGREEMENT_KINDS.map((k) => ({ value: k, label: t(`agreements.kind.${k}`) }))}
      />
      <TextInput form={form} name="title" label={labels.title} required />
      <Fieldset id={form.fieldId('partyIds')} aria-invalid={partyError ? true : undefined}>
        <Fieldset.Legend>{labels.partyIds}</Fieldset.Legend>
        <Fieldset.Description>{t('agreements.partiesHelp')}</Fieldset.Description>
        {organisations.map((o) => (
          <Checkbox
            key={o.id}
            label={o.name}
            value={o.id}
            checked={form.values.partyIds.includes(o.id)}
            onChange={(e) => toggle(o.id, e.target.checked)}
          />
        ))}
        {partyError ? <ValidationMessage>{partyError}</ValidationMessage> : null}
      </Fieldset>
      <TextInput form={form} name="signedOn" type="date" label={labels.signedOn} required />
      <TextInput form={form} name="validUntil" type="date" label={labels.validUntil} required />
      <TextInput
        form={form}
        name="reviewOn"
        type="date"
        label={labels.reviewOn}
        description={t('agreements.reviewHelp')}
      />
      <SelectInput
        form={form}
        name="documentationStatus"
        label={labels.documentationStatus}
        options={DOCUMENTATION_STATUSES.map((s) => ({
          value: s,
          label: t(`agreements.documentationStatusValue.${s}`),
        }))}
      />
      <CheckboxInput
        form={form}
        name="archiveWorthy"
        label={labels.archiveWorthy}
        description={t('agreements.archiveWorthyHelp')}
      />
      <FormActions>
        <Button type="submit" disabled={form.status === 'submitting'}>
          {agreement ? t('form.save') : t('agreements.create')}
        </Button>
        <Button asChild variant="secondary">
          <Link to="/avtaler">{t('form.cancel')}</Link>
        </Button>
      </FormActions>
    </form>
  );
}

function Facts({ agreement }: { agreement: Agreement }) {
  const { t } = useTranslation();
  const parties = useParties();
  const names = new Map((parties.data?.items ?? []).map((o) => [o.id, o.name]));
  return (
    <dl className="facts">
      <dt>{t('agreements.kindLabel')}</dt>
      <dd>{t(`agreements.kind.${agreement.kind}`)}</dd>
      <dt>{t('agreements.parties')}</dt>
      <dd>
        {agreement.partyIds.map((id) => names.get(id) ?? t('agreements.unknownParty')).join(', ')}
      </dd>
      <dt>{t('agreements.signedOn')}</dt>
      <dd>{agreement.signedOn}</dd>
      <dt>{t('agreements.validUntil')}</dt>
      <dd>{agreement.validUntil}</dd>
      <dt>{t('agreements.reviewOn')}</dt>
      <dd>{agreement.reviewOn}</dd>
      <dt>{t('agreements.documentationStatus')}</dt>
      <dd>{t(`agreements.documentationStatusValue.${agreement.documentationStatus}`)}</dd>
    </dl>
  );
}

export default function AgreementFormPage() {
  const { id } = useParams();
  const { t } = useTranslation();
  const me = useMe();
  const canEdit = canEditOrganisation(me);
  const agreement = useAgreement(id);
  if (id && agreement.isPending) return <Loading />;
  if (id && agreement.isError)
    return (
      <LoadError
        error={agreement.error}
        onRetry={() => void agreement.refetch()}
        back="/avtaler"
        backLabel={t('agreements.back')}
      />
    );
  const a = agreement.data;
  const title = a ? a.title : t('agreements.newTitle');
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
      {a ? <StatusTag status={a.status} /> : null}
      {a ? <ArchiveBadge kind="agreement" recordId={a.id} /> : null}
      {canEdit ? (
        <>
          <Paragraph>{t('form.requiredHelp')}</Paragraph>
          <AgreementForm
            key={a?.version ?? 'new'}
            agreement={a}
            onReload={() => void agreement.refetch()}
          />
        </>
      ) : a ? (
        <Facts agreement={a} />
      ) : null}
      {a ? <DocumentPanel key={a.version} agreement={a} canEdit={canEdit} /> : null}
      {a && canEdit ? <DeleteAgreement key={`delete-${a.version}`} agreement={a} /> : null}
    </div>
  );
}
