import {
  EXPERIMENTAL_Suggestion as Suggestion,
  EXPERIMENTAL_SuggestionEmpty as SuggestionEmpty,
  EXPERIMENTAL_SuggestionInput as SuggestionInput,
  EXPERIMENTAL_SuggestionList as SuggestionList,
  EXPERIMENTAL_SuggestionOption as SuggestionOption,
  Field,
  Label,
  ValidationMessage,
} from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import { useMunicipalities } from './api';

/** "Lillestrøm (3205)": the name first, the number for those who know it. */
export function municipalityLabel(
  number: string | null | undefined,
  names: ReadonlyMap<string, string>,
): string {
  if (!number) return '';
  const name = names.get(number);
  return name ? `${name} (${number})` : number;
}

/** Municipality names by number, from the reference data (loaded once). */
export function useMunicipalityNames(): ReadonlyMap<string, string> {
  const list = useMunicipalities();
  return new Map((list.data ?? []).map((m) => [m.number, m.name]));
}

/** Pick a municipality by typing its name (or number); the value is its number. */
export function MunicipalityPicker({
  id,
  label,
  description,
  error,
  value,
  onChange,
}: {
  id: string;
  label: string;
  description?: string;
  error?: string;
  value: string;
  onChange: (number: string) => void;
}) {
  const { t, i18n } = useTranslation();
  const list = useMunicipalities();
  const sorted = [...(list.data ?? [])].sort((a, b) => a.name.localeCompare(b.name, i18n.language));
  const names = new Map(sorted.map((m) => [m.number, m.name]));
  return (
    <Field>
      <Label htmlFor={id}>{label}</Label>
      {description ? <Field.Description>{description}</Field.Description> : null}
      <Suggestion
        selected={value ? { value, label: municipalityLabel(value, names) } : null}
        onSelectedChange={(item) => onChange(item?.value ?? '')}
      >
        <SuggestionInput
          id={id}
          placeholder={t('municipality.placeholder')}
          aria-invalid={error ? true : undefined}
        />
        <SuggestionList>
          <SuggestionEmpty>{t('municipality.none')}</SuggestionEmpty>
          {sorted.map((m) => (
            <SuggestionOption key={m.number} value={m.number} label={`${m.name} (${m.number})`}>
              {m.name} ({m.number})
            </SuggestionOption>
          ))}
        </SuggestionList>
      </Suggestion>
      {error ? <ValidationMessage>{error}</ValidationMessage> : null}
    </Field>
  );
}
