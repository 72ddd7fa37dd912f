/** Action plans room: remove a draft plan, confirmed in a second step (adopted plans stay). */
import { Button, Paragraph } from '@digdir/designsystemet-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ifMatch } from '../../api/etag';
import { ApiError, problemCode } from '../../api/problem';
import { useAnnounce } from '../shared/Announcer';
import { useFlashNavigate } from '../shared/Flash';
import { FormError } from '../shared/form/fields';
import { useDeletePlan } from './api';
import type { Plan } from './types';

export function DeletePlan({ plan }: { plan: Plan }) {
  const { t } = useTranslation();
  const remove = useDeletePlan();
  const announce = useAnnounce();
  const flashTo = useFlashNavigate();
  const [asking, setAsking] = useState(false);
  const [error, setError] = useState<string>();

  async function confirm() {
    try {
      await remove.mutateAsync({
        params: { path: { id: plan.id }, header: ifMatch(plan.version) },
      });
      const message = t('actionPlans.deleted', { name: plan.title });
      announce(message);
      flashTo('/handlingsplaner', message);
    } catch (e) {
      const code = e instanceof ApiError ? problemCode(e) : 'generic';
      setError(t(`actionPlans.problem.${code}`, { defaultValue: t('problem.generic') }));
    }
  }

  if (!asking)
    return (
      <div>
        <Button variant="secondary" data-color="danger" onClick={() => setAsking(true)}>
          {t('actionPlans.delete')}
        </Button>
      </div>
    );
  return (
    <div className="stack" role="group" aria-label={t('actionPlans.delete')}>
      <Paragraph>{t('actionPlans.deleteQuestion', { name: plan.title })}</Paragraph>
      <FormError message={error} />
      <div className="form-actions">
        <Button data-color="danger" onClick={() => void confirm()} disabled={remove.isPending}>
          {t('actionPlans.deleteConfirm')}
        </Button>
        <Button variant="secondary" onClick={() => setAsking(false)}>
          {t('form.cancel')}
        </Button>
      </div>
    </div>
  );
}
