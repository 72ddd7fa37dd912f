/** Cases room: open a new case on an executive body where you have a seat — kind, dates, the
 * subject (name, birth date, optional identity number checked by mod-11) and the guardians. */
import {
  Button,
  Checkbox,
  Fieldset,
  Heading,
  Paragraph,
  Textfield,
} from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useMe } from '../../auth/session';
import { useAnnounce } from '../shared/Announcer';
import { useFlashNavigate } from '../shared/Flash';
import { FormActions, FormError, FormNotices, SelectInput, TextInput } from '../shared/form/fields';
import type { FieldLimit } from '../shared/form/limits';
import { useForm } from '../shared/form/useForm';
import { PageHeading } from '../shared/PageHeading';
import { todayIso } from '../../i18n/format';
import { useExecutiveSeats, useOpenCase, useOrganisations } from './api';
import { useRefusal } from './problems';
import { CASE_KINDS, type CaseKind } from './types';
import { validateCase, type CaseValues, type GuardianValues } from './validate';

/** The generator lists request bodies' own fields only; the nested subject and guardians carry
 * the domain's limits (domain/cases/limits.py: NAME_MAX, RELATION_MAX). */
const SUBJECT_LIMITS: { name: FieldLimit; relation: FieldLimit } = {
  name: { maxLength: 200 },
  relation: { maxLength: 100 },
};

const NEW_GUARDIAN: GuardianValues = {
  name: '',
  relation: '',
  phone: '',
  email: '',
  parentalResponsibility: true,
};

function Guardians({ form }: { form: ReturnType<typeof useForm<CaseValues>> }) {
  const { t } = useTranslation();
  const guardians = form.values.guardians;
  const change = (i: number, patch: Partial<GuardianValues>) =>
    form.set(
      'guardians',
      guardians.map((g, j) => (j === i ? { ...g, ...patch } : g)),
    );
  return (
    <Fieldset>
      <Fieldset.Legend>{t('cases.guardians')}</Fieldset.Legend>
      {guardians.map((g, i) => {
        const n = i + 1;
        const id = (f: string) => `${form.formId}-guardian${i}-${f}`;
        return (
          <div key={i} className="stack case-guardian" role="group" aria-labelledby={id('title')}>
            <Heading level={3} data-size="2xs" id={id('title')}>
              {t('cases.guardian', { n })}
            </Heading>
            <Textfield
              id={form.fieldId(`guardian${i}`)}
              label={t('cases.guardianName')}
              required
              value={g.name}
              error={form.errorFor(`guardian${i}` as keyof CaseValues & string)}
              onChange={(e) => change(i, { name: e.target.value })}
            />
            <Textfield
              id={form.fieldId(`guardianRelation${i}`)}
              label={t('cases.guardianRelation')}
              description={t('cases.guardianRelationHelp')}
              required
              error={form.errorFor(`guardianRelation${i}` as keyof CaseValues & string)}
              value={g.relation}
              onChange={(e) => change(i, { relation: e.target.value })}
            />
            <Textfield
              id={id('phone')}
              label={t('cases.guardianPhone')}
              type="tel"
              value={g.phone}
              onChange={(e) => change(i, { phone: e.target.value })}
            />
            <Textfield
              id={id('email')}
              label={t('cases.guardianEmail')}
              type="email"
              value={g.email}
              onChange={(e) => change(i, { email: e.target.value })}
            />
            <Checkbox
              id={id('parental')}
              label={t('cases.parentalResponsibility')}
              checked={g.parentalResponsibility}
              onChange={(e) => change(i, { parentalResponsibility: e.target.checked })}
            />
            <div>
              <Button
                type="button"
                variant="tertiary"
                data-size="sm"
                onClick={() =>
                  form.set(
                    'guardians',
                    guardians.filter((_, j) => j !== i),
                  )
                }
              >
                {t('cases.removeGuardian', { n })}
              </Button>
            </div>
          </div>
        );
      })}
      <div>
        <Button
          type="button"
          variant="secondary"
          onClick={() => form.set('guardians', [...guardians, { ...NEW_GUARDIAN }])}
        >
          {t('cases.addGuardian')}
        </Button>
      </div>
    </Fieldset>
  );
}

