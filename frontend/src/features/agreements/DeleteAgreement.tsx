/** Agreements room: remove an agreement (and its signed document), confirmed in a second step. */
import { Button, Paragraph } from '@digdir/designsystemet-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ifMatch } from '../../api/etag';
import { ApiError, problemText } from '../../api/problem';
import { useAnnounce } from '../shared/Announcer';
import { useFlashNavigate } from '../shared/Flash';
import { FormError } from '../shared/form/fields';
import { useDeleteAgreement } from './api';
import type { Agreement } from './types';

export function DeleteAgreement({ agreement }: { agreement: Agreement }) {
  const { t } = useTranslation();
  const remove = useDeleteAgreement();
  const announce = useAnnounce();
  const flashTo = useFlashNavigate();
  const [asking, setAsking] = useState(false);
  const [error, setError] = useState<string>();

  async function confirm() {
    try {
      await remove.mutateAsync({
        params: { path: { id: agreement.id }, header: ifMatch(agreement.version) },
      });
      const message = t('agreements.deleted', { title: agreement.title });
      announce(message);
      flashTo('/avtaler', message);
    } catch (e) {
      setError(e instanceof ApiError ? problemText(e, t) : t('problem.generic'));
    }
  }

  if (!asking)
    return (
      <div>
        <Button variant="secondary" data-color="danger" onClick={() => setAsking(true)}>
          {t('agreements.delete')}
        </Button>
      </div>
    );
  return (
    <div className="stack" role="group" aria-label={t('agreements.delete')}>
      <Paragraph>{t('agreements.deleteQuestion', { title: agreement.title })}</Paragraph>
      <FormError message={error} />
      <div className="form-actions">
        <Button data-color="danger" onClick={() => void confirm()} disabled={remove.isPending}>
          {t('agreements.deleteConfirm')}
        </Button>
        <Button variant="secondary" onClick={() => setAsking(false)}>
          {t('form.cancel')}
        </Button>
      </div>
    </div>
  );
}
