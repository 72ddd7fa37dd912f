import type { TFunction } from 'i18next';
import { Button, Heading, Paragraph, Tag } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import type { FieldErrors } from '../../api/problem';
import { useAllPersons, useEstablishment, usePicture, useUpdateEstablishment } from './api';
import { ifMatch } from '../../api/etag';
import type { Establishment } from './types';
import { canEditOrganisation } from '../../auth/permissions';
import { useMe } from '../../auth/session';
import { useAnnounce } from '../shared/Announcer';
import { FormActions, FormNotices, TextInput } from '../shared/form/fields';
import { PersonField } from './PersonField';
import { useForm } from '../shared/form/useForm';
import { limitOf, textError } from '../shared/form/limits';
import { municipalityLabel, useMunicipalityNames } from './MunicipalityPicker';
import { PageHeading } from '../shared/PageHeading';
import { ErrorState, Loading } from '../shared/States';
import { formatDate, formatNumber } from '../../i18n/format';

export interface EstablishmentValues {
  municipalDecisionDate: string;
  municipalDecisionRef: string;
  policeConfirmationDate: string;
  policeConfirmationRef: string;
  coordinatorPersonId: string;
  coordinatorFte: string;
  policeContactPersonId: string;
}

export function parseFte(value: string): number | null {
  const n = Number(value.trim().replace(',', '.'));
  return value.trim() && Number.isFinite(n) ? n : null;
}

function validate(v: EstablishmentValues, t: TFunction): FieldErrors {
  const e: FieldErrors = {};
  if (v.coordinatorFte.trim()) {
    const n = parseFte(v.coordinatorFte);
    if (n === null || n <= 0 || n > 1) e.coordinatorFte = t('validation.fte');
  }
  const ref = (field: 'municipalDecisionRef' | 'policeConfirmationRef') =>
    textError(v[field], limitOf('EstablishmentUpdate', field), t);
  e.municipalDecisionRef = ref('municipalDecisionRef');
  e.policeConfirmationRef = ref('policeConfirmationRef');
  return e;
}

/** The stored share ("0.500") as the user writes it: "0,5" in nb/nn, "0.5" in en. */
export function fteForInput(stored: string | null | undefined, lng: string): string {
  if (!stored) return '';
  const n = Number(stored);
  return Number.isFinite(n) ? formatNumber(n, lng, { maximumFractionDigits: 3 }) : stored;
}

function EstablishmentForm({ est, onReload }: { est: Establishment; onReload: () => void }) {
  const { t, i18n } = useTranslation();
  const announce = useAnnounce();
  const update = useUpdateEstablishment();
  const labels = {
    municipalDecisionDate: t('unit.municipalDecisionDate'),
    municipalDecisionRef: t('unit.municipalDecisionRef'),
    policeConfirmationDate: t('unit.policeConfirmationDate'),
    policeConfirmationRef: t('unit.policeConfirmationRef'),
    coordinatorPersonId: t('unit.coordinator'),
    coordinatorFte: t('unit.coordinatorFte'),
    policeContactPersonId: t('unit.policeContact'),
  };
  const form = useForm<EstablishmentValues>({
    formId: 'establishment',
    initial: {
      municipalDecisionDate: est.municipalDecisionDate ?? '',
      municipalDecisionRef: est.municipalDecisionRef ?? '',
      policeConfirmationDate: est.policeConfirmationDate ?? '',
      policeConfirmationRef: est.policeConfirmationRef ?? '',
      coordinatorPersonId: est.coordinatorPersonId ?? '',
      coordinatorFte: fteForInput(est.coordinatorFte, i18n.language),
      policeContactPersonId: est.policeContactPersonId ?? '',
    },
    validate: (v) => validate(v, t),
  });
  return (
    <form
      className="form"
      noValidate
      aria-labelledby="establishment-edit"
      onSubmit={form.handleSubmit(async (v) => {
        await update.mutateAsync({
          params: { header: ifMatch(est.version) },
          body: {
            municipalDecisionDate: v.municipalDecisionDate || null,
            municipalDecisionRef: v.municipalDecisionRef.trim() || null,
            policeConfirmationDate: v.policeConfirmationDate || null,
            policeConfirmationRef: v.policeConfirmationRef.trim() || null,
            coordinatorPersonId: v.coordinatorPersonId || null,
            coordinatorFte: parseFte(v.coordinatorFte),
            policeContactPersonId: v.policeContactPersonId || null,
          },
        });
        announce(t('form.saved'));
      })}
    >
      <Heading level={2} data-size="sm" id="establishment-edit">
        {t('unit.editTitle')}
      </Heading>
      {form.status === 'saved' ? <Paragraph role="status">{t('form.saved')}</Paragraph> : null}
      <FormNotices form={form} labels={labels} onReload={onReload} />
      <div className="row">
        <TextInput
          form={form}
          name="municipalDecisionDate"
          type="date"
          label={labels.municipalDecisionDate}
        />
        <TextInput form={form} name="municipalDecisionRef" label={labels.municipalDecisionRef} />
      </div>
      <div className="row">
        <TextInput
          form={form}
          name="policeConfirmationDate"
          type="date"
          label={labels.policeConfirmationDate}
        />
        <TextInput form={form} name="policeConfirmationRef" label={labels.policeConfirmationRef} />
      </div>
      <PersonField form={form} name="coordinatorPersonId" label={labels.coordinatorPersonId} />
      <TextInput
        form={form}
        name="coordinatorFte"
        label={labels.coordinatorFte}
        description={t('unit.coordinatorFteHelp')}
        inputMode="text"
      />
      <PersonField
        form={form}
        name="policeContactPersonId"
        label={labels.policeContactPersonId}
        description={t('picker.policeHelp')}
        organisationType="police"
      />
      <FormActions>
        <Button type="submit" disabled={form.status === 'submitting'}>
          {t('form.save')}
        </Button>
      </FormActions>
    </form>
  );
}

