/** Measures room: the dialog a legal move opens — it asks for what the target needs (a reason, a
 * coordinating body's decision, a closing note), posts with If-Match and words every refusal. */
import {
  Alert,
  Button,
  Dialog,
  Heading,
  List,
  Paragraph,
  ValidationMessage,
} from '@digdir/designsystemet-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ifMatch } from '../../../api/etag';
import { ApiError } from '../../../api/problem';
import { formatDate } from '../../../i18n/format';
import { GuardPanel, useGuard } from '../../meetings/minutes/Guard';
import { FormActions, FormError, SelectInput, TextInput } from '../../shared/form/fields';
import { limitOf, textError } from '../../shared/form/limits';
import { useForm } from '../../shared/form/useForm';
import { useDecisions, useTransition } from '../api';
import { needOf } from '../moves';
import type { Card, Stage } from '../types';
import { refusalOf, type Refusal } from './refusal';

interface Values {
  reason: string;
  decisionId: string;
  closingNote: string;
}

const REASON = limitOf('TransitionCreate', 'reason');
const NOTE = limitOf('TransitionCreate', 'closingNote');

function Refused({ refusal }: { refusal: Refusal }) {
  const { t } = useTranslation();
  if (refusal.kind === 'stale') return null;
  return (
    <Alert data-color="danger" role="alert" data-testid="transition-refused">
      <Heading level={3} data-size="2xs">
        {t('measures.transition.refused')}
      </Heading>
      {refusal.kind === 'preconditions' ? (
        <List.Unordered>
          {refusal.messages.map((m) => (
            <List.Item key={m}>{m}</List.Item>
          ))}
        </List.Unordered>
      ) : (
        <Paragraph>{refusal.message}</Paragraph>
      )}
    </Alert>
  );
}

function TransitionForm({
  measure,
  target,
  onDone,
  onStale,
}: {
  measure: Card;
  target: Stage;
  onDone: (moved: boolean) => void;
  onStale: () => void;
}) {
  const { t, i18n } = useTranslation();
  const need = needOf(target);
  const decisions = useDecisions('coordinating', need === 'decision');
  const transition = useTransition();
  const guard = useGuard();
  const [refusal, setRefusal] = useState<Refusal | null>(null);
  const labels = {
    reason:
      need === 'reason' ? t('measures.transition.reason') : t('measures.transition.reasonOptional'),
    decisionId: t('measures.transition.decision'),
    closingNote: t('measures.transition.closingNote'),
  };
  const form = useForm<Values>({
    formId: `transition-${measure.id}`,
    persistDraft: false,
    initial: { reason: '', decisionId: '', closingNote: measure.closingNote ?? '' },
    validate: (v) => ({
      reason: textError(v.reason, { ...REASON, required: need === 'reason' }, t),
      decisionId: need === 'decision' && !v.decisionId ? t('validation.required') : undefined,
      closingNote: textError(v.closingNote, NOTE, t),
    }),
  });
  const options = (decisions.data ?? []).map((d) => ({
    value: d.id,
    label: t('measures.transition.decisionOption', {
      label: d.label,
      body: d.bodyName,
      date: formatDate(d.meetingDate, i18n.language),
    }),
  }));
  const save = (overrideReason?: string) =>
    form.handleSubmit(async (v) => {
      setRefusal(null);
      try {
        await guard.run({ reason: v.reason, closingNote: v.closingNote }, async () => {
          await transition.mutateAsync({
            params: { path: { id: measure.id }, header: ifMatch(measure.version) },
            body: {
              target,
              ...(v.reason.trim() ? { reason: v.reason.trim() } : {}),
              ...(need === 'decision' ? { decisionId: v.decisionId } : {}),
              ...(need === 'closingNote' && v.closingNote.trim()
                ? { closingNote: v.closingNote.trim() }
                : {}),
              ...(overrideReason ? { overrideReason } : {}),
            },
          });
        });
        onDone(true);
      } catch (err) {
        if (err instanceof ApiError && err.status === 422) throw err;
        const r = refusalOf(err, t);
        if (r.kind === 'stale') onStale();
        else setRefusal(r);
      }
    });
  const from = t(`measures.stage.${measure.stage}`);
  const to = t(`measures.stage.${target}`);
  return (
    <form className="form" noValidate onSubmit={(e) => void save()(e)}>
      <Paragraph>{t('measures.transition.intro', { title: measure.title, from, to })}</Paragraph>
      {refusal ? <Refused refusal={refusal} /> : null}
      <FormError message={form.formError} />
      {need === 'decision' ? (
        options.length > 0 || decisions.isPending ? (
          <SelectInput
            form={form}
            name="decisionId"
            label={labels.decisionId}
            description={t('measures.transition.decisionHelp')}
            required
            emptyLabel={t('form.choose')}
            options={options}
          />
        ) : (
          <ValidationMessage data-color="warning">
            {t('measures.transition.noDecisions')}
          </ValidationMessage>
        )
      ) : null}
      {need === 'closingNote' && measure.evaluationRequired ? (
        <Alert data-color="warning">
          <Paragraph>
            {t('measures.transition.evaluationRequired', {
              triggers: measure.evaluationTriggers
                .map((x) => t(`measures.trigger.${x}`))
                .join(', '),
            })}
          </Paragraph>
        </Alert>
      ) : null}
      {need === 'closingNote' ? (
        <TextInput
          form={form}
          name="closingNote"
          label={labels.closingNote}
          description={t('measures.transition.closingNoteHelp')}
          multiline
        />
      ) : null}
      <TextInput
        form={form}
        name="reason"
        label={labels.reason}
        description={need === 'reason' ? t('measures.transition.reasonHelp') : undefined}
        required={need === 'reason'}
        multiline
      />
      {guard.blocked ? (
        <GuardPanel
          id={`transition-${measure.id}-guard`}
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
      <FormActions>
        <Button type="submit" disabled={form.status === 'submitting'}>
          {t('measures.transition.confirm')}
        </Button>
        <Button type="button" variant="secondary" onClick={() => onDone(false)}>
          {t('form.cancel')}
        </Button>
      </FormActions>
    </form>
  );
}

/** The move's dialog; `onClose(moved)` tells whether the measure moved. */
export function TransitionDialog({
  measure,
  target,
  onClose,
  onStale,
}: {
  measure: Card;
  target: Stage;
  onClose: (moved: boolean) => void;
  onStale: () => void;
}) {
  const { t } = useTranslation();
  return (
    <Dialog
      open
      onClose={() => onClose(false)}
      closeButton={t('form.cancel')}
      aria-labelledby="transition-title"
      data-testid="transition-dialog"
    >
      <Dialog.Block>
        <Heading level={2} data-size="xs" id="transition-title">
          {t('measures.transition.title', { stage: t(`measures.stage.${target}`) })}
        </Heading>
      </Dialog.Block>
      <Dialog.Block>
        <TransitionForm measure={measure} target={target} onDone={onClose} onStale={onStale} />
      </Dialog.Block>
    </Dialog>
  );
}
