/** Action plans room: the evaluation form — aspects, performer, method, due date, findings and the
 * conclusion; findings pass the free-text guard (save anyway with a reason, as in the minutes). */
import { Button } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ifMatch } from '../../api/etag';
import { GuardPanel, useGuard } from '../meetings/minutes/Guard';
import { useAnnounce } from '../shared/Announcer';
import { useFlashNavigate } from '../shared/Flash';
import { FormActions, FormNotices, SelectInput, TextInput } from '../shared/form/fields';
import { useForm } from '../shared/form/useForm';
import { useAddEvaluation, useUpdateEvaluation } from './api';
import { AspectsField, ConclusionField } from './EvaluationFields';
import {
  PERFORMERS,
  type Aspect,
  type Conclusion,
  type Evaluation,
  type EvaluationPlan,
  type Performer,
} from './types';
import { validateEvaluation, type EvaluationValues } from './validate';

export function initialEvaluation(
  e: Evaluation | undefined,
  plan: EvaluationPlan | null | undefined,
): EvaluationValues {
  return {
    aspects: [...(e?.aspects ?? plan?.aspects ?? [])],
    performer: e?.performer ?? plan?.performer ?? '',
    performerName: e?.performerName ?? plan?.performerName ?? '',
    method: e?.method ?? plan?.method ?? '',
    dueOn: e?.dueOn ?? plan?.dueOn ?? '',
    findings: e?.findings ?? '',
    conclusion: e?.conclusion ?? '',
    completedOn: e?.completedOn ?? '',
  };
}

export function evaluationBody(v: EvaluationValues) {
  return {
    aspects: v.aspects as Aspect[],
    performer: v.performer as Performer,
    performerName: v.performerName.trim() || null,
    method: v.method.trim(),
    dueOn: v.dueOn || null,
    findings: v.findings.trim() || null,
    conclusion: (v.conclusion || null) as Conclusion | null,
    completedOn: v.conclusion ? v.completedOn || null : null,
  };
}

export function EvaluationForm({
  measureId,
  evaluation,
  plan,
  onReload,
}: {
  measureId: string;
  evaluation?: Evaluation;
  plan?: EvaluationPlan | null;
  onReload: () => void;
}) {
  const { t } = useTranslation();
  const flashTo = useFlashNavigate();
  const announce = useAnnounce();
  const add = useAddEvaluation();
  const update = useUpdateEvaluation();
  const guard = useGuard();
  const formId = evaluation ? 'evaluation-edit' : 'evaluation-new';
  const labels = {
    aspects: t('evaluationForm.aspects'),
    performer: t('evaluationForm.performer'),
    performerName: t('evaluationForm.performerName'),
    method: t('evaluationForm.method'),
    dueOn: t('evaluationForm.dueOn'),
    findings: t('evaluationForm.findings'),
    conclusion: t('evaluationForm.conclusion'),
    completedOn: t('evaluationForm.completedOn'),
  };
  const form = useForm<EvaluationValues>({
    formId,
    initial: initialEvaluation(evaluation, plan),
    validate: (v) => validateEvaluation(v, t),
  });
  const save = (overrideReason?: string) =>
    form.handleSubmit((v) =>
      guard.run({ findings: v.findings }, async () => {
        const body = { ...evaluationBody(v), ...(overrideReason ? { overrideReason } : {}) };
        const saved = evaluation
          ? await update.mutateAsync({
              params: {
                path: { id: evaluation.id },
                header: ifMatch(evaluation.version),
              },
              body,
            })
          : await add.mutateAsync({ params: { path: { id: measureId } }, body });
        const message = t('evaluationForm.saved');
        announce(message);
        flashTo(`/tiltak/${measureId}/evalueringer/${saved.id}`, message);
      }),
    );
  return (
    <form
      className="form"
      noValidate
      aria-label={t('evaluationForm.formLabel')}
      onSubmit={(e) => void save()(e)}
      data-testid="evaluation-form"
    >
      <FormNotices form={form} labels={labels} onReload={onReload} />
      <AspectsField form={form} />
      <SelectInput
        form={form}
        name="performer"
        label={labels.performer}
        required
        emptyLabel={t('form.choose')}
        options={PERFORMERS.map((p) => ({
          value: p,
          label: t(`evaluationForm.performerValue.${p}`),
        }))}
      />
      <TextInput
        form={form}
        name="performerName"
        label={labels.performerName}
        description={t('evaluationForm.performerNameHelp')}
      />
      <TextInput
        form={form}
        name="method"
        label={labels.method}
        description={t('evaluationForm.methodHelp')}
        required
      />
      <TextInput form={form} name="dueOn" type="date" label={labels.dueOn} />
      <TextInput
        form={form}
        name="findings"
        label={labels.findings}
        description={t('evaluationForm.findingsHelp')}
        multiline
      />
      <ConclusionField form={form} />
      {form.values.conclusion ? (
        <TextInput
          form={form}
          name="completedOn"
          type="date"
          label={labels.completedOn}
          description={t('evaluationForm.completedOnHelp')}
        />
      ) : null}
      {guard.blocked ? (
        <GuardPanel
          id={`${formId}-guard`}
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
          {evaluation ? t('form.save') : t('evaluationForm.create')}
        </Button>
        <Button asChild variant="secondary">
          <Link to={`/tiltak/${measureId}`}>{t('form.cancel')}</Link>
        </Button>
      </FormActions>
    </form>
  );
}
