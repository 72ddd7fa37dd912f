/** Cases room: the duty prompt — a note tagged suspected abuse, neglect or serious crime shows the
 * author's personal duties (meldeplikt, avvergingsplikt) with guidance; the author's answer is
 * recorded. The system never decides for them. */
import {
  Button,
  Dialog,
  Fieldset,
  Heading,
  Paragraph,
  Radio,
  ValidationMessage,
} from '@digdir/designsystemet-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAnnounce } from '../../shared/Announcer';
import { FormActions, FormError } from '../../shared/form/fields';
import { useAnswerDuty } from '../api';
import { caseProblemText } from '../problems';
import { DUTY_ANSWERS, type Duty, type DutyAnswerKind, type DutyPrompt } from '../types';

export function DutyDialog({
  noteId,
  prompts,
  onClose,
}: {
  noteId: string;
  prompts: DutyPrompt[];
  onClose: () => void;
}) {
  const { t, i18n } = useTranslation();
  const announce = useAnnounce();
  const answer = useAnswerDuty();
  const [answers, setAnswers] = useState<Partial<Record<Duty, DutyAnswerKind>>>({});
  const [error, setError] = useState<string>();
  const [missing, setMissing] = useState(false);
  const lang = i18n.language;

  async function save() {
    setError(undefined);
    if (prompts.some((p) => !answers[p.duty])) {
      setMissing(true);
      return;
    }
    try {
      for (const p of prompts) {
        const a = answers[p.duty];
        if (!a) continue;
        await answer.mutateAsync({
          params: { path: { id: noteId } },
          body: { duty: p.duty, answer: a },
        });
      }
      announce(t('cases.duty.answered'));
      onClose();
    } catch (e) {
      setError(caseProblemText(e, t));
    }
  }

  return (
    <Dialog
      open
      onClose={onClose}
      closeButton={t('cases.duty.later')}
      aria-labelledby="duty-title"
      data-testid="duty-dialog"
    >
      <Dialog.Block>
        <Heading level={2} data-size="xs" id="duty-title">
          {t('cases.duty.title')}
        </Heading>
      </Dialog.Block>
      <Dialog.Block>
        <div className="stack">
          <Paragraph>{t('cases.duty.intro')}</Paragraph>
          <FormError message={error} />
          {prompts.map((p) => (
            <Fieldset key={p.duty} data-testid={`duty-${p.duty}`}>
              <Fieldset.Legend>{t(`cases.duty.name.${p.duty}`)}</Fieldset.Legend>
              <Fieldset.Description>
                {p.guidance[lang] ?? p.guidance.nb} ({p.citation})
              </Fieldset.Description>
              {DUTY_ANSWERS.map((a) => (
                <Radio
                  key={a}
                  name={`duty-${noteId}-${p.duty}`}
                  value={a}
                  label={t(`cases.duty.answer.${a}`)}
                  checked={answers[p.duty] === a}
                  onChange={() => setAnswers((prev) => ({ ...prev, [p.duty]: a }))}
                />
              ))}
              {missing && !answers[p.duty] ? (
                <ValidationMessage>{t('validation.required')}</ValidationMessage>
              ) : null}
            </Fieldset>
          ))}
          <FormActions>
            <Button onClick={() => void save()} disabled={answer.isPending}>
              {t('cases.duty.save')}
            </Button>
            <Button variant="secondary" onClick={onClose}>
              {t('cases.duty.later')}
            </Button>
          </FormActions>
        </div>
      </Dialog.Block>
    </Dialog>
  );
}
