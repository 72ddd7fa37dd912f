/** Annual wheel room: creating and editing a template of the wheel (a recurring task). */
import type { TFunction } from 'i18next';
import { Button, Paragraph } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { FieldErrors } from '../../api/problem';
import { ifMatch } from '../../api/etag';
import { levelValues, ownerRoleValues } from '../../api/schema';
import { canEditOrganisation } from '../../auth/permissions';
import { useMe } from '../../auth/session';
import { useFlashNavigate } from '../shared/Flash';
import {
  CheckboxInput,
  FormActions,
  FormNotices,
  SelectInput,
  TextInput,
} from '../shared/form/fields';
import { useForm } from '../shared/form/useForm';
import { limitOf, textError, wholeNumberError } from '../shared/form/limits';
import { PageHeading } from '../shared/PageHeading';
import { ErrorState, Loading, MissingPage } from '../shared/States';
import { useCreateTemplate, useTemplates, useUpdateTemplate } from './api';
import type { Level, OwnerRole, Template } from './types';

export interface TemplateValues {
  title: string;
  month: string;
  day: string;
  ownerRole: string;
  bodyLevel: string;
  description: string;
  active: boolean;
}

/** The most days `month` can have (29 February is a valid template day). */
export function longestDay(month: number): number {
  return new Date(Date.UTC(2024, month, 0)).getUTCDate();
}

export function validateTemplate(v: TemplateValues, t: TFunction): FieldErrors {
  const e: FieldErrors = {};
  e.title = textError(v.title, limitOf('WheelTemplateCreate', 'title'), t);
  if (!v.month) e.month = t('validation.required');
  e.day = wholeNumberError(v.day, limitOf('WheelTemplateCreate', 'day'), t);
  const max = v.month ? longestDay(Number(v.month)) : 31;
  if (!e.day && v.day.trim() && Number(v.day) > max) e.day = t('wheelTemplate.dayRange', { max });
  if (!v.ownerRole) e.ownerRole = t('validation.required');
  if (v.ownerRole && v.ownerRole !== 'coordinator' && !v.bodyLevel)
    e.bodyLevel = t('wheelTemplate.levelRequired');
  e.description = textError(v.description, limitOf('WheelTemplateCreate', 'description'), t);
  return e;
}

function TemplateForm({ template, onReload }: { template?: Template; onReload: () => void }) {
  const { t } = useTranslation();
  const flashTo = useFlashNavigate();
  const create = useCreateTemplate();
  const update = useUpdateTemplate();
  const labels = {
    title: t('wheelTemplate.fieldTitle'),
    month: t('wheelTemplate.fieldMonth'),
    day: t('wheelTemplate.fieldDay'),
    ownerRole: t('wheelTemplate.fieldOwnerRole'),
    bodyLevel: t('wheelTemplate.fieldLevel'),
    description: t('wheelTemplate.fieldDescription'),
    active: t('wheelTemplate.fieldActive'),
  };
  const form = useForm<TemplateValues>({
    formId: template ? 'wheel-template-edit' : 'wheel-template-new',
    initial: {
      title: template?.title ?? '',
      month: template ? String(template.month) : '',
      day: template?.day != null ? String(template.day) : '',
      ownerRole: template?.ownerRole ?? 'coordinator',
      bodyLevel: template?.bodyLevel ?? '',
      description: template?.description ?? '',
      active: template?.active ?? true,
    },
    validate: (v) => validateTemplate(v, t),
  });
  return (
    <form
      className="form"
      noValidate
      onSubmit={form.handleSubmit(async (v) => {
        const payload = {
          title: v.title.trim(),
          month: Number(v.month),
          day: v.day.trim() ? Number(v.day) : null,
          ownerRole: v.ownerRole as OwnerRole,
          bodyLevel: v.bodyLevel ? (v.bodyLevel as Level) : null,
          description: v.description.trim() || null,
        };
        const saved = template
          ? await update.mutateAsync({
              params: { path: { id: template.id }, header: ifMatch(template.version) },
              body: { ...payload, active: v.active },
            })
          : await create.mutateAsync({ body: payload });
        flashTo(
          '/arshjul/maler',
          t(template ? 'wheelTemplate.saved' : 'wheelTemplate.created', { title: saved.title }),
        );
      })}
    >
      <FormNotices form={form} labels={labels} onReload={onReload} />
      <TextInput form={form} name="title" label={labels.title} required autoComplete="off" />
      <SelectInput
        form={form}
        name="month"
        label={labels.month}
        required
        emptyLabel={t('form.choose')}
        options={Array.from({ length: 12 }, (_, i) => ({
          value: String(i + 1),
          label: t(`wheelMonth.${i + 1}`),
        }))}
      />
      <TextInput
        form={form}
        name="day"
        label={labels.day}
        description={t('wheelTemplate.fieldDayHelp')}
        inputMode="numeric"
      />
      <SelectInput
        form={form}
        name="ownerRole"
        label={labels.ownerRole}
        required
        options={ownerRoleValues.map((r) => ({ value: r, label: t(`wheel.ownerRole.${r}`) }))}
      />
      <SelectInput
        form={form}
        name="bodyLevel"
        label={labels.bodyLevel}
        description={t('wheelTemplate.fieldLevelHelp')}
        emptyLabel={t('wheelTemplate.noLevel')}
        options={levelValues.map((l) => ({ value: l, label: t(`level.${l}`) }))}
      />
      <TextInput form={form} name="description" label={labels.description} multiline />
      {template ? <CheckboxInput form={form} name="active" label={labels.active} /> : null}
      <FormActions>
        <Button type="submit" disabled={form.status === 'submitting'}>
          {t('wheelTemplate.save')}
        </Button>
        <Button asChild variant="secondary">
          <Link to="/arshjul/maler">{t('wheelTemplate.cancel')}</Link>
        </Button>
      </FormActions>
    </form>
  );
}

export default function TemplateFormPage() {
  const { id } = useParams();
  const { t } = useTranslation();
  const me = useMe();
  const templates = useTemplates();
  const title = id ? t('wheelTemplate.editTitle') : t('wheelTemplate.newTitle');
  if (!canEditOrganisation(me)) {
    return (
      <div className="stack">
        <PageHeading>{title}</PageHeading>
        <Paragraph>{t('state.readOnly')}</Paragraph>
      </div>
    );
  }
  if (id && templates.isPending) return <Loading />;
  if (id && templates.isError)
    return <ErrorState error={templates.error} onRetry={() => void templates.refetch()} />;
  const template = id ? templates.data?.find((x) => x.id === id) : undefined;
  if (id && !template)
    return <MissingPage back="/arshjul/maler" backLabel={t('wheelTemplate.back')} />;
  return (
    <div className="stack">
      <PageHeading>{title}</PageHeading>
      <Paragraph>{t('form.requiredHelp')}</Paragraph>
      <TemplateForm
        key={template?.version ?? 'new'}
        template={template}
        onReload={() => void templates.refetch()}
      />
    </div>
  );
}
