/** Action plans room: create a plan or change a draft (period, weighting, the focus area tree).
 * An adopted plan is what the steering body decided: the page says so and offers no form. */
import { Alert, Button, Paragraph } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ifMatch } from '../../api/etag';
import { canEditOrganisation } from '../../auth/permissions';
import { useMe } from '../../auth/session';
import { useAnnounce } from '../shared/Announcer';
import { useFlashNavigate } from '../shared/Flash';
import { FormActions, FormNotices, SelectInput, TextInput } from '../shared/form/fields';
import { useForm } from '../shared/form/useForm';
import { PageHeading } from '../shared/PageHeading';
import { LoadError, Loading } from '../shared/States';
import { useCreatePlan, usePlan, useUpdatePlan } from './api';
import { FocusAreasEditor } from './FocusAreasEditor';
import { WEIGHTINGS, type Plan, type Weighting } from './types';
import { strategyLines, validatePlan, type PlanValues } from './validate';
import './action-plans.css';

function initialValues(plan: Plan | undefined): PlanValues {
  return {
    title: plan?.title ?? '',
    description: plan?.description ?? '',
    periodStart: plan?.periodStart ?? '',
    periodEnd: plan?.periodEnd ?? '',
    weighting: plan?.weighting ?? 'equal',
    focusAreas: (plan?.focusAreas ?? []).map((a) => ({
      key: a.id,
      id: a.id,
      title: a.title,
      weight: String(a.weight),
      strategies: a.strategies.join('\n'),
      goals: a.goals.map((g) => ({
        key: g.id,
        id: g.id,
        title: g.title,
        weight: String(g.weight),
      })),
    })),
  };
}

export function planBody(v: PlanValues) {
  return {
    title: v.title.trim(),
    description: v.description.trim() || null,
    periodStart: v.periodStart,
    periodEnd: v.periodEnd,
    weighting: v.weighting as Weighting,
    focusAreas: v.focusAreas.map((a) => ({
      id: a.id,
      title: a.title.trim(),
      weight: Number(a.weight),
      strategies: strategyLines(a.strategies),
      goals: a.goals.map((g) => ({ id: g.id, title: g.title.trim(), weight: Number(g.weight) })),
    })),
  };
}

function PlanForm({ plan, onReload }: { plan?: Plan; onReload: () => void }) {
  const { t } = useTranslation();
  const flashTo = useFlashNavigate();
  const announce = useAnnounce();
  const create = useCreatePlan();
  const update = useUpdatePlan();
  const labels = {
    title: t('actionPlans.titleLabel'),
    description: t('actionPlans.description'),
    periodStart: t('actionPlans.periodStart'),
    periodEnd: t('actionPlans.periodEnd'),
    weighting: t('actionPlans.weighting'),
    focusAreas: t('actionPlans.focusAreas'),
  };
  const form = useForm<PlanValues>({
    formId: plan ? 'plan-edit' : 'plan-new',
    initial: initialValues(plan),
    validate: (v) => validatePlan(v, t),
  });
  return (
    <form
      className="form"
      noValidate
      onSubmit={form.handleSubmit(async (v) => {
        const body = planBody(v);
        const saved = plan
          ? await update.mutateAsync({
              params: { path: { id: plan.id }, header: ifMatch(plan.version) },
              body,
            })
          : await create.mutateAsync({ body });
        const message = t('form.savedNamed', { name: saved.title });
        announce(message);
        flashTo(`/handlingsplaner/${saved.id}`, message);
      })}
    >
      <FormNotices form={form} labels={labels} onReload={onReload} />
      <TextInput form={form} name="title" label={labels.title} required />
      <TextInput form={form} name="description" label={labels.description} multiline />
      <TextInput form={form} name="periodStart" type="date" label={labels.periodStart} required />
      <TextInput form={form} name="periodEnd" type="date" label={labels.periodEnd} required />
      <SelectInput
        form={form}
        name="weighting"
        label={labels.weighting}
        description={t('actionPlans.weightingHelp')}
        options={WEIGHTINGS.map((w) => ({ value: w, label: t(`actionPlans.weightingValue.${w}`) }))}
      />
      <FocusAreasEditor form={form} />
      <FormActions>
        <Button type="submit" disabled={form.status === 'submitting'}>
          {plan ? t('form.save') : t('actionPlans.create')}
        </Button>
        <Button asChild variant="secondary">
          <Link to={plan ? `/handlingsplaner/${plan.id}` : '/handlingsplaner'}>
            {t('form.cancel')}
          </Link>
        </Button>
      </FormActions>
    </form>
  );
}

export default function PlanFormPage() {
  const { id } = useParams();
  const { t } = useTranslation();
  const me = useMe();
  const plan = usePlan(id);
  if (id && plan.isPending) return <Loading />;
  if (id && plan.isError)
    return (
      <LoadError
        error={plan.error}
        onRetry={() => void plan.refetch()}
        back="/handlingsplaner"
        backLabel={t('actionPlans.back')}
      />
    );
  const p = plan.data;
  const title = p ? t('actionPlans.editTitle', { name: p.title }) : t('actionPlans.newTitle');
  const back = (
    <Button asChild variant="secondary">
      <Link to={p ? `/handlingsplaner/${p.id}` : '/handlingsplaner'}>{t('actionPlans.back')}</Link>
    </Button>
  );
  if (!canEditOrganisation(me))
    return (
      <div className="stack">
        <PageHeading>{title}</PageHeading>
        <Paragraph>{t('state.readOnly')}</Paragraph>
        <div>{back}</div>
      </div>
    );
  if (p?.adopted)
    return (
      <div className="stack">
        <PageHeading>{title}</PageHeading>
        <Alert data-color="info" data-testid="plan-locked">
          <Paragraph>{t('actionPlans.locked')}</Paragraph>
        </Alert>
        <div>{back}</div>
      </div>
    );
  return (
    <div className="stack">
      <PageHeading>{title}</PageHeading>
      <Paragraph>{t('form.requiredHelp')}</Paragraph>
      <PlanForm key={p?.version ?? 'new'} plan={p} onReload={() => void plan.refetch()} />
    </div>
  );
}
