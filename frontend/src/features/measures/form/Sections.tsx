/** Measures room: the measure form's groups — Om tiltaket, Målgruppe, Ansvar og ressurser,
 * Faktorer, Kunnskapsgrunnlag, Evalueringsplan and the flags that require evaluation. */
import { Fieldset } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import { useAllOrganisations } from '../../organisation/api';
import { PersonField } from '../../organisation/PersonField';
import { CheckboxInput, SelectInput, TextInput } from '../../shared/form/fields';
import type { FormApi } from '../../shared/form/useForm';
import { useFactors } from '../api';
import { useFocusAreas, useGoals } from '../plans';
import { ASPECTS, EVIDENCE, PERFORMERS, TIERS } from '../types';
import type { MeasureValues } from '../validate';
import { CheckGroup } from './CheckGroup';

type F = { form: FormApi<MeasureValues> };

export function AboutSection({ form }: F) {
  const { t } = useTranslation();
  return (
    <>
      <TextInput form={form} name="title" label={t('measures.field.title')} required />
      <TextInput
        form={form}
        name="problem"
        label={t('measures.field.problem')}
        required
        multiline
      />
      <SelectInput
        form={form}
        name="tier"
        label={t('measures.field.tier')}
        required
        emptyLabel={t('form.choose')}
        options={TIERS.map((x) => ({ value: x, label: t(`measures.tier.${x}`) }))}
      />
      <TextInput form={form} name="description" label={t('measures.field.description')} multiline />
    </>
  );
}

export function TargetSection({ form }: F) {
  const { t } = useTranslation();
  return (
    <>
      <TextInput
        form={form}
        name="targetGroup"
        label={t('measures.field.targetGroup')}
        description={t('measures.field.targetGroupHelp')}
        multiline
      />
      <div className="row">
        <TextInput
          form={form}
          name="targetAgeMin"
          label={t('measures.field.targetAgeMin')}
          inputMode="numeric"
        />
        <TextInput
          form={form}
          name="targetAgeMax"
          label={t('measures.field.targetAgeMax')}
          inputMode="numeric"
        />
      </div>
    </>
  );
}

export function ResponsibilitySection({ form }: F) {
  const { t } = useTranslation();
  const organisations = useAllOrganisations();
  const options = (organisations.data?.items ?? []).map((o) => ({ value: o.id, label: o.name }));
  const focusAreas = useFocusAreas();
  const goals = useGoals();
  return (
    <>
      <CheckGroup
        form={form}
        name="responsibleOrganisationIds"
        legend={t('measures.field.responsibleOrganisationIds')}
        options={options}
        grid
      />
      <CheckGroup
        form={form}
        name="partnerOrganisationIds"
        legend={t('measures.field.partnerOrganisationIds')}
        options={options}
        grid
      />
      <PersonField form={form} name="ownerId" label={t('measures.field.ownerId')} />
      <div className="row">
        <TextInput
          form={form}
          name="budgetNok"
          label={t('measures.field.budgetNok')}
          inputMode="numeric"
        />
        <TextInput
          form={form}
          name="staffHours"
          label={t('measures.field.staffHours')}
          inputMode="numeric"
        />
      </div>
      <div className="row">
        <TextInput form={form} name="startOn" type="date" label={t('measures.field.startOn')} />
        <TextInput form={form} name="endOn" type="date" label={t('measures.field.endOn')} />
      </div>
      <CheckGroup
        form={form}
        name="focusAreaIds"
        legend={t('measures.field.focusAreaIds')}
        options={focusAreas.map((f) => ({ value: f.id, label: f.title }))}
        empty={t('measures.field.noGoals')}
      />
      <CheckGroup
        form={form}
        name="goalIds"
        legend={t('measures.field.goalIds')}
        options={goals.map((g) => ({ value: g.id, label: g.path }))}
        empty={t('measures.field.noGoals')}
      />
    </>
  );
}

export function FactorsSection({ form }: F) {
  const { t } = useTranslation();
  const factors = useFactors();
  const words = (codes: { code: string }[]) =>
    codes.map((f) => ({
      value: f.code,
      label: t(`measures.factor.${f.code}`, { defaultValue: f.code }),
    }));
  return (
    <>
      <CheckGroup
        form={form}
        name="riskFactors"
        legend={t('measures.field.riskFactors')}
        options={words(factors.data?.risk ?? [])}
        grid
      />
      <CheckGroup
        form={form}
        name="protectiveFactors"
        legend={t('measures.field.protectiveFactors')}
        options={words(factors.data?.protective ?? [])}
        grid
      />
    </>
  );
}

export function EvidenceSelect({ form }: F) {
  const { t } = useTranslation();
  return (
    <SelectInput
      form={form}
      name="evidence"
      label={t('measures.field.evidence')}
      options={EVIDENCE.map((x) => ({ value: x, label: t(`measures.evidence.${x}`) }))}
    />
  );
}

export function EvaluationPlanSection({ form }: F) {
  const { t } = useTranslation();
  return (
    <>
      <CheckboxInput form={form} name="hasPlan" label={t('measures.field.hasPlan')} />
      {form.values.hasPlan ? (
        <>
          <CheckGroup
            form={form}
            name="aspects"
            legend={t('measures.field.aspects')}
            options={ASPECTS.map((x) => ({ value: x, label: t(`measures.aspect.${x}`) }))}
          />
          <TextInput form={form} name="method" label={t('measures.field.method')} required />
          <SelectInput
            form={form}
            name="performer"
            label={t('measures.field.performer')}
            options={PERFORMERS.map((x) => ({ value: x, label: t(`measures.performer.${x}`) }))}
          />
          <TextInput form={form} name="performerName" label={t('measures.field.performerName')} />
          <TextInput
            form={form}
            name="dueOn"
            type="date"
            label={t('measures.field.dueOn')}
            required
          />
        </>
      ) : null}
    </>
  );
}

export function FlagsSection({ form }: F) {
  const { t } = useTranslation();
  return (
    <Fieldset>
      <Fieldset.Legend>{t('measures.section.flags')}</Fieldset.Legend>
      <CheckboxInput form={form} name="newOrTrial" label={t('measures.field.newOrTrial')} />
      <CheckboxInput form={form} name="transferable" label={t('measures.field.transferable')} />
      <CheckboxInput
        form={form}
        name="riskOfNegativeEffects"
        label={t('measures.field.riskOfNegativeEffects')}
      />
      <CheckboxInput
        form={form}
        name="strategyAnchored"
        label={t('measures.field.strategyAnchored')}
      />
    </Fieldset>
  );
}
