/** Cases room: the Notater tab — notes with category and source, each shown with its "why" or
 * withheld; the note form (category, source from your organisation on the case, duty tags); a
 * tagged note opens the duty prompt, and an unanswered prompt can be answered later. */
import {
  Button,
  Checkbox,
  Fieldset,
  Heading,
  List,
  Paragraph,
  Tag,
} from '@digdir/designsystemet-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../../i18n/format';
import { useAnnounce } from '../../shared/Announcer';
import {
  FormActions,
  FormError,
  FormNotices,
  SelectInput,
  TextInput,
} from '../../shared/form/fields';
import { limitOf, textError } from '../../shared/form/limits';
import { useForm } from '../../shared/form/useForm';
import { teamNames, useAddNote, useOrganisationNames } from '../api';
import {
  CATEGORIES,
  DUTY_TAGS,
  type CaseView,
  type Category,
  type DutyPrompt,
  type DutyTag,
  type NoteView,
} from '../types';
import { useRefusal } from '../problems';
import { Shown } from './Access';
import { DutyDialog } from './DutyDialog';

interface Values {
  text: string;
  category: string;
  dutyTags: DutyTag[];
}

function NoteForm({
  view,
  onPrompts,
}: {
  view: CaseView;
  onPrompts: (noteId: string, prompts: DutyPrompt[]) => void;
}) {
  const { t } = useTranslation();
  const announce = useAnnounce();
  const add = useAddNote();
  const refusal = useRefusal();
  const labels = {
    text: t('cases.notes.text'),
    category: t('cases.notes.categoryLabel'),
    dutyTags: t('cases.notes.dutyTags'),
  };
  const initial: Values = { text: '', category: '', dutyTags: [] };
  const names = useOrganisationNames();
  const form = useForm<Values>({
    formId: `case-note-${view.id}`,
    initial,
    validate: (v) => ({
      text: textError(v.text, limitOf('CaseNoteCreate', 'text'), t),
      category: v.category ? undefined : t('validation.required'),
    }),
  });
  const toggle = (tag: DutyTag, on: boolean) =>
    form.set(
      'dutyTags',
      on ? [...form.values.dutyTags, tag] : form.values.dutyTags.filter((x) => x !== tag),
    );
  return (
    <form
      className="form"
      noValidate
      aria-labelledby="note-form-heading"
      onSubmit={form.handleSubmit((v) =>
        refusal.guard(async () => {
          const saved = await add.mutateAsync({
            params: { path: { id: view.id } },
            body: {
              text: v.text.trim(),
              category: v.category as Category,
              dutyTags: v.dutyTags,
            },
          });
          form.reset(initial);
          announce(t('cases.notes.added'));
          if (saved.dutyPrompts.length > 0) onPrompts(saved.id, saved.dutyPrompts);
        }),
      )}
    >
      <Heading level={3} data-size="2xs" id="note-form-heading">
        {t('cases.notes.add')}
      </Heading>
      <FormNotices form={form} labels={labels} />
      <FormError message={refusal.message} />
      <TextInput
        form={form}
        name="text"
        label={labels.text}
        description={t('cases.notes.textHelp')}
        multiline
        required
      />
      <SelectInput
        form={form}
        name="category"
        label={labels.category}
        required
        emptyLabel={t('form.choose')}
        options={CATEGORIES.map((c) => ({ value: c, label: t(`cases.category.${c}`) }))}
      />
      <Paragraph data-size="sm" data-testid="note-source">
        {t('cases.notes.source', {
          organisation: (view.myOrganisationId && names.get(view.myOrganisationId)) || '—',
        })}
      </Paragraph>
      <Fieldset id={form.fieldId('dutyTags')}>
        <Fieldset.Legend>{labels.dutyTags}</Fieldset.Legend>
        <Fieldset.Description>{t('cases.notes.dutyTagsHelp')}</Fieldset.Description>
        {DUTY_TAGS.map((tag) => (
          <Checkbox
            key={tag}
            label={t(`cases.notes.dutyTag.${tag}`)}
            value={tag}
            checked={form.values.dutyTags.includes(tag)}
            onChange={(e) => toggle(tag, e.target.checked)}
          />
        ))}
      </Fieldset>
      <FormActions>
        <Button type="submit" disabled={form.status === 'submitting'}>
          {t('cases.notes.save')}
        </Button>
      </FormActions>
    </form>
  );
}

/** The prompts of a note its author has not answered yet. */
function pendingPrompts(item: NoteView): DutyPrompt[] {
  const answered = new Set(item.dutyAnswers.map((a) => a.duty));
  return item.dutyPrompts.filter((p) => !answered.has(p.duty));
}

function NoteItem({
  item,
  people,
  onAnswer,
}: {
  item: NoteView;
  people: Map<string, string>;
  onAnswer: () => void;
}) {
  const { t, i18n } = useTranslation();
  const organisations = useOrganisationNames();
  const pending = pendingPrompts(item);
  return (
    <List.Item data-testid="note">
      <div className="row">
        <Tag data-size="sm" data-color="info">
          {t(`cases.category.${item.category}`)}
        </Tag>
        <Tag data-size="sm" data-color="neutral">
          {t(`cases.regime.${item.regime}`)}
        </Tag>
        <span className="muted">{formatDate(item.writtenAt.slice(0, 10), i18n.language)}</span>
      </div>
      <Shown item={item.note}>
        {(note) => (
          <>
            <Paragraph className="case-note-text">{note.text}</Paragraph>
            <Paragraph data-size="sm" className="muted">
              {[
                note.authorPersonId ? people.get(note.authorPersonId) : undefined,
                organisations.get(note.organisationId),
              ]
                .filter(Boolean)
                .join(', ')}
              {note.dutyTags.length > 0
                ? ` · ${note.dutyTags.map((d) => t(`cases.notes.dutyTag.${d}`)).join(', ')}`
                : ''}
            </Paragraph>
          </>
        )}
      </Shown>
      {pending.length > 0 ? (
        <div className="row">
          <Tag data-size="sm" data-color="warning">
            {t('cases.duty.pending')}
          </Tag>
          <Button variant="secondary" data-size="sm" onClick={onAnswer}>
            {t('cases.duty.answerNow')}
          </Button>
        </div>
      ) : null}
    </List.Item>
  );
}

export function Notes({ view }: { view: CaseView }) {
  const { t } = useTranslation();
  const [prompt, setPrompt] = useState<{ noteId: string; prompts: DutyPrompt[] } | null>(null);
  const people = teamNames(view);
  return (
    <section className="stack" aria-labelledby="notes-heading">
      <Heading level={2} data-size="xs" id="notes-heading">
        {t('cases.notes.title')}
      </Heading>
      {view.notes.length === 0 ? <Paragraph>{t('cases.notes.none')}</Paragraph> : null}
      {view.notes.length > 0 ? (
        <List.Unordered data-testid="notes" className="case-list">
          {view.notes.map((n) => (
            <NoteItem
              key={n.id}
              item={n}
              people={people}
              onAnswer={() => setPrompt({ noteId: n.id, prompts: pendingPrompts(n) })}
            />
          ))}
        </List.Unordered>
      ) : null}
      <NoteForm view={view} onPrompts={(noteId, prompts) => setPrompt({ noteId, prompts })} />
      {prompt ? (
        <DutyDialog
          noteId={prompt.noteId}
          prompts={prompt.prompts}
          onClose={() => setPrompt(null)}
        />
      ) : null}
    </section>
  );
}
