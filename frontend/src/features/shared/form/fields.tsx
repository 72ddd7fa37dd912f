import {
  Alert,
  Button,
  Checkbox,
  ErrorSummary,
  Field,
  Heading,
  Label,
  Paragraph,
  Select,
  Textfield,
  ValidationMessage,
} from '@digdir/designsystemet-react';
import { useEffect, useRef, type ComponentRef, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { FormApi } from './useForm';

type StringKeys<V> = { [K in keyof V]: V[K] extends string ? K : never }[keyof V] & string;
type BoolKeys<V> = { [K in keyof V]: V[K] extends boolean ? K : never }[keyof V] & string;

interface BaseProps<V> {
  form: FormApi<V>;
  label: string;
  description?: string;
  required?: boolean;
}

function RequiredLabel({ label, required }: { label: string; required?: boolean }) {
  const { t } = useTranslation();
  return (
    <>
      {label}
      {required ? <span className="required-mark">{t('form.requiredMark')}</span> : null}
    </>
  );
}

export function TextInput<V>({
  form,
  name,
  label,
  description,
  required,
  type = 'text',
  multiline,
  inputMode,
  autoComplete,
}: BaseProps<V> & {
  name: StringKeys<V>;
  type?: 'text' | 'email' | 'tel' | 'date' | 'number' | 'time' | 'url';
  multiline?: boolean;
  inputMode?: 'numeric' | 'text' | 'email' | 'tel';
  autoComplete?: string;
}) {
  const value = form.values[name] as unknown as string;
  const error = form.errorFor(name);
  const common = {
    id: form.fieldId(name),
    name,
    label: <RequiredLabel label={label} required={required} />,
    description,
    error,
    value,
    required,
    'aria-required': required || undefined,
  };
  const onChange = (e: { target: { value: string } }) =>
    form.set(name, e.target.value as V[typeof name]);
  if (multiline) {
    return <Textfield {...common} multiline rows={5} onChange={onChange} />;
  }
  return (
    <Textfield
      {...common}
      type={type}
      inputMode={inputMode}
      autoComplete={autoComplete}
      onChange={onChange}
    />
  );
}

export interface Option {
  value: string;
  label: string;
}

export function SelectInput<V>({
  form,
  name,
  label,
  description,
  required,
  options,
  emptyLabel,
}: BaseProps<V> & { name: StringKeys<V>; options: Option[]; emptyLabel?: string }) {
  const id = form.fieldId(name);
  const error = form.errorFor(name);
  const value = form.values[name] as unknown as string;
  return (
    <Field>
      <Label htmlFor={id}>
        <RequiredLabel label={label} required={required} />
      </Label>
      {description ? <Field.Description>{description}</Field.Description> : null}
      <Select
        id={id}
        name={name}
        value={value}
        required={required}
        aria-invalid={error ? true : undefined}
        onChange={(e) => form.set(name, e.target.value as V[typeof name])}
      >
        {emptyLabel !== undefined ? <Select.Option value="">{emptyLabel}</Select.Option> : null}
        {options.map((o) => (
          <Select.Option key={o.value} value={o.value}>
            {o.label}
          </Select.Option>
        ))}
      </Select>
      {error ? <ValidationMessage>{error}</ValidationMessage> : null}
    </Field>
  );
}

export function CheckboxInput<V>({
  form,
  name,
  label,
  description,
}: Omit<BaseProps<V>, 'required'> & { name: BoolKeys<V> }) {
  const error = form.errorFor(name);
  return (
    <Checkbox
      id={form.fieldId(name)}
      name={name}
      label={label}
      description={description}
      error={error}
      checked={Boolean(form.values[name])}
      onChange={(e) => form.set(name, e.target.checked as V[typeof name])}
    />
  );
}

/** The errors of a submit attempt, linked to their fields; takes focus when it appears. */
export function FormErrorSummary<V>({
  form,
  labels,
}: {
  form: FormApi<V>;
  labels: Partial<Record<string, string>>;
}) {
  const { t } = useTranslation();
  const ref = useRef<ComponentRef<typeof ErrorSummary>>(null);
  const errors = form.submitCount > 0 ? form.visibleErrors() : [];
  const show = errors.length > 0;
  const { submitCount } = form;
  useEffect(() => {
    if (show) ref.current?.focus();
    // Only when a submit produced errors, not on every keystroke.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [submitCount]);
  if (!show) return null;
  return (
    <ErrorSummary ref={ref} tabIndex={-1}>
      <ErrorSummary.Heading>{t('form.errorSummary')}</ErrorSummary.Heading>
      <ErrorSummary.List>
        {errors.map(([name, message]) => (
          <ErrorSummary.Item key={name}>
            <ErrorSummary.Link href={`#${form.fieldId(name)}`}>
              {labels[name] ? t('form.errorFor', { field: labels[name], message }) : message}
            </ErrorSummary.Link>
          </ErrorSummary.Item>
        ))}
      </ErrorSummary.List>
    </ErrorSummary>
  );
}

/** A form-level error that has no field (e.g. a rule across fields). */
export function FormError({ message }: { message: string | undefined }) {
  const { t } = useTranslation();
  if (!message) return null;
  return (
    <Alert data-color="danger" role="alert">
      <Heading level={2} data-size="2xs">
        {t('form.notSaved')}
      </Heading>
      <Paragraph>{message}</Paragraph>
    </Alert>
  );
}

/** 412: someone else saved a newer version. Explain and offer to reload. */
export function ConflictAlert({ onReload }: { onReload: () => void }) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    ref.current?.focus();
  }, []);
  return (
    <Alert data-color="warning" role="alert" ref={ref} tabIndex={-1} data-testid="conflict">
      <Heading level={2} data-size="2xs">
        {t('conflict.title')}
      </Heading>
      <Paragraph>{t('conflict.body')}</Paragraph>
      <Button variant="primary" data-size="sm" onClick={onReload}>
        {t('conflict.reload')}
      </Button>
    </Alert>
  );
}

export function RestoredNotice({ show }: { show: boolean }) {
  const { t } = useTranslation();
  if (!show) return null;
  return (
    <Alert data-color="info" data-testid="draft-restored">
      <Paragraph>{t('form.draftRestored')}</Paragraph>
    </Alert>
  );
}

/** The status lines every edit form starts with, in this order: a restored draft, a 412
 * conflict with its reload, the submit's error summary, and a form-level error. */
export function FormNotices<V>({
  form,
  labels,
  onReload,
}: {
  form: FormApi<V>;
  labels: Partial<Record<string, string>>;
  onReload?: () => void;
}) {
  return (
    <>
      <RestoredNotice show={form.restored} />
      {onReload && form.status === 'conflict' ? <ConflictAlert onReload={onReload} /> : null}
      <FormErrorSummary form={form} labels={labels} />
      <FormError message={form.formError} />
    </>
  );
}

export function FormActions({ children }: { children: ReactNode }) {
  return <div className="form-actions">{children}</div>;
}
