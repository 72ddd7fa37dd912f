/** Cases room: record a breach of a youth plan commitment (date, what happened, consequence). */
import { Button, Heading } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import { todayIso } from '../../../i18n/format';
import { useAnnounce } from '../../shared/Announcer';
import { InlineForm } from '../../shared/InlineForm';
import {
  FormActions,
  FormError,
  FormNotices,
  SelectInput,
  TextInput,
} from '../../shared/form/fields';
import { limitOf, textError } from '../../shared/form/limits';
import { useForm } from '../../shared/form/useForm';
import { useRecordBreach } from '../api';
import { useRefusal } from '../problems';
import { CONSEQUENCES, type CommitmentView, type Consequence } from '../types';

interface Values {
  occurredOn: string;
  description: string;
  consequence: string;
}

export function BreachForm({
  commitment,
  kind,
  onDone,
}: {
  commitment: CommitmentView;
  kind: string;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const announce = useAnnounce();
  const record = useRecordBreach();
  const refusal = useRefusal();
  const labels = {
    occurredOn: t('cases.plan.occurredOn'),
    description: t('cases.plan.breachDescription'),
    consequence: t('cases.plan.consequenceLabel'),
  };
  const headingId = `breach-title-${commitment.id}`;
  const form = useForm<Values>({
    formId: `breach-${commitment.id}`,
    persistDraft: false,
    initial: { occurredOn: todayIso(), description: '', consequence: '' },
    validate: (v) => ({
      occurredOn: v.occurredOn ? undefined : t('validation.required'),
      description: textError(v.description, limitOf('BreachCreate', 'description'), t),
      consequence: v.consequence ? undefined : t('validation.required'),
    }),
  });
  return (
    <InlineForm
      id={`breach-form-${commitment.id}`}
      dirty={form.dirty}
      onCancel={onDone}
      labelledBy={headingId}
      onSubmit={(e) =>
        void form.handleSubmit((v) =>
          refusal.guard(async () => {
            await record.mutateAsync({
              params: { path: { id: commitment.id } },
              body: {
                occurredOn: v.occurredOn,
                description: v.description.trim(),
                consequence: v.consequence as Consequence,
              },
            });
            announce(t('cases.plan.breachRecorded'));
            onDone();
          }),
        )(e)
      }
    >
      <Heading level={4} data-size="2xs" id={headingId}>
        {t('cases.plan.breachTitle', { kind })}
      </Heading>
      <FormNotices form={form} labels={labels} />
      <FormError message={refusal.message} />
      <TextInput form={form} name="occurredOn" type="date" label={labels.occurredOn} required />
      <TextInput form={form} name="description" label={labels.description} multiline required />
      <SelectInput
        form={form}
        name="consequence"
        label={labels.consequence}
        required
        emptyLabel={t('form.choose')}
        options={CONSEQUENCES.map((c) => ({ value: c, label: t(`cases.plan.consequence.${c}`) }))}
      />
      <FormActions>
        <Button type="submit" disabled={form.status === 'submitting'}>
          {t('cases.plan.recordBreach')}
        </Button>
        <Button type="button" variant="secondary" onClick={onDone}>
          {t('form.cancel')}
        </Button>
      </FormActions>
    </InlineForm>
  );
}
