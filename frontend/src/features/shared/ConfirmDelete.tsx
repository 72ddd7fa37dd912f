/** Shared room: a delete button that asks once more before it removes, then announces the result
 * and goes back to the list with a flash; a refusal is shown beside the question. */
import { Button, Paragraph } from '@digdir/designsystemet-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAnnounce } from './Announcer';
import { useFlashNavigate } from './Flash';
import { FormError } from './form/fields';

export interface ConfirmDeleteProps {
  /** The button's label, also the group's accessible name. */
  label: string;
  question: string;
  confirmLabel: string;
  /** Removes the record; throws on refusal. */
  remove: () => Promise<unknown>;
  pending: boolean;
  /** Announced and flashed on the list page once removed. */
  done: string;
  /** Where to go once removed. */
  to: string;
  /** The words for a refusal. */
  errorText: (e: unknown) => string;
}

export function ConfirmDelete(props: ConfirmDeleteProps) {
  const { t } = useTranslation();
  const announce = useAnnounce();
  const flashTo = useFlashNavigate();
  const [asking, setAsking] = useState(false);
  const [error, setError] = useState<string>();

  async function confirm() {
    try {
      await props.remove();
      announce(props.done);
      flashTo(props.to, props.done);
    } catch (e) {
      setError(props.errorText(e));
    }
  }

  if (!asking)
    return (
      <div>
        <Button variant="secondary" data-color="danger" onClick={() => setAsking(true)}>
          {props.label}
        </Button>
      </div>
    );
  return (
    <div className="stack" role="group" aria-label={props.label}>
      <Paragraph>{props.question}</Paragraph>
      <FormError message={error} />
      <div className="form-actions">
        <Button data-color="danger" onClick={() => void confirm()} disabled={props.pending}>
          {props.confirmLabel}
        </Button>
        <Button variant="secondary" onClick={() => setAsking(false)}>
          {t('form.cancel')}
        </Button>
      </div>
    </div>
  );
}
