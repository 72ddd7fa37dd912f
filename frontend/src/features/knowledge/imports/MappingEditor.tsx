/** Knowledge room: which of the file's columns fills each column of the kind, when the headers do
 * not match by name or alias; the choice can be remembered for the source. */
import { Field, Fieldset, Label, Paragraph, Select } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import type { ImportKind } from '../types';
import { columnLabel, unusedHeaders } from './mapping';

export function MappingEditor({
  kind,
  headers,
  mapping,
  onChange,
}: {
  kind: ImportKind;
  headers: readonly string[];
  mapping: Record<string, string>;
  onChange: (next: Record<string, string>) => void;
}) {
  const { t } = useTranslation();
  const unused = unusedHeaders(headers, mapping);
  return (
    <Fieldset data-testid="mapping-editor">
      <Fieldset.Legend>{t('knowledge.imports.mapping.title')}</Fieldset.Legend>
      <Fieldset.Description>{t('knowledge.imports.mapping.intro')}</Fieldset.Description>
      <Paragraph data-size="sm">
        {t('knowledge.imports.mapping.fileColumns', { columns: headers.join(', ') })}
      </Paragraph>
      {unused.length > 0 ? (
        <Paragraph data-size="sm" data-testid="ignored-columns">
          {t('knowledge.imports.mapping.ignored', { columns: unused.join(', ') })}
        </Paragraph>
      ) : null}
      <div className="mapping-grid">
        {kind.columns.map((c) => {
          const id = `mapping-${c.name}`;
          return (
            <Field key={c.name}>
              <Label htmlFor={id}>
                {columnLabel(t, c.name)}
                {c.required ? (
                  <span className="required-mark">{t('form.requiredMark')}</span>
                ) : null}
              </Label>
              <Select
                id={id}
                value={mapping[c.name] ?? ''}
                onChange={(e) => {
                  const next = { ...mapping };
                  if (e.target.value) next[c.name] = e.target.value;
                  else delete next[c.name];
                  onChange(next);
                }}
              >
                <Select.Option value="">{t('knowledge.imports.mapping.none')}</Select.Option>
                {headers.map((h) => (
                  <Select.Option key={h} value={h}>
                    {h}
                  </Select.Option>
                ))}
              </Select>
            </Field>
          );
        })}
      </div>
    </Fieldset>
  );
}
