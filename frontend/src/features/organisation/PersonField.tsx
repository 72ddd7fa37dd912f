import { useState } from 'react';
import { usePerson } from './api';
import type { OrganisationType } from './types';
import { PersonPicker, type Picked } from './PersonPicker';
import type { FormApi } from '../shared/form/useForm';

type StringKeys<V> = { [K in keyof V]: V[K] extends string ? K : never }[keyof V] & string;

/** A form field holding a person's id, chosen with the searchable person picker. */
export function PersonField<V>({
  form,
  name,
  label,
  description,
  required,
  organisationType,
}: {
  form: FormApi<V>;
  name: StringKeys<V>;
  label: string;
  description?: string;
  required?: boolean;
  organisationType?: OrganisationType;
}) {
  const id = form.values[name] as unknown as string;
  const [picked, setPicked] = useState<Picked | null>(null);
  const stored = usePerson(id && picked?.id !== id ? id : undefined);
  const value: Picked | null = id
    ? { id, name: picked?.id === id ? picked.name : (stored.data?.name ?? '') }
    : null;
  // The suggestion element reads its selection when it starts: wait for the stored name.
  if (value && !value.name && stored.isPending) return null;
  return (
    <PersonPicker
      id={form.fieldId(name)}
      label={label}
      description={description}
      required={required}
      error={form.errorFor(name)}
      organisationType={organisationType}
      value={value}
      onChange={(p) => {
        setPicked(p);
        form.set(name, (p?.id ?? '') as V[typeof name]);
      }}
    />
  );
}
