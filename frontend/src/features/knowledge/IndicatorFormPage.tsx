/** Knowledge room: create or change an indicator definition (If-Match), or delete it. */
import { Button, Paragraph } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ApiError, problemCode, problemText } from '../../api/problem';
import { ifMatch } from '../../api/etag';
import { useMe } from '../../auth/session';
import { useAnnounce } from '../shared/Announcer';
import { ConfirmDelete } from '../shared/ConfirmDelete';
import { useFlashNavigate } from '../shared/Flash';
import { FormActions, FormNotices, SelectInput, TextInput } from '../shared/form/fields';
import { useForm } from '../shared/form/useForm';
import { PageHeading } from '../shared/PageHeading';
import { LoadError, Loading } from '../shared/States';
import { useCreateIndicator, useDeleteIndicator, useIndicator, useUpdateIndicator } from './api';
import { FactorChoices } from './indicators/FactorChoices';
import {
  initialValues,
  toBody,
  validateIndicator,
  type IndicatorValues,
} from './indicators/values';
import { KnowledgeNav } from './KnowledgeNav';
import { canManageKnowledge } from './permissions';
import type { Indicator } from './types';
import { CATEGORIES, MEASURE_UNITS, SOURCES } from './vocab';
import './knowledge.css';

const LIST = '/kunnskap/indikatorer';

function IndicatorForm({ indicator, onReload }: { indicator?: Indicator; onReload: () => void }) {
  const { t } = useTranslation();
  const announce = useAnnounce();
  const flashTo = useFlashNavigate();
  const create = useCreateIndicator();
  const update = useUpdateIndicator();
  const labels = {
    code: t('knowledge.indicators.code'),
    name: t('knowledge.indicators.name'),
    source: t('knowledge.indicators.sourceLabel'),
    category: t('knowledge.indicators.categoryLabel'),
    measureUnit: t('knowledge.indicators.unitLabel'),
    factors: t('knowledge.indicators.factors'),
    description: t('knowledge.indicators.description'),
    direction: t('knowledge.indicators.direction'),
  };
  const form = useForm<IndicatorValues>({
    formId: indicator ? 'indicator-edit' : 'indicator-new',
    initial: initialValues(indicator),
    validate: (v) => validateIndicator(v, t),
  });
  return (
    <form
      className="form"
      noValidate
      onSubmit={form.handleSubmit(async (v) => {
        const body = toBody(v);
        const saved = indicator
          ? await update.mutateAsync({
              params: { path: { id: indicator.id }, header: ifMatch(indicator.version) },
              body,
            })
          : await create.mutateAsync({ body });
        const message = t('form.savedNamed', { name: saved.name });
        announce(message);
        flashTo(LIST, message);
      })}
    >
      <FormNotices form={form} labels={labels} onReload={onReload} />
      <TextInput
        form={form}
        name="code"
        label={labels.code}
        description={t('knowledge.indicators.codeHelp')}
        required
      />
      <TextInput form={form} name="name" label={labels.name} required />
      <SelectInput
        form={form}
        name="source"
        label={labels.source}
        required
        emptyLabel={t('form.choose')}
        options={SOURCES.map((s) => ({ value: s, label: t(`knowledge.source.${s}`) }))}
      />
      <SelectInput
        form={form}
        name="category"
        label={labels.category}
        required
        emptyLabel={t('form.choose')}
        options={CATEGORIES.map((c) => ({ value: c, label: t(`knowledge.category.${c}`) }))}
      />
      <SelectInput
        form={form}
        name="measureUnit"
        label={labels.measureUnit}
        required
        emptyLabel={t('form.choose')}
        options={MEASURE_UNITS.map((u) => ({ value: u, label: t(`knowledge.measureUnit.${u}`) }))}
      />
      <SelectInput
        form={form}
        name="direction"
        label={labels.direction}
        description={t('knowledge.indicators.directionHelp')}
        options={[
          { value: '', label: t('knowledge.indicators.neither') },
          { value: 'higher', label: t('knowledge.indicators.higherBetter') },
          { value: 'lower', label: t('knowledge.indicators.lowerBetter') },
        ]}
      />
      <FactorChoices form={form} />
      <TextInput form={form} name="description" label={labels.description} multiline />
      <FormActions>
        <Button type="submit" disabled={form.status === 'submitting'}>
          {indicator ? t('form.save') : t('knowledge.indicators.create')}
        </Button>
        <Button asChild variant="secondary">
          <Link to={LIST}>{t('form.cancel')}</Link>
        </Button>
      </FormActions>
    </form>
  );
}

function DeleteIndicator({ indicator }: { indicator: Indicator }) {
  const { t } = useTranslation();
  const remove = useDeleteIndicator();
  return (
    <ConfirmDelete
      label={t('knowledge.indicators.delete')}
      question={t('knowledge.indicators.deleteQuestion', { name: indicator.name })}
      confirmLabel={t('knowledge.indicators.deleteConfirm')}
      remove={() =>
        remove.mutateAsync({
          params: { path: { id: indicator.id }, header: ifMatch(indicator.version) },
        })
      }
      pending={remove.isPending}
      done={t('knowledge.indicators.deleted', { name: indicator.name })}
      to={LIST}
      errorText={(e) => {
        if (!(e instanceof ApiError)) return t('problem.generic');
        if (e.status === 412) return t('conflict.body');
        return t(`knowledge.indicators.problem.${problemCode(e.problem)}`, {
          defaultValue: problemText(e.problem, t),
        });
      }}
    />
  );
}

export default function IndicatorFormPage() {
  const { id } = useParams();
  const { t } = useTranslation();
  const me = useMe();
  const indicator = useIndicator(id);
  const title = id ? t('knowledge.indicators.editTitle') : t('knowledge.indicators.newTitle');
  if (id && indicator.isPending) return <Loading />;
  if (id && indicator.isError)
    return (
      <LoadError
        error={indicator.error}
        onRetry={() => void indicator.refetch()}
        back={LIST}
        backLabel={t('knowledge.indicators.back')}
      />
    );
  const current = id ? indicator.data : undefined;
  return (
    <div className="stack">
      <KnowledgeNav />
      <PageHeading>{title}</PageHeading>
      {canManageKnowledge(me) ? (
        <>
          <IndicatorForm
            key={current?.version ?? 'new'}
            indicator={current}
            onReload={() => void indicator.refetch()}
          />
          {current ? <DeleteIndicator indicator={current} /> : null}
        </>
      ) : (
        <Paragraph>{t('knowledge.indicators.managersOnly')}</Paragraph>
      )}
    </div>
  );
}
