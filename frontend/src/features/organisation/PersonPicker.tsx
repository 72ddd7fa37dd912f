import {
  EXPERIMENTAL_Suggestion as Suggestion,
  EXPERIMENTAL_SuggestionEmpty as SuggestionEmpty,
  EXPERIMENTAL_SuggestionInput as SuggestionInput,
  EXPERIMENTAL_SuggestionList as SuggestionList,
  EXPERIMENTAL_SuggestionOption as SuggestionOption,
  Field,
  Label,
  Paragraph,
  ValidationMessage,
} from '@digdir/designsystemet-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { usePersonSearch } from './api';
import type { OrganisationType } from './types';
import { useDebounced } from '../shared/ListTools';

export interface Picked {
  id: string;
  name: string;
}

/**
 * A searchable person field (Designsystemet's Suggestion): what is typed goes to the API's search,
 * which ignores case and diacritics, and the list says when there are more matches than it shows.
 */
export function PersonPicker({
  id,
  label,
  description,
  error,
  required,
  value,
  onChange,
  organisationType,
}: {
  id: string;
  label: string;
  description?: string;
  error?: string;
  required?: boolean;
  value: Picked | null;
  onChange: (value: Picked | null) => void;
  organisationType?: OrganisationType;
}) {
  const { t } = useTranslation();
  const [typed, setTyped] = useState('');
  const q = useDebounced(typed.trim(), 200);
  const found = usePersonSearch(q, organisationType);
  const items = found.data?.items ?? [];
  const total = found.data?.total ?? 0;
  const descriptionId = `${id}-description`;
  return (
    <Field>
      <Label htmlFor={id}>
        {label}
        {required ? <span className="required-mark">{t('form.requiredMark')}</span> : null}
      </Label>
      {description ? <Field.Description id={descriptionId}>{description}</Field.Description> : null}
      <Suggestion
        filter={false}
        selected={value ? { value: value.id, label: value.name } : null}
        onSelectedChange={(item) => onChange(item ? { id: item.value, name: item.label } : null)}
      >
        <SuggestionInput
          id={id}
          placeholder={t('picker.placeholder')}
          aria-invalid={error ? true : undefined}
          aria-required={required || undefined}
          onInput={(e) => setTyped(e.currentTarget.value)}
        />
        <SuggestionList>
          <SuggestionEmpty>
            {found.isFetching ? t('picker.searching') : t('picker.none')}
          </SuggestionEmpty>
          {items.map((p) => (
            <SuggestionOption key={p.id} value={p.id} label={p.name}>
              {p.name}
            </SuggestionOption>
          ))}
        </SuggestionList>
      </Suggestion>
      {total > items.length ? (
        <Paragraph data-size="sm" className="muted" aria-live="polite">
          {t('picker.more', { shown: items.length, total })}
        </Paragraph>
      ) : null}
      {error ? <ValidationMessage>{error}</ValidationMessage> : null}
    </Field>
  );
}
