/** Consent room: a set of choices held as a list of codes or ids in the wizard (purposes,
 * categories, organisations, forums) — a fieldset of checkboxes with its error. */
import { Checkbox, Fieldset, ValidationMessage } from '@digdir/designsystemet-react';
import type { FormApi } from '../../shared/form/useForm';

type ListKeys<V> = { [K in keyof V]: V[K] extends string[] ? K : never }[keyof V] & string;

export function CheckGroup<V>({
  form,
  name,
  legend,
  description,
  options,
}: {
  form: FormApi<V>;
  name: ListKeys<V>;
  legend: string;
  description?: string;
  options: { value: string; label: string }[];
}) {
  const chosen = form.values[name] as unknown as string[];
  const error = form.errorFor(name);
  const toggle = (value: string, on: boolean) =>
    form.set(
      name,
      (on ? [...chosen, value] : chosen.filter((x) => x !== value)) as unknown as V[typeof name],
    );
  return (
    <Fieldset
      id={form.fieldId(name)}
      aria-invalid={error ? true : undefined}
      data-testid={`group-${name}`}
    >
      <Fieldset.Legend>{legend}</Fieldset.Legend>
      {description ? <Fieldset.Description>{description}</Fieldset.Description> : null}
      <div className="check-columns">
        {options.map((o) => (
          <Checkbox
            key={o.value}
            label={o.label}
            value={o.value}
            checked={chosen.includes(o.value)}
            onChange={(e) => toggle(o.value, e.target.checked)}
          />
        ))}
      </div>
      {error ? <ValidationMessage>{error}</ValidationMessage> : null}
    </Fieldset>
  );
}