export default function UnitPage() {
  const { t, i18n } = useTranslation();
  const me = useMe();
  const est = useEstablishment();
  const picture = usePicture();
  const persons = useAllPersons();
  const name = (id: string | null) =>
    (id && persons.data?.items.find((p) => p.id === id)?.name) || t('list.none');
  const unit = picture.data?.unit;
  const municipalityNames = useMunicipalityNames();
  return (
    <div className="stack">
      <PageHeading>{unit?.name ?? t('unit.title')}</PageHeading>
      <Paragraph>{t('unit.intro')}</Paragraph>
      {est.isPending ? <Loading /> : null}
      {est.isError ? <ErrorState error={est.error} onRetry={() => void est.refetch()} /> : null}
      {est.data ? (
        <>
          <div className="row">
            <Tag data-color={est.data.isEstablished ? 'success' : 'warning'}>
              {est.data.isEstablished ? t('unit.established') : t('unit.notEstablished')}
            </Tag>
          </div>
          <dl className="facts">
            <dt>{t('unit.municipalities')}</dt>
            <dd data-testid="unit-municipalities">
              {(unit?.municipalityNumbers ?? [])
                .map((n) => municipalityLabel(n, municipalityNames))
                .join(', ') || t('list.none')}
            </dd>
            <dt>{t('unit.municipalDecision')}</dt>
            <dd>
              {est.data.municipalDecisionDate
                ? t('unit.dateRef', {
                    date: formatDate(est.data.municipalDecisionDate, i18n.language),
                    ref: est.data.municipalDecisionRef ?? t('list.none'),
                  })
                : t('list.none')}
            </dd>
            <dt>{t('unit.policeConfirmation')}</dt>
            <dd>
              {est.data.policeConfirmationDate
                ? t('unit.dateRef', {
                    date: formatDate(est.data.policeConfirmationDate, i18n.language),
                    ref: est.data.policeConfirmationRef ?? t('list.none'),
                  })
                : t('list.none')}
            </dd>
            <dt>{t('unit.coordinator')}</dt>
            <dd>
              {name(est.data.coordinatorPersonId)}
              {est.data.coordinatorFte
                ? t('unit.fteSuffix', {
                    fte: formatNumber(Number(est.data.coordinatorFte) * 100, i18n.language, {
                      maximumFractionDigits: 0,
                    }),
                  })
                : null}
            </dd>
            <dt>{t('unit.policeContact')}</dt>
            <dd>{name(est.data.policeContactPersonId)}</dd>
          </dl>
          {canEditOrganisation(me) ? (
            <EstablishmentForm
              key={est.data.version}
              est={est.data}
              onReload={() => void est.refetch()}
            />
          ) : null}
        </>
      ) : null}
    </div>
  );
}
