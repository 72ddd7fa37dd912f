import type { TFunction } from 'i18next';
import { Button, Paragraph } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import type { FieldErrors } from '../../api/problem';
import { useBody, useCreateBody, useUpdateBody } from './api';
import { ifMatch } from '../../api/etag';
import { LEVELS, type Body, type Level } from './types';
import { canEditOrganisation } from '../../auth/permissions';
import { useMe } from '../../auth/session';
import { useAnnounce } from '../shared/Announcer';
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
import { LoadError, Loading } from '../shared/States';

export interface BodyValues {
  name: string;
  level: string;
  mandate: string;
  isPolitiraad: boolean;
  meetingNormPerYear: string;
}

export function validateBody(v: BodyValues, t: TFunction): FieldErrors {
  const e: FieldErrors = {};
  e.name = textError(v.name, limitOf('BodyCreate', 'name'), t);
  if (!v.level) e.level = t('validation.required');
  e.mandate = textError(v.mandate, limitOf('BodyCreate', 'mandate'), t);
  e.meetingNormPerYear = wholeNumberError(
    v.meetingNormPerYear,
    limitOf('BodyCreate', 'meetingNormPerYear'),
    t,
  );
  return e;
}

function BodyForm({ body, initialLevel }: { body?: Body; initialLevel: string }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const announce = useAnnounce();
  const create = useCreateBody();
  const update = useUpdateBody();
  const loaded = useBody(body?.id);
  const labels = {
    name: t('bodyForm.name'),
    level: t('bodyForm.level'),
    mandate: t('bodyForm.mandate'),
    isPolitiraad: t('bodyForm.isPolitiraad'),
    meetingNormPerYear: t('bodyForm.meetingNorm'),
  };
  const form = useForm<BodyValues>({
    formId: body ? 'body-edit' : 'body-new',
    initial: {
      name: body?.name ?? '',
      level: body?.level ?? initialLevel,
      mandate: body?.mandate ?? '',
      isPolitiraad: body?.isPolitiraad ?? false,
      meetingNormPerYear: body?.meetingNormPerYear != null ? String(body.meetingNormPerYear) : '',
    },
    validate: (v) => validateBody(v, t),
  });
  const v = form.values;
  return (
    <form
      className="form"
      noValidate
      onSubmit={form.handleSubmit(async (values) => {
        const payload = {
          name: values.name.trim(),
          level: values.level as Level,
          mandate: values.mandate.trim() || null,
          isPolitiraad: values.level === 'steering' ? values.isPolitiraad : false,
          meetingNormPerYear: values.meetingNormPerYear.trim()
            ? Number(values.meetingNormPerYear)
            : null,
        };
        const saved = body
          ? await update.mutateAsync({
              params: { path: { id: body.id }, header: ifMatch(body.version) },
              body: payload,
            })
          : await create.mutateAsync({ body: payload });
        announce(t('form.savedNamed', { name: saved.name }));
        void navigate(`/organer/${saved.id}`);
      })}
    >
      <FormNotices
        form={form}
        labels={labels}
        // A newer version remounts the form (keyed by version) with the fresh values.
        onReload={() => void loaded.refetch()}
      />
      <TextInput form={form} name="name" label={labels.name} required autoComplete="off" />
      <SelectInput
        form={form}
        name="level"
        label={labels.level}
        required
        emptyLabel={t('form.choose')}
        options={LEVELS.map((l) => ({ value: l, label: t(`level.${l}`) }))}
      />
      <TextInput
        form={form}
        name="mandate"
        label={labels.mandate}
        description={t('bodyForm.mandateHelp')}
        multiline
      />
      {v.level === 'steering' ? (
        <CheckboxInput
          form={form}
          name="isPolitiraad"
          label={labels.isPolitiraad}
          description={t('bodyForm.isPolitiraadHelp')}
        />
      ) : null}
      <TextInput
        form={form}
        name="meetingNormPerYear"
        label={labels.meetingNormPerYear}
        description={t('bodyForm.meetingNormHelp')}
        inputMode="numeric"
      />
      <FormActions>
        <Button type="submit" disabled={form.status === 'submitting'}>
          {body ? t('form.save') : t('bodyForm.create')}
        </Button>
        <Button asChild variant="secondary">
          <Link to={body ? `/organer/${body.id}` : '/organisasjon'}>{t('form.cancel')}</Link>
        </Button>
      </FormActions>
    </form>
  );
}

export default function BodyFormPage() {
  const { id } = useParams();
  const [params] = useSearchParams();
  const { t } = useTranslation();
  const me = useMe();
  const body = useBody(id);
  const level = params.get('level') ?? '';
  const initialLevel = (LEVELS as readonly string[]).includes(level) ? level : '';
  const title = id ? t('bodyForm.editTitle') : t('bodyForm.newTitle');
  if (!canEditOrganisation(me)) {
    return (
      <div className="stack">
        <PageHeading>{title}</PageHeading>
        <Paragraph>{t('state.readOnly')}</Paragraph>
      </div>
    );
  }
  if (id && body.isPending) return <Loading />;
  if (id && body.isError)
    return (
      <LoadError
        error={body.error}
        onRetry={() => void body.refetch()}
        back="/organisasjon"
        backLabel={t('notFound.backToOrganisation')}
      />
    );
  return (
    <div className="stack">
      <PageHeading>{title}</PageHeading>
      <Paragraph>{t('form.requiredHelp')}</Paragraph>
      <BodyForm key={body.data?.version ?? 'new'} body={body.data} initialLevel={initialLevel} />
    </div>
  );
}
