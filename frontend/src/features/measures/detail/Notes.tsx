/** Measures room: progress notes — the append-only list and the form that adds one (guarded). */
import { Button, Heading, List, Paragraph } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../../i18n/format';
import { GuardPanel, useGuard } from '../../meetings/minutes/Guard';
import { useAnnounce } from '../../shared/Announcer';
import { FormActions, FormNotices, TextInput } from '../../shared/form/fields';
import { limitOf, textError } from '../../shared/form/limits';
import { useForm } from '../../shared/form/useForm';
import { useAddNote, useNotes } from '../api';

function NoteForm({ measureId }: { measureId: string }) {
  const { t } = useTranslation();
  const announce = useAnnounce();
  const add = useAddNote();
  const guard = useGuard();
  const labels = { text: t('measures.note.text') };
  const form = useForm<{ text: string }>({
    formId: `note-${measureId}`,
    initial: { text: '' },
    validate: (v) => ({ text: textError(v.text, limitOf('NoteCreate', 'text'), t) }),
  });
  const save = (overrideReason?: string) =>
    form.handleSubmit((v) =>
      guard.run({ text: v.text }, async () => {
        await add.mutateAsync({
          params: { path: { id: measureId } },
          body: { text: v.text.trim(), ...(overrideReason ? { overrideReason } : {}) },
        });
        form.reset({ text: '' });
        announce(t('measures.note.added'));
      }),
    );
  return (
    <form
      className="form"
      noValidate
      aria-label={t('measures.note.add')}
      onSubmit={(e) => void save()(e)}
    >
      <FormNotices form={form} labels={labels} />
      <TextInput
        form={form}
        name="text"
        label={labels.text}
        description={t('measures.note.help')}
        multiline
        required
      />
      {guard.blocked ? (
        <GuardPanel
          id={`note-${measureId}-guard`}
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
      <FormActions>
        <Button type="submit" disabled={form.status === 'submitting'}>
          {t('measures.note.add')}
        </Button>
      </FormActions>
    </form>
  );
}

export function Notes({ measureId, canAdd }: { measureId: string; canAdd: boolean }) {
  const { t, i18n } = useTranslation();
  const notes = useNotes(measureId);
  const items = notes.data ?? [];
  return (
    <section className="stack" aria-labelledby="notes-heading">
      <Heading level={2} data-size="xs" id="notes-heading">
        {t('measures.detail.notes')}
      </Heading>
      {items.length === 0 ? <Paragraph>{t('measures.note.none')}</Paragraph> : null}
      {items.length > 0 ? (
        <List.Unordered data-testid="notes">
          {items.map((n) => (
            <List.Item key={n.id}>
              <Paragraph>{n.text}</Paragraph>
              <Paragraph data-size="sm" className="muted">
                {t('measures.note.by', {
                  author: n.authorName,
                  at: formatDate(String(n.at).slice(0, 10), i18n.language),
                })}
              </Paragraph>
            </List.Item>
          ))}
        </List.Unordered>
      ) : null}
      {canAdd ? <NoteForm measureId={measureId} /> : null}
    </section>
  );
}
