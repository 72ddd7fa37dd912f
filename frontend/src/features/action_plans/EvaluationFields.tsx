/** Action plans room: the evaluation form's choice fields — the aspects evaluated (checkboxes) and
 * the conclusion (continue | adjust | stop, or not yet). */
import { Checkbox, Fieldset, Radio, ValidationMessage } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import type { FormApi } from '../shared/form/useForm';
import { ASPECTS, CONCLUSIONS } from './types';
import type { EvaluationValues } from './validate';

export function AspectsField({ form }: { form: FormApi<EvaluationValues> }) {
  const { t } = useTranslation();
  const error = form.errorFor('aspects');
  const chosen = form.values.aspects;
  return (
    <Fieldset id={form.fieldId('aspects')} aria-invalid={error ? true : undefined}>
      <Fieldset.Legend>
        {t('evaluationForm.aspects')}
        <span className="required-mark">{t('form.requiredMark')}</span>
      </Fieldset.Legend>
      {ASPECTS.map((a) => (
        <Checkbox
          key={a}
          label={t(`evaluationForm.aspect.${a}`)}
          value={a}
          checked={chosen.includes(a)}
          onChange={(e) =>
            form.set('aspects', e.target.checked ? [...chosen, a] : chosen.filter((x) => x !== a))
          }
        />
      ))}
      {error ? <ValidationMessage>{error}</ValidationMessage> : null}
    </Fieldset>
  );
}

export function ConclusionField({ form }: { form: FormApi<EvaluationValues> }) {
  const { t } = useTranslation();
  const error = form.errorFor('conclusion');
  const name = form.fieldId('conclusion');
  return (
    <Fieldset id={name} aria-invalid={error ? true : undefined}>
      <Fieldset.Legend>{t('evaluationForm.conclusion')}</Fieldset.Legend>
      <Fieldset.Description>{t('evaluationForm.conclusionHelp')}</Fieldset.Description>
      <Radio
        name={name}
        value=""
        label={t('evaluationForm.conclusionNone')}
        checked={form.values.conclusion === ''}
        onChange={() => form.set('conclusion', '')}
      />
      {CONCLUSIONS.map((c) => (
        <Radio
          key={c}
          name={name}
          value={c}
          label={t(`evaluationForm.conclusionValue.${c}`)}
          checked={form.values.conclusion === c}
          onChange={() => form.set('conclusion', c)}
        />
      ))}
      {error ? <ValidationMessage>{error}</ValidationMessage> : null}
    </Fieldset>
  );
}
