/** Measures room: propose a measure or change it — every field, grouped; the limits checked as
 * the server holds them; the free-text guard's 422 at the field, with "Lagre likevel". */
import { Button, Heading, Paragraph } from '@digdir/designsystemet-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ifMatch } from '../../api/etag';
import { useMe } from '../../auth/session';
import { GuardPanel, useGuard } from '../meetings/minutes/Guard';
import { useAnnounce } from '../shared/Announcer';
import { useFlashNavigate } from '../shared/Flash';
import { FormActions, FormNotices } from '../shared/form/fields';
import { useForm } from '../shared/form/useForm';
import { PageHeading } from '../shared/PageHeading';
import { LoadError, Loading } from '../shared/States';
import { useMeasure, useProposeMeasure, useUpdateMeasure } from './api';
import { MilestonesEditor, ReferencesEditor } from './form/ListEditors';
import {
  AboutSection,
  EvaluationPlanSection,
  EvidenceSelect,
  FactorsSection,
  FlagsSection,
  ResponsibilitySection,
  TargetSection,
} from './form/Sections';
import { flattenPlanErrors, toBody, toValues } from './form/values';
import { measureLimits } from './limits';
import { canEdit, canPropose } from './permissions';
import type { Measure } from './types';
import { milestoneErrors, referenceErrors, validateMeasure, type MeasureValues } from './validate';

function useLabels(): Record<string, string> {
  const { t } = useTranslation();
  const names = [
    'title',
    'problem',
    'tier',
    'description',
    'targetGroup',
    'targetAgeMin',
    'targetAgeMax',
    'focusAreaIds',
    'goalIds',
    'responsibleOrganisationIds',
    'partnerOrganisationIds',
    'ownerId',
    'budgetNok',
    'staffHours',
    'startOn',
    'endOn',
    'riskFactors',
    'protectiveFactors',
    'evidence',
    'registryReferences',
    'aspects',
    'method',
    'performer',
    'performerName',
    'dueOn',
  ];
  return {
    ...Object.fromEntries(names.map((n) => [n, t(`measures.field.${n}`)])),
    milestones: t('measures.section.milestones'),
    evaluationPlan: t('measures.field.evaluationPlan'),
  };
}

function Section({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section className="stack" aria-labelledby={`section-${id}`}>
      <Heading level={2} data-size="xs" id={`section-${id}`}>
        {title}
      </Heading>
      {children}
    </section>
  );
}

function MeasureForm({ measure, onReload }: { measure?: Measure; onReload: () => void }) {
  const { t } = useTranslation();
  const flashTo = useFlashNavigate();
  const announce = useAnnounce();
  const propose = useProposeMeasure();
  const update = useUpdateMeasure();
  const guard = useGuard();
  const labels = useLabels();
  const lim = measureLimits();
  const form = useForm<MeasureValues>({
    formId: measure ? 'measure-edit' : 'measure-new',
    initial: toValues(measure),
    validate: (v) => validateMeasure(v, lim, t),
  });
  const save = (overrideReason?: string) =>
    form.handleSubmit((v) =>
      guard.run(
        {
          title: v.title,
          problem: v.problem,
          description: v.description,
          targetGroup: v.targetGroup,
        },
        async () => {
          const body = { ...toBody(v), ...(overrideReason ? { overrideReason } : {}) };
          const saved = await (
            measure
              ? update.mutateAsync({
                  params: { path: { id: measure.id }, header: ifMatch(measure.version) },
                  body,
                })
              : propose.mutateAsync({ body })
          ).catch((err: unknown) => {
            throw flattenPlanErrors(err);
          });
          const message = t('form.savedNamed', { name: saved.title });
          announce(message);
          flashTo(`/tiltak/${saved.id}`, message);
        },
      ),
    );
  const s = (key: string) => t(`measures.section.${key}`);
  return (
    <form className="form" noValidate onSubmit={(e) => void save()(e)} data-testid="measure-form">
      <FormNotices form={form} labels={labels} onReload={onReload} />
      <Section id="about" title={s('about')}>
        <AboutSection form={form} />
      </Section>
      <Section id="target" title={s('target')}>
        <TargetSection form={form} />
      </Section>
      <Section id="responsibility" title={s('responsibility')}>
        <ResponsibilitySection form={form} />
      </Section>
      <Section id="milestones" title={s('milestones')}>
        <MilestonesEditor form={form} errors={milestoneErrors(form.values.milestones, lim, t)} />
      </Section>
      <Section id="factors" title={s('factors')}>
        <FactorsSection form={form} />
      </Section>
      <Section id="evidence" title={s('evidence')}>
        <EvidenceSelect form={form} />
        <ReferencesEditor
          form={form}
          errors={referenceErrors(form.values.registryReferences, lim, t)}
        />
      </Section>
      <Section id="evaluationPlan" title={s('evaluationPlan')}>
        <EvaluationPlanSection form={form} />
        <FlagsSection form={form} />
      </Section>
      {guard.blocked ? (
        <GuardPanel
          id="measure-guard"
          blocked={guard.blocked}
          labels={labels}
          busy={form.status === 'submitting'}
          onFix={(field) => {
            guard.clear();
            document.getElementById(form.fieldId(field))?.focus();
          }}
          onOverride={(reason) => void save(reason)()}
        />
      ) : null}
      <FormActions>
        <Button type="submit" disabled={form.status === 'submitting'}>
          {measure ? t('form.save') : t('measures.create')}
        </Button>
        <Button asChild variant="secondary">
          <Link to={measure ? `/tiltak/${measure.id}` : '/tiltak'}>{t('form.cancel')}</Link>
        </Button>
      </FormActions>
    </form>
  );
}

export default function MeasureFormPage() {
  const { id } = useParams();
  const { t } = useTranslation();
  const me = useMe();
  const measure = useMeasure(id);
  if (id && measure.isPending) return <Loading />;
  if (id && measure.isError)
    return (
      <LoadError
        error={measure.error}
        onRetry={() => void measure.refetch()}
        back="/tiltak"
        backLabel={t('measures.back')}
      />
    );
  const m = measure.data as Measure | undefined;
  const title = m ? t('measures.editTitle', { title: m.title }) : t('measures.newTitle');
  const allowed = m ? canEdit(me, m) : canPropose(me);
  return (
    <div className="stack">
      <PageHeading>{title}</PageHeading>
      {allowed ? (
        <>
          <Paragraph>{t('form.requiredHelp')}</Paragraph>
          <MeasureForm
            key={m?.version ?? 'new'}
            measure={m}
            onReload={() => void measure.refetch()}
          />
        </>
      ) : (
        <Paragraph>{t('state.readOnly')}</Paragraph>
      )}
    </div>
  );
}
