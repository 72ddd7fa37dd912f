/** Meetings: add or change one agenda item (title, kind, owner); the title passes the guard. */
import { Button, Heading } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import { useAddAgendaItem, useUpdateAgendaItem } from '../api';
import { GuardPanel, useGuard } from '../minutes/Guard';
import { AGENDA_KINDS, type AgendaItem, type AgendaKind } from '../types';
import { ifMatch } from '../../../api/etag';
import { PersonField } from '../../organisation/PersonField';
import { useAnnounce } from '../../shared/Announcer';
import { FormActions, FormNotices, SelectInput, TextInput } from '../../shared/form/fields';
import { limitOf, textError } from '../../shared/form/limits';
import { useForm } from '../../shared/form/useForm';

interface Values {
  title: string;
  kind: string;
  ownerPersonId: string;
}

export function AgendaItemForm({
  meetingId,
  item,
  onDone,
}: {
  meetingId: string;
  item?: AgendaItem;
  level?: string;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const announce = useAnnounce();
  const add = useAddAgendaItem();
  const update = useUpdateAgendaItem();
  const guard = useGuard();
  const formId = item ? `agenda-edit-${item.id}` : 'agenda-add';
  const labels = {
    title: t('agenda.itemTitle'),
    kind: t('agenda.kind'),
    ownerPersonId: t('agenda.owner'),
  };
  const form = useForm<Values>({
    formId,
    persistDraft: !item,
    initial: {
      title: item?.title ?? '',
      kind: item?.kind ?? 'information',
      ownerPersonId: item?.ownerPersonId ?? '',
    },
    validate: (v) => ({
      title: textError(v.title, limitOf('AgendaItemCreate', 'title'), t),
    }),
  });
  const save = (overrideReason?: string) =>
    form.handleSubmit((v) =>
      guard.run({ title: v.title.trim() }, async () => {
        const body = {
          title: v.title.trim(),
          kind: v.kind as AgendaKind,
          ownerPersonId: v.ownerPersonId || null,
          ...(overrideReason ? { overrideReason } : {}),
        };
        const saved = item
          ? await update.mutateAsync({
              params: { path: { id: item.id }, header: ifMatch(item.version) },
              body,
            })
          : await add.mutateAsync({ params: { path: { id: meetingId } }, body });
        announce(t(item ? 'agenda.saved' : 'agenda.added', { title: saved.title }));
        if (item) onDone();
        else form.reset({ title: '', kind: 'information', ownerPersonId: '' });
      }),
    );
  return (
    <form
      className="form inline-form"
      noValidate
      aria-labelledby={`${formId}-heading`}
      onSubmit={(e) => void save()(e)}
    >
      <Heading level={3} data-size="2xs" id={`${formId}-heading`}>
        {item ? t('agenda.editItem', { position: item.position }) : t('agenda.add')}
      </Heading>
      <FormNotices form={form} labels={labels} />
      <TextInput form={form} name="title" label={labels.title} required autoComplete="off" />
      {guard.blocked ? (
        <GuardPanel
          id={`${formId}-guard`}
          blocked={guard.blocked}
          labels={labels}
          busy={form.status === 'submitting'}
          onFix={(field) => {
            guard.clear();
            document.getElementById(form.fieldId(field))?.focus();
          }}
          onOverride={(reason) => void save(reason)()}
        />
      ) : null}
      <SelectInput
        form={form}
        name="kind"
        label={labels.kind}
        options={AGENDA_KINDS.map((k) => ({ value: k, label: t(`agenda.kinds.${k}`) }))}
      />
      <PersonField form={form} name="ownerPersonId" label={labels.ownerPersonId} />
      <FormActions>
        <Button type="submit" disabled={form.status === 'submitting'}>
          {item ? t('form.save') : t('agenda.add')}
        </Button>
        <Button type="button" variant="secondary" onClick={onDone}>
          {t('form.cancel')}
        </Button>
      </FormActions>
    </form>
  );
}
