/** Meetings: decisions under one agenda item — recorded in the draft, numbered at approval. */
import { Button, Heading, Paragraph, Tag } from '@digdir/designsystemet-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { EntryButtons } from './EntryButtons';
import { GuardPanel, useGuard } from './Guard';
import { useRecordDecision, useRemoveDecision, useUpdateDecision } from '../api';
import type { Decision } from '../types';
import { ifMatch } from '../../../api/etag';
import { useAnnounce } from '../../shared/Announcer';
import { FormActions, FormError, FormNotices, TextInput } from '../../shared/form/fields';
import { limitOf, textError } from '../../shared/form/limits';
import { useForm } from '../../shared/form/useForm';

function DecisionForm({
  meetingId,
  agendaItemId,
  decision,
  onDone,
}: {
  meetingId: string;
  agendaItemId: string;
  decision?: Decision;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const announce = useAnnounce();
  const record = useRecordDecision();
  const update = useUpdateDecision();
  const guard = useGuard();
  const formId = decision ? `decision-${decision.id}` : `decision-new-${agendaItemId}`;
  const labels = { text: t('minutes.decisionText') };
  const form = useForm<{ text: string }>({
    formId,
    persistDraft: false,
    initial: { text: decision?.text ?? '' },
    validate: (v) => ({ text: textError(v.text, limitOf('DecisionCreate', 'text'), t) }),
  });
  const save = (overrideReason?: string) =>
    form.handleSubmit((v) =>
      guard.run({ text: v.text.trim() }, async () => {
        const extra = overrideReason ? { overrideReason } : {};
        if (decision)
          await update.mutateAsync({
            params: { path: { id: decision.id }, header: ifMatch(decision.version) },
            body: { text: v.text.trim(), ...extra },
          });
        else
          await record.mutateAsync({
            params: { path: { id: meetingId } },
            body: { agendaItemId, text: v.text.trim(), ...extra },
          });
        announce(t(decision ? 'minutes.decisionSaved' : 'minutes.decisionAdded'));
        onDone();
      }),
    );
  return (
    <form
      className="form inline-form"
      noValidate
      aria-label={decision ? t('minutes.edit') : t('minutes.addDecision')}
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
      <FormActions>
        <Button type="submit" disabled={form.status === 'submitting'}>
          {decision ? t('form.save') : t('minutes.addDecision')}
        </Button>
        <Button type="button" variant="secondary" onClick={onDone}>
          {t('form.cancel')}
        </Button>
      </FormActions>
    </form>
  );
}

export function Decisions({
  meetingId,
  agendaItemId,
  decisions,
  writable,
}: {
  meetingId: string;
  agendaItemId: string;
  decisions: Decision[];
  writable: boolean;
}) {
  const { t } = useTranslation();
  const remove = useRemoveDecision();
  const [open, setOpen] = useState<string | null>(null);
  const [error, setError] = useState<string>();
  return (
    <div className="stack" data-testid="decisions">
      <Heading level={4} data-size="2xs">
        {t('minutes.decisions')}
      </Heading>
      <FormError message={error} />
      {decisions.length === 0 ? (
        <Paragraph data-size="sm" className="muted">
          {t('minutes.noDecisions')}
        </Paragraph>
      ) : (
        <ul className="action-list">
          {decisions.map((d) =>
            open === d.id ? (
              <li key={d.id}>
                <DecisionForm
                  meetingId={meetingId}
                  agendaItemId={agendaItemId}
                  decision={d}
                  onDone={() => setOpen(null)}
                />
              </li>
            ) : (
              <li key={d.id} data-testid="decision">
                <Tag data-color={d.number ? 'success' : 'neutral'} data-size="sm">
                  {d.number ?? t('minutes.unnumbered')}
                </Tag>
                <span className="pre-line">{d.text}</span>
                {writable ? (
                  <EntryButtons
                    editLabel={t('minutes.editDecision', { text: d.text })}
                    removeLabel={t('minutes.removeDecision', { text: d.text })}
                    removedMessage={t('minutes.decisionRemoved')}
                    removing={remove.isPending}
                    onEdit={() => setOpen(d.id)}
                    onRemove={() =>
                      remove.mutateAsync({
                        params: { path: { id: d.id }, header: ifMatch(d.version) },
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
        <DecisionForm
          meetingId={meetingId}
          agendaItemId={agendaItemId}
          onDone={() => setOpen(null)}
        />
      ) : null}
      {writable && open !== 'new' ? (
        <div className="row">
          <Button variant="secondary" data-size="sm" onClick={() => setOpen('new')}>
            {t('minutes.addDecision')}
          </Button>
        </div>
      ) : null}
    </div>
  );
}
