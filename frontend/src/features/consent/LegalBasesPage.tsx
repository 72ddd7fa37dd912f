/** Consent room: the case's other legal bases for disclosure (fvl § 13 b nr. 2, 5, 6) — what the
 * case lead has recorded, for which recipient and categories, and why; the form to record one. */
import { Button, Heading, Paragraph, Table } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import { formatDate, todayIso } from '../../i18n/format';
import { useAnnounce } from '../shared/Announcer';
import { FormActions, FormNotices, SelectInput, TextInput } from '../shared/form/fields';
import { useForm } from '../shared/form/useForm';
import { ErrorState, Loading } from '../shared/States';
import { useLegalBases, useOrganisations, usePolicy, useRecordBasis } from './api';
import { CaseFrame } from './CaseFrame';
import { BASES, CATEGORIES, type CaseFacts, type Category, type RecordableBasis } from './types';
import { CheckGroup } from './wizard/CheckGroup';
import { basisErrors, type BasisValues } from './validate';
import './consent.css';

const EMPTY: BasisValues = {
  basis: '',
  recipientOrganisationId: '',
  categories: [],
  justification: '',
  agencyDecisionRef: '',
  validFrom: '',
  validTo: '',
};

function BasisForm({ facts }: { facts: CaseFacts }) {
  const { t } = useTranslation();
  const announce = useAnnounce();
  const record = useRecordBasis();
  const policy = usePolicy();
  const organisations = useOrganisations().data?.items ?? [];
  const categories = policy.data?.categories.length ? policy.data.categories : CATEGORIES;
  const form = useForm<BasisValues>({
    formId: 'legal-basis',
    initial: { ...EMPTY, validFrom: todayIso() },
    validate: (v) => basisErrors(v, t),
  });
  const citation = (code: string) => {
    return policy.data?.legalBases.find((x) => x.code === code)?.citation ?? '';
  };
  const labels = {
    basis: t('consent.bases.basis'),
    recipientOrganisationId: t('consent.bases.recipient'),
    categories: t('consent.bases.categories'),
    justification: t('consent.bases.justification'),
    agencyDecisionRef: t('consent.bases.agencyDecisionRef'),
    validFrom: t('consent.field.validFrom'),
    validTo: t('consent.field.validTo'),
  };
  return (
    <form
      className="form"
      noValidate
      aria-labelledby="basis-form-title"
      onSubmit={form.handleSubmit(async (v) => {
        await record.mutateAsync({
          params: { path: { id: facts.id } },
          body: {
            basis: v.basis as RecordableBasis,
            recipientOrganisationId: v.recipientOrganisationId,
            categories: v.categories as Category[],
            justification: v.justification.trim(),
            agencyDecisionRef: v.basis === 'report_offence' ? v.agencyDecisionRef.trim() : null,
            validFrom: v.validFrom,
            validTo: v.validTo || null,
          },
        });
        announce(t('consent.bases.recorded'));
        form.reset({ ...EMPTY, validFrom: todayIso() });
      })}
    >
      <Heading level={2} data-size="xs" id="basis-form-title">
        {t('consent.bases.formTitle')}
      </Heading>
      <FormNotices form={form} labels={labels} />
      {form.status === 'saved' ? (
        <Paragraph role="status">{t('consent.bases.recorded')}</Paragraph>
      ) : null}
      <SelectInput
        form={form}
        name="basis"
        label={labels.basis}
        required
        emptyLabel={t('form.choose')}
        options={BASES.map((b) => ({
          value: b,
          label: `${t(`consent.basis.${b}`)}${citation(b) ? ` (${citation(b)})` : ''}`,
        }))}
      />
      <SelectInput
        form={form}
        name="recipientOrganisationId"
        label={labels.recipientOrganisationId}
        required
        emptyLabel={t('form.choose')}
        options={organisations.map((o) => ({ value: o.id, label: o.name }))}
      />
      <CheckGroup
        form={form}
        name="categories"
        legend={labels.categories}
        options={categories.map((c) => ({ value: c, label: t(`consent.category.${c}`) }))}
      />
      <TextInput
        form={form}
        name="justification"
        multiline
        required
        label={labels.justification}
        description={t('consent.bases.justificationHelp')}
      />
      {form.values.basis === 'report_offence' ? (
        <TextInput
          form={form}
          name="agencyDecisionRef"
          required
          label={labels.agencyDecisionRef}
          description={t('consent.bases.agencyDecisionHelp')}
        />
      ) : null}
      <TextInput form={form} name="validFrom" type="date" label={labels.validFrom} required />
      <TextInput form={form} name="validTo" type="date" label={labels.validTo} />
      <FormActions>
        <Button type="submit" disabled={form.status === 'submitting'}>
          {t('consent.bases.record')}
        </Button>
      </FormActions>
    </form>
  );
}

function Bases({ facts }: { facts: CaseFacts }) {
  const { t, i18n } = useTranslation();
  const bases = useLegalBases(facts.id);
  const names = new Map((useOrganisations().data?.items ?? []).map((o) => [o.id, o.name]));
  const rows = bases.data ?? [];
  return (
    <>
      <Paragraph>{t('consent.bases.intro')}</Paragraph>
      {bases.isPending ? <Loading /> : null}
      {bases.isError ? (
        <ErrorState error={bases.error} onRetry={() => void bases.refetch()} />
      ) : null}
      {bases.data && rows.length === 0 ? <Paragraph>{t('consent.bases.empty')}</Paragraph> : null}
      {rows.length ? (
        <div className="table-wrap">
          <Table zebra className="table-cards" data-testid="legal-bases">
            <caption>{t('consent.bases.caption')}</caption>
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell>{t('consent.bases.basis')}</Table.HeaderCell>
                <Table.HeaderCell>{t('consent.bases.recipient')}</Table.HeaderCell>
                <Table.HeaderCell>{t('consent.bases.categories')}</Table.HeaderCell>
                <Table.HeaderCell>{t('consent.bases.justification')}</Table.HeaderCell>
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {rows.map((b) => (
                <Table.Row key={b.id} data-testid="legal-basis">
                  <Table.Cell data-label={t('consent.bases.basis')}>
                    {t(`consent.basis.${b.basis}`, { defaultValue: b.basis })}
                    {b.validTo ? (
                      <div className="muted">
                        {t('consent.bases.until', { date: formatDate(b.validTo, i18n.language) })}
                      </div>
                    ) : null}
                  </Table.Cell>
                  <Table.Cell data-label={t('consent.bases.recipient')}>
                    {names.get(b.recipientOrganisationId) ?? '–'}
                  </Table.Cell>
                  <Table.Cell data-label={t('consent.bases.categories')}>
                    {b.categories.map((c) => t(`consent.category.${c}`)).join(', ')}
                  </Table.Cell>
                  <Table.Cell data-label={t('consent.bases.justification')}>
                    {b.justification}
                    {b.agencyDecisionRef ? (
                      <div className="muted">
                        {t('consent.bases.decisionRef', { ref: b.agencyDecisionRef })}
                      </div>
                    ) : null}
                  </Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        </div>
      ) : null}
      {facts.iAmLead ? (
        <BasisForm facts={facts} />
      ) : (
        <Paragraph data-testid="lead-only">{t('consent.bases.leadOnly')}</Paragraph>
      )}
    </>
  );
}

export default function LegalBasesPage() {
  return <CaseFrame tab="consent">{(facts) => <Bases facts={facts} />}</CaseFrame>;
}
