/** Measures room: delete a measure while it is only proposed, confirmed in a second step. */
import { Button, Paragraph } from '@digdir/designsystemet-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ifMatch } from '../../../api/etag';
import { useAnnounce } from '../../shared/Announcer';
import { useFlashNavigate } from '../../shared/Flash';
import { FormError } from '../../shared/form/fields';
import { refusalOf } from '../board/refusal';
import { useDeleteMeasure } from '../api';
import type { Measure } from '../types';

export function DeleteMeasure({ measure }: { measure: Measure }) {
  const { t } = useTranslation();
  const remove = useDeleteMeasure();
  const announce = useAnnounce();
  const flashTo = useFlashNavigate();
  const [asking, setAsking] = useState(false);
  const [error, setError] = useState<string>();

  async function confirm() {
    try {
      await remove.mutateAsync({
        params: { path: { id: measure.id }, header: ifMatch(measure.version) },
      });
      const message = t('measures.detail.deleted', { title: measure.title });
      announce(message);
      flashTo('/tiltak', message);
    } catch (e) {
      const r = refusalOf(e, t);
      setError(
        r.kind === 'other'
          ? r.message
          : r.kind === 'stale'
            ? t('measures.transition.stale')
            : r.messages.join(' '),
      );
    }
  }

  if (!asking)
    return (
      <div className="stack">
        <Paragraph data-size="sm" className="muted">
          {t('measures.detail.deleteHelp')}
        </Paragraph>
        <div>
          <Button variant="secondary" data-color="danger" onClick={() => setAsking(true)}>
            {t('measures.detail.delete')}
          </Button>
        </div>
      </div>
    );
  return (
    <div className="stack" role="group" aria-label={t('measures.detail.delete')}>
      <FormError message={error} />
      <div className="form-actions">
        <Button data-color="danger" onClick={() => void confirm()} disabled={remove.isPending}>
          {t('measures.detail.confirmDelete')}
        </Button>
        <Button variant="secondary" onClick={() => setAsking(false)}>
          {t('form.cancel')}
        </Button>
      </div>
    </div>
  );
}
