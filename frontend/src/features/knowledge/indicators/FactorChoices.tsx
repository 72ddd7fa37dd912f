/** Knowledge room: the indicator's risk and protective factors (codes of /api/measure-factors),
 * as one fieldset with a group of checkboxes per kind. */
import { Checkbox, Fieldset, ValidationMessage } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import { useFactors } from '../../measures/api';
import type { FormApi } from '../../shared/form/useForm';
import type { IndicatorValues } from './values';

export function FactorChoices({ form }: { form: FormApi<IndicatorValues> }) {
  const { t } = useTranslation();
  const factors = useFactors();
  const chosen = form.values.factors;
  const error = form.errorFor('factors');
  const toggle = (code: string, on: boolean) =>
    form.set('factors', on ? [...chosen, code] : chosen.filter((c) => c !== code));
  const groups = [
    { key: 'risk', legend: t('knowledge.indicators.riskFactors'), items: factors.data?.risk ?? [] },
    {
      key: 'protective',
      legend: t('knowledge.indicators.protectiveFactors'),
      items: factors.data?.protective ?? [],
    },
  ];
  return (
    <Fieldset id={form.fieldId('factors')} aria-invalid={error ? true : undefined}>
      <Fieldset.Legend>{t('knowledge.indicators.factors')}</Fieldset.Legend>
      <Fieldset.Description>{t('knowledge.indicators.factorsHelp')}</Fieldset.Description>
      {groups.map((g) => (
        <Fieldset key={g.key} data-size="sm">
          <Fieldset.Legend>{g.legend}</Fieldset.Legend>
          <div className="factor-grid">
            {g.items.map((f) => (
              <Checkbox
                key={f.code}
                label={t(`measures.factor.${f.code}`, { defaultValue: f.name })}
                value={f.code}
                checked={chosen.includes(f.code)}
                onChange={(e) => toggle(f.code, e.target.checked)}
              />
            ))}
          </div>
        </Fieldset>
      ))}
      {error ? <ValidationMessage>{error}</ValidationMessage> : null}
    </Fieldset>
  );
}
