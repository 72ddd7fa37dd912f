/** Consent room: the wizard's party steps — who must consent and why (the policy for this age and
 * these sources), one step per guardian with parental responsibility, and the child's own view. */
import {
  Alert,
  Field,
  Heading,
  Label,
  List,
  Paragraph,
  Select,
  ValidationMessage,
} from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import { CheckboxInput, SelectInput, TextInput } from '../../shared/form/fields';
import type { FormApi } from '../../shared/form/useForm';
import type { Required } from '../policy';
import type { CaseFacts } from '../types';
import { VERIFICATIONS, type WizardValues } from './values';

export function PartiesStep({
  facts,
  req,
  age,
}: {
  facts: CaseFacts;
  req: Required;
  age: number | null;
}) {
  const { t } = useTranslation();
  const guardians = facts.guardians.filter((g) => g.parentalResponsibility);
  return (
    <>
      <Paragraph data-testid="subject-age">
        {age === null ? t('consent.wizard.ageUnknown') : t('consent.wizard.age', { age })}
      </Paragraph>
      <Heading level={3} data-size="2xs">
        {t('consent.wizard.whyHeading')}
      </Heading>
      <List.Unordered data-testid="why">
        {req.reasons.map((r) => (
          <List.Item key={r}>{t(`consent.why.${r}`)}</List.Item>
        ))}
      </List.Unordered>
      {req.healthWarning ? (
        <Alert data-color="warning" data-testid="health-warning">
          <Heading level={3} data-size="2xs">
            {t('consent.wizard.healthWarningTitle')}
          </Heading>
          <Paragraph>{t('consent.wizard.healthWarning')}</Paragraph>
        </Alert>
      ) : null}
      <Heading level={3} data-size="2xs">
        {t('consent.wizard.askedHeading')}
      </Heading>
      <List.Unordered data-testid="asked">
        <List.Item>
          {req.subject ? t('consent.wizard.subjectRequired') : t('consent.wizard.subjectView')}
        </List.Item>
        {req.guardians
          ? guardians.map((g) => (
              <List.Item key={g.id}>
                {t('consent.wizard.guardianRequired', { name: g.name })}
              </List.Item>
            ))
          : null}
      </List.Unordered>
      {req.guardians && guardians.length === 0 ? (
        <Alert data-color="danger">
          <Paragraph>{t('consent.wizard.noGuardians')}</Paragraph>
        </Alert>
      ) : null}
    </>
  );
}

function VerificationSelect({
  id,
  label,
  value,
  error,
  onChange,
}: {
  id: string;
  label: string;
  value: string;
  error: string | undefined;
  onChange: (v: string) => void;
}) {
  const { t } = useTranslation();
  return (
    <Field>
      <Label htmlFor={id}>{label}</Label>
      <Select
        id={id}
        value={value}
        aria-invalid={error ? true : undefined}
        onChange={(e) => onChange(e.target.value)}
      >
        <Select.Option value="">{t('form.choose')}</Select.Option>
        {VERIFICATIONS.map((v) => (
          <Select.Option key={v} value={v}>
            {t(`consent.verification.${v}`)}
          </Select.Option>
        ))}
      </Select>
      {error ? <ValidationMessage>{error}</ValidationMessage> : null}
    </Field>
  );
}

export function GuardianStep({
  form,
  guardianId,
  name,
}: {
  form: FormApi<WizardValues>;
  guardianId: string;
  name: string;
}) {
  const { t } = useTranslation();
  const map = form.values.guardianVerification;
  return (
    <>
      <Paragraph>{t('consent.wizard.guardianIntro', { name })}</Paragraph>
      <VerificationSelect
        id={form.fieldId('guardianVerification')}
        label={t('consent.field.identityVerifiedBy', { name })}
        value={map[guardianId] ?? ''}
        error={form.errorFor('guardianVerification')}
        onChange={(v) => form.set('guardianVerification', { ...map, [guardianId]: v })}
      />
    </>
  );
}

export function ChildStep({ form, req }: { form: FormApi<WizardValues>; req: Required }) {
  const { t } = useTranslation();
  return (
    <>
      <Paragraph>{t('consent.wizard.childIntro')}</Paragraph>
      <SelectInput
        form={form}
        name="subjectVerification"
        label={t('consent.field.subjectVerification')}
        required={req.subject}
        emptyLabel={t('form.choose')}
        options={VERIFICATIONS.map((v) => ({ value: v, label: t(`consent.verification.${v}`) }))}
      />
      <TextInput
        form={form}
        name="childView"
        multiline
        label={t('consent.field.childView')}
        description={t('consent.help.childView')}
      />
      <CheckboxInput
        form={form}
        name="easyRead"
        label={t('consent.field.easyRead')}
        description={t('consent.help.easyRead')}
      />
    </>
  );
}