function CaseForm({ bodies }: { bodies: { id: string; name: string }[] }) {
  const { t } = useTranslation();
  const announce = useAnnounce();
  const flashTo = useFlashNavigate();
  const open = useOpenCase();
  const refusal = useRefusal();
  const organisations = useOrganisations();
  const labels: Partial<Record<string, string>> = {
    bodyId: t('cases.body'),
    organisationId: t('cases.organisation'),
    kind: t('cases.kindLabel'),
    startOn: t('cases.startOn'),
    endOn: t('cases.endOn'),
    name: t('cases.subjectName'),
    birthDate: t('cases.birthDate'),
    identityNumber: t('cases.identityNumber'),
  };
  const form = useForm<CaseValues>({
    formId: 'case-new',
    initial: {
      bodyId: bodies.length === 1 ? (bodies[0]?.id ?? '') : '',
      organisationId: '',
      kind: '',
      startOn: todayIso(),
      endOn: '',
      name: '',
      birthDate: '',
      identityNumber: '',
      guardians: [],
    },
    validate: (v) => validateCase(v, SUBJECT_LIMITS, t),
  });
  form.values.guardians.forEach((_, i) => {
    labels[`guardian${i}`] = `${t('cases.guardian', { n: i + 1 })}: ${t('cases.guardianName')}`;
    labels[`guardianRelation${i}`] =
      `${t('cases.guardian', { n: i + 1 })}: ${t('cases.guardianRelation')}`;
  });
  return (
    <form
      className="form"
      noValidate
      onSubmit={form.handleSubmit((v) =>
        refusal.guard(async () => {
          const saved = await open.mutateAsync({
            body: {
              bodyId: v.bodyId,
              organisationId: v.organisationId,
              kind: v.kind as CaseKind,
              startOn: v.startOn,
              endOn: v.endOn || null,
              subject: {
                name: v.name.trim(),
                birthDate: v.birthDate,
                identityNumber: v.identityNumber.trim() || null,
                guardians: v.guardians.map((g) => ({
                  name: g.name.trim(),
                  relation: g.relation.trim(),
                  phone: g.phone.trim() || null,
                  email: g.email.trim() || null,
                  parentalResponsibility: g.parentalResponsibility,
                })),
              },
            },
          });
          const message = t('cases.created', { reference: saved.reference });
          announce(message);
          flashTo(`/saker/${saved.id}`, message);
        }),
      )}
    >
      <FormNotices form={form} labels={labels} />
      <FormError message={refusal.message} />
      <SelectInput
        form={form}
        name="bodyId"
        label={t('cases.body')}
        description={t('cases.bodyHelp')}
        required
        emptyLabel={t('form.choose')}
        options={bodies.map((b) => ({ value: b.id, label: b.name }))}
      />
      <SelectInput
        form={form}
        name="organisationId"
        label={t('cases.organisation')}
        description={t('cases.organisationHelp')}
        required
        emptyLabel={t('form.choose')}
        options={(organisations.data?.items ?? []).map((o) => ({ value: o.id, label: o.name }))}
      />
      <SelectInput
        form={form}
        name="kind"
        label={t('cases.kindLabel')}
        description={t('cases.kindHelp')}
        required
        emptyLabel={t('form.choose')}
        options={CASE_KINDS.map((k) => ({ value: k, label: t(`cases.kind.${k}`) }))}
      />
      <TextInput form={form} name="startOn" type="date" label={t('cases.startOn')} required />
      <TextInput form={form} name="endOn" type="date" label={t('cases.endOn')} />
      <Fieldset>
        <Fieldset.Legend>{t('cases.subject')}</Fieldset.Legend>
        <TextInput form={form} name="name" label={t('cases.subjectName')} required />
        <TextInput form={form} name="birthDate" type="date" label={t('cases.birthDate')} required />
        <TextInput
          form={form}
          name="identityNumber"
          label={t('cases.identityNumber')}
          description={t('cases.identityNumberHelp')}
          inputMode="numeric"
          autoComplete="off"
        />
      </Fieldset>
      <Guardians form={form} />
      <FormActions>
        <Button type="submit" disabled={form.status === 'submitting'}>
          {t('cases.create')}
        </Button>
        <Button asChild variant="secondary">
          <Link to="/saker">{t('form.cancel')}</Link>
        </Button>
      </FormActions>
    </form>
  );
}

export default function CaseFormPage() {
  const { t } = useTranslation();
  const me = useMe();
  const { isPending, bodies } = useExecutiveSeats(me);
  return (
    <div className="stack">
      <Link to="/saker">{t('cases.back')}</Link>
      <PageHeading>{t('cases.newTitle')}</PageHeading>
      {isPending ? null : bodies.length === 0 ? (
        <Paragraph data-testid="no-executive-body">{t('cases.noExecutiveBody')}</Paragraph>
      ) : (
        <>
          <Paragraph>{t('form.requiredHelp')}</Paragraph>
          <CaseForm bodies={bodies} />
        </>
      )}
    </div>
  );
}
