/** Meetings: action items under one agenda item (owner, due date, status; overdue visible). */
import { Button, Heading, Paragraph } from '@digdir/designsystemet-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ActionStatusButtons, ActionTags } from './ActionStatus';
import { EntryButtons } from './EntryButtons';
import { GuardPanel, useGuard } from './Guard';
import { useAddActionItem, useRemoveActionItem, useUpdateActionItem } from '../api';
import { usePersonNames } from '../people';
import type { ActionItem } from '../types';
import { ifMatch } from '../../../api/etag';
import { useMe } from '../../../auth/session';
import { PersonField } from '../../organisation/PersonField';
import { useAnnounce } from '../../shared/Announcer';
import { FormActions, FormError, FormNotices, TextInput } from '../../shared/form/fields';
import { limitOf, textError } from '../../shared/form/limits';
import { useForm } from '../../shared/form/useForm';

interface Values {
  text: string;
  ownerPersonId: string;
  due: string;
}

function ActionItemForm({
  meetingId,
  agendaItemId,
  item,
  onDone,
}: {
  meetingId: string;
  agendaItemId: string;
  item?: ActionItem;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const announce = useAnnounce();
  const add = useAddActionItem();
  const update = useUpdateActionItem();
  const guard = useGuard();
  const formId = item ? `action-${item.id}` : `action-new-${agendaItemId}`;
  const labels = {
    text: t('minutes.actionText'),
    ownerPersonId: t('minutes.actionOwner'),
    due: t('minutes.actionDue'),
  };
  const form = useForm<Values>({
    formId,
    persistDraft: false,
    initial: {
      text: item?.text ?? '',
      ownerPersonId: item?.ownerPersonId ?? '',
      due: item?.due ?? '',
    },
    validate: (v) => ({
      text: textError(v.text, limitOf('ActionItemCreate', 'text'), t),
      ownerPersonId: v.ownerPersonId ? undefined : t('validation.required'),
    }),
  });
  const save = (overrideReason?: string) =>
    form.handleSubmit((v) =>
      guard.run({ text: v.text.trim() }, async () => {
        const body = {
          text: v.text.trim(),
          ownerPersonId: v.ownerPersonId,
          due: v.due || null,
          ...(overrideReason ? { overrideReason } : {}),
        };
        if (item)
          await update.mutateAsync({
            params: { path: { id: item.id }, header: ifMatch(item.version) },
            body,
          });
        else
          await add.mutateAsync({
            params: { path: { id: meetingId } },
            body: { ...body, agendaItemId },
          });
        announce(t(item ? 'minutes.actionSaved' : 'minutes.actionAdded'));
        onDone();
      }),
    );
  return (
    <form
      className="form inline-form"
      noValidate
      aria-label={item ? t('minutes.edit') : t('minutes.addAction')}
      onSubmit={(e) => void save()(e)}
    >
      <FormNotices form={form} labels={labels} />
      <TextInput form={form} name="text" label={labels.text} required multiline />
      {guard.blocked ? (
        <GuardPanel
          id={`${formId}-guard`}
          blocked={guard.blocked}
          labels={labels}
          busy={form.status === 'submitting'}
          onFix={() => {
            guard.clear();
            document.getElementById(form.fieldId('text'))?.focus();
          }}
          onOverride={(reason) => void save(reason)()}
        />
      ) : null}
      <PersonField form={form} name="ownerPersonId" label={labels.ownerPersonId} required />
      <TextInput form={form} name="due" label={labels.due} type="date" />
      <FormActions>
        <Button type="submit" disabled={form.status === 'submitting'}>
          {item ? t('form.save') : t('minutes.addAction')}
        </Button>
        <Button type="button" variant="secondary" onClick={onDone}>
          {t('form.cancel')}
        </Button>
      </FormActions>
    </form>
  );
}

export function ActionItems({
  meetingId,
  agendaItemId,
  items,
  writable,
  manager,
}: {
  meetingId: string;
  agendaItemId: string;
  items: ActionItem[];
  /** The draft's texts may change. */
  writable: boolean;
  /** Whoever manages the meeting moves any item's status; an owner moves their own. */
  manager: boolean;
}) {
  const { t } = useTranslation();
  const me = useMe();
  const nameOf = usePersonNames();
  const remove = useRemoveActionItem();
  const [open, setOpen] = useState<string | null>(null);
  const [error, setError] = useState<string>();
  const myPersonId = me.personId ?? null;
  return (
    <div className="stack" data-testid="action-items">
      <Heading level={4} data-size="2xs">
        {t('minutes.actions')}
      </Heading>
      <FormError message={error} />
      {items.length === 0 ? (
        <Paragraph data-size="sm" className="muted">
          {t('minutes.noActions')}
        </Paragraph>
      ) : (
        <ul className="action-list">
          {items.map((a) =>
            open === a.id ? (
              <li key={a.id}>
                <ActionItemForm
                  meetingId={meetingId}
                  agendaItemId={agendaItemId}
                  item={a}
                  onDone={() => setOpen(null)}
                />
              </li>
            ) : (
              <li key={a.id} data-testid="action-item" data-overdue={a.overdue || undefined}>
                <span className="pre-line">{a.text}</span>
                <span>{`${t('minutes.actionOwner')}: ${nameOf(a.ownerPersonId)}`}</span>
                <ActionTags item={a} />
                {manager || a.ownerPersonId === myPersonId ? (
                  <ActionStatusButtons item={a} />
                ) : null}
                {writable ? (
                  <EntryButtons
                    editLabel={t('minutes.editAction', { text: a.text })}
                    removeLabel={t('minutes.removeAction', { text: a.text })}
                    removedMessage={t('minutes.actionRemoved')}
                    removing={remove.isPending}
                    onEdit={() => setOpen(a.id)}
                    onRemove={() =>
                      remove.mutateAsync({
                        params: { path: { id: a.id }, header: ifMatch(a.version) },
                      })
                    }
                    onError={setError}
                  />
                ) : null}
              </li>
            ),
          )}
        </ul>
      )}
      {writable && open === 'new' ? (
        <ActionItemForm
          meetingId={meetingId}
          agendaItemId={agendaItemId}
          onDone={() => setOpen(null)}
        />
      ) : null}
      {writable && open !== 'new' ? (
        <div className="row">
          <Button variant="secondary" data-size="sm" onClick={() => setOpen('new')}>
            {t('minutes.addAction')}
          </Button>
        </div>
      ) : null}
    </div>
  );
}
