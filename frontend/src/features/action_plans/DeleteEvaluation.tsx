/** Action plans room: remove an evaluation that is not completed, confirmed in a second step. */
import { Button, Paragraph } from '@digdir/designsystemet-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ifMatch } from '../../api/etag';
import { ApiError, problemCode } from '../../api/problem';
import { useAnnounce } from '../shared/Announcer';
import { useFlashNavigate } from '../shared/Flash';
import { FormError } from '../shared/form/fields';
import { useDeleteEvaluation } from './api';
import type { Evaluation } from './types';

export function DeleteEvaluation({ evaluation }: { evaluation: Evaluation }) {
  const { t } = useTranslation();
  const remove = useDeleteEvaluation();
  const announce = useAnnounce();
  const flashTo = useFlashNavigate();
  const [asking, setAsking] = useState(false);
  const [error, setError] = useState<string>();

  async function confirm() {
    try {
      await remove.mutateAsync({
        params: { path: { id: evaluation.id }, header: ifMatch(evaluation.version) },
      });
      const message = t('evaluationForm.deleted');
      announce(message);
      flashTo(`/tiltak/${evaluation.measureId}`, message);
    } catch (e) {
      const code = e instanceof ApiError ? problemCode(e) : 'generic';
      setError(t(`actionPlans.problem.${code}`, { defaultValue: t('problem.generic') }));
    }
  }

  if (!asking)
    return (
      <div>
        <Button variant="secondary" data-color="danger" onClick={() => setAsking(true)}>
          {t('evaluationForm.delete')}
        </Button>
      </div>
    );
  return (
    <div className="stack" role="group" aria-label={t('evaluationForm.delete')}>
      <Paragraph>{t('evaluationForm.deleteQuestion')}</Paragraph>
      <FormError message={error} />
      <div className="form-actions">
        <Button data-color="danger" onClick={() => void confirm()} disabled={remove.isPending}>
          {t('evaluationForm.deleteConfirm')}
        </Button>
        <Button variant="secondary" onClick={() => setAsking(false)}>
          {t('form.cancel')}
        </Button>
      </div>
    </div>
  );
}
