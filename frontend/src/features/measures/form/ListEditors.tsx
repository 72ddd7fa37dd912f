/** Measures room: the parts of a measure sent whole — milestones and registry references — as
 * lists of small editors, each item's errors beside its fields. */
import {
  Alert,
  Button,
  Fieldset,
  Paragraph,
  Select,
  Textfield,
  ValidationMessage,
} from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import type { FormApi } from '../../shared/form/useForm';
import { REGISTRIES, VERDICTS, WARN_VERDICTS } from '../types';
import type { ItemErrors, MeasureValues, MilestoneValues, ReferenceValues } from '../validate';

type F = FormApi<MeasureValues>;

function useItems<K extends 'milestones' | 'registryReferences'>(form: F, name: K) {
  const items = form.values[name];
  const put = (i: number, patch: Partial<MeasureValues[K][number]>) =>
    form.set(name, items.map((x, j) => (j === i ? { ...x, ...patch } : x)) as MeasureValues[K]);
  const remove = (i: number) => form.set(name, items.filter((_, j) => j !== i) as MeasureValues[K]);
  const show = form.submitCount > 0;
  return { items, put, remove, show };
}

/** The list's own error (too many, or the server's about an item) when no item shows one. */
function ListError({
  form,
  name,
  errors,
}: {
  form: F;
  name: 'milestones' | 'registryReferences';
  errors: ItemErrors<object>;
}) {
  const message = form.errorFor(name);
  const itemShown = form.submitCount > 0 && errors.some((e) => Object.values(e).some(Boolean));
  return message && !itemShown ? <ValidationMessage>{message}</ValidationMessage> : null;
}

export function MilestonesEditor({
  form,
  errors,
}: {
  form: F;
  errors: ItemErrors<MilestoneValues>;
}) {
  const { t } = useTranslation();
  const { items, put, remove, show } = useItems(form, 'milestones');
  const id = (i: number, f: string) => `${form.fieldId('milestones')}-${i}-${f}`;
  return (
    <div className="stack" id={form.fieldId('milestones')}>
      {items.length === 0 ? (
        <Paragraph className="muted">{t('measures.milestone.none')}</Paragraph>
      ) : null}
      {items.map((m, i) => (
        <Fieldset key={m.id ?? `new-${i}`} className="item-editor">
          <Fieldset.Legend>{t('measures.milestone.item', { n: i + 1 })}</Fieldset.Legend>
          <Textfield
            id={id(i, 'title')}
            label={t('measures.milestone.title')}
            value={m.title}
            error={show ? errors[i]?.title : undefined}
            onChange={(e) => put(i, { title: e.target.value })}
          />
          <div className="row">
            <Textfield
              id={id(i, 'dueOn')}
              type="date"
              label={t('measures.milestone.dueOn')}
              value={m.dueOn}
              onChange={(e) => put(i, { dueOn: e.target.value })}
            />
            <Textfield
              id={id(i, 'doneOn')}
              type="date"
              label={t('measures.milestone.doneOn')}
              value={m.doneOn}
              onChange={(e) => put(i, { doneOn: e.target.value })}
            />
            <Textfield
              id={id(i, 'weight')}
              inputMode="numeric"
              label={t('measures.milestone.weight')}
              value={m.weight}
              error={show ? errors[i]?.weight : undefined}
              onChange={(e) => put(i, { weight: e.target.value })}
            />
          </div>
          <Button type="button" variant="tertiary" data-size="sm" onClick={() => remove(i)}>
            {t('measures.milestone.remove', { n: i + 1 })}
          </Button>
        </Fieldset>
      ))}
      <ListError form={form} name="milestones" errors={errors} />
      <Button
        type="button"
        variant="secondary"
        data-size="sm"
        onClick={() =>
          form.set('milestones', [
            ...items,
            { id: null, title: '', dueOn: '', doneOn: '', weight: '1' },
          ])
        }
      >
        {t('measures.milestone.add')}
      </Button>
    </div>
  );
}

export function ReferencesEditor({
  form,
  errors,
}: {
  form: F;
  errors: ItemErrors<ReferenceValues>;
}) {
  const { t } = useTranslation();
  const { items, put, remove, show } = useItems(form, 'registryReferences');
  const id = (i: number, f: string) => `${form.fieldId('registryReferences')}-${i}-${f}`;
  return (
    <div className="stack" id={form.fieldId('registryReferences')}>
      {items.map((r, i) => (
        <Fieldset key={i} className="item-editor">
          <Fieldset.Legend>{t('measures.registry.item', { n: i + 1 })}</Fieldset.Legend>
          <label htmlFor={id(i, 'registry')}>{t('measures.registry.label')}</label>
          <Select
            id={id(i, 'registry')}
            value={r.registry}
            onChange={(e) => put(i, { registry: e.target.value as ReferenceValues['registry'] })}
          >
            {REGISTRIES.map((x) => (
              <Select.Option key={x} value={x}>
                {t(`measures.registry.${x}`)}
              </Select.Option>
            ))}
          </Select>
          <Textfield
            id={id(i, 'rating')}
            label={t('measures.registry.rating')}
            description={t('measures.registry.ratingHelp')}
            value={r.rating}
            error={show ? errors[i]?.rating : undefined}
            onChange={(e) => put(i, { rating: e.target.value })}
          />
          <label htmlFor={id(i, 'verdict')}>{t('measures.registry.verdict')}</label>
          <Select
            id={id(i, 'verdict')}
            value={r.verdict}
            onChange={(e) => put(i, { verdict: e.target.value as ReferenceValues['verdict'] })}
          >
            {VERDICTS.map((x) => (
              <Select.Option key={x} value={x}>
                {t(`measures.verdict.${x}`)}
              </Select.Option>
            ))}
          </Select>
          {WARN_VERDICTS.includes(r.verdict) ? (
            <Alert data-color="danger" data-testid="registry-warning">
              <Paragraph>
                {t('measures.registry.warning', {
                  registry: t(`measures.registry.${r.registry}`),
                  verdict: t(`measures.verdict.${r.verdict}`),
                })}
              </Paragraph>
            </Alert>
          ) : null}
          <div className="row">
            <Textfield
              id={id(i, 'reviewedOn')}
              type="date"
              label={t('measures.registry.reviewedOn')}
              value={r.reviewedOn}
              onChange={(e) => put(i, { reviewedOn: e.target.value })}
            />
            <Textfield
              id={id(i, 'url')}
              type="url"
              label={t('measures.registry.url')}
              value={r.url}
              error={show ? errors[i]?.url : undefined}
              onChange={(e) => put(i, { url: e.target.value })}
            />
          </div>
          <Button type="button" variant="tertiary" data-size="sm" onClick={() => remove(i)}>
            {t('measures.registry.remove', { n: i + 1 })}
          </Button>
        </Fieldset>
      ))}
      <ListError form={form} name="registryReferences" errors={errors} />
      <Button
        type="button"
        variant="secondary"
        data-size="sm"
        onClick={() =>
          form.set('registryReferences', [
            ...items,
            { registry: 'ungsinn', rating: '', verdict: 'insufficient', reviewedOn: '', url: '' },
          ])
        }
      >
        {t('measures.registry.add')}
      </Button>
    </div>
  );
}
