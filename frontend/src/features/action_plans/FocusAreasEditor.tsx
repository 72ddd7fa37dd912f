/** Action plans room: the plan's tree in the form — focus areas, each with its goals and
 * strategies (one per line), added, changed and removed in place; ids are kept for existing
 * items so the measures linked to a goal stay linked. */
import { Button, Fieldset, Textfield, ValidationMessage } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import type { FormApi } from '../shared/form/useForm';
import { FOCUS_AREAS_MAX, GOALS_MAX } from './limits';
import {
  focusAreaError,
  goalError,
  newKey,
  type FocusAreaDraft,
  type GoalDraft,
  type PlanValues,
} from './validate';

export function emptyFocusArea(): FocusAreaDraft {
  return { key: newKey(), id: null, title: '', weight: '1', strategies: '', goals: [] };
}

function emptyGoal(): GoalDraft {
  return { key: newKey(), id: null, title: '', weight: '1' };
}

function GoalRow({
  goal,
  n,
  area,
  show,
  onChange,
  onRemove,
}: {
  goal: GoalDraft;
  n: number;
  area: number;
  show: boolean;
  onChange: (g: GoalDraft) => void;
  onRemove: () => void;
}) {
  const { t } = useTranslation();
  const error = show ? goalError(goal, t) : undefined;
  return (
    <li className="goal-row" data-testid="goal-row">
      <Textfield
        label={t('actionPlans.goalTitle', { n, area })}
        value={goal.title}
        error={error}
        onChange={(e) => onChange({ ...goal, title: e.target.value })}
      />
      <Textfield
        label={t('actionPlans.goalWeight', { n, area })}
        type="number"
        inputMode="numeric"
        className="weight-field"
        value={goal.weight}
        onChange={(e) => onChange({ ...goal, weight: e.target.value })}
      />
      <div>
        <Button variant="tertiary" data-size="sm" onClick={onRemove}>
          {t('actionPlans.removeGoal', { name: goal.title || t('actionPlans.goalN', { n }) })}
        </Button>
      </div>
    </li>
  );
}

function FocusAreaFields({
  area,
  n,
  show,
  onChange,
  onRemove,
}: {
  area: FocusAreaDraft;
  n: number;
  show: boolean;
  onChange: (a: FocusAreaDraft) => void;
  onRemove: () => void;
}) {
  const { t } = useTranslation();
  const error = show ? focusAreaError(area, t) : undefined;
  const setGoal = (i: number, g: GoalDraft) =>
    onChange({ ...area, goals: area.goals.map((x, j) => (j === i ? g : x)) });
  return (
    <Fieldset className="focus-area-fields" data-testid="focus-area-fields">
      <Fieldset.Legend>{t('actionPlans.focusAreaN', { n })}</Fieldset.Legend>
      <Textfield
        label={t('actionPlans.focusAreaTitle', { n })}
        value={area.title}
        onChange={(e) => onChange({ ...area, title: e.target.value })}
      />
      <Textfield
        label={t('actionPlans.focusAreaWeight', { n })}
        description={t('actionPlans.weightHelp')}
        type="number"
        inputMode="numeric"
        className="weight-field"
        value={area.weight}
        onChange={(e) => onChange({ ...area, weight: e.target.value })}
      />
      <Textfield
        label={t('actionPlans.strategies', { n })}
        description={t('actionPlans.strategiesHelp')}
        multiline
        rows={3}
        value={area.strategies}
        onChange={(e) => onChange({ ...area, strategies: e.target.value })}
      />
      <ol className="goal-list">
        {area.goals.map((g, i) => (
          <GoalRow
            key={g.key}
            goal={g}
            n={i + 1}
            area={n}
            show={show}
            onChange={(next) => setGoal(i, next)}
            onRemove={() => onChange({ ...area, goals: area.goals.filter((_, j) => j !== i) })}
          />
        ))}
      </ol>
      {error ? <ValidationMessage>{error}</ValidationMessage> : null}
      <div className="form-actions">
        <Button
          variant="secondary"
          data-size="sm"
          disabled={area.goals.length >= GOALS_MAX}
          onClick={() => onChange({ ...area, goals: [...area.goals, emptyGoal()] })}
        >
          {t('actionPlans.addGoal', { n })}
        </Button>
        <Button variant="tertiary" data-size="sm" data-color="danger" onClick={onRemove}>
          {t('actionPlans.removeFocusArea', {
            name: area.title || t('actionPlans.focusAreaN', { n }),
          })}
        </Button>
      </div>
    </Fieldset>
  );
}

export function FocusAreasEditor({ form }: { form: FormApi<PlanValues> }) {
  const { t } = useTranslation();
  const areas = form.values.focusAreas;
  const show = form.submitCount > 0;
  const setAreas = (next: FocusAreaDraft[]) => form.set('focusAreas', next);
  const error = form.errorFor('focusAreas');
  return (
    <section className="stack" id={form.fieldId('focusAreas')} aria-labelledby="plan-tree-edit">
      <h2 id="plan-tree-edit" className="ds-heading" data-size="xs">
        {t('actionPlans.focusAreas')}
      </h2>
      {areas.map((a, i) => (
        <FocusAreaFields
          key={a.key}
          area={a}
          n={i + 1}
          show={show}
          onChange={(next) => setAreas(areas.map((x, j) => (j === i ? next : x)))}
          onRemove={() => setAreas(areas.filter((_, j) => j !== i))}
        />
      ))}
      {error ? <ValidationMessage>{error}</ValidationMessage> : null}
      <div>
        <Button
          variant="secondary"
          disabled={areas.length >= FOCUS_AREAS_MAX}
          onClick={() => setAreas([...areas, emptyFocusArea()])}
        >
          {t('actionPlans.addFocusArea')}
        </Button>
      </div>
    </section>
  );
}
