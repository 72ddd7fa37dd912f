/** Action plans room: remove a draft plan, confirmed in a second step (adopted plans stay). */
import { useTranslation } from 'react-i18next';
import { ifMatch } from '../../api/etag';
import { ApiError, problemCode } from '../../api/problem';
import { ConfirmDelete } from '../shared/ConfirmDelete';
import { useDeletePlan } from './api';
import type { Plan } from './types';

export function DeletePlan({ plan }: { plan: Plan }) {
  const { t } = useTranslation();
  const remove = useDeletePlan();
  return (
    <ConfirmDelete
      label={t('actionPlans.delete')}
      question={t('actionPlans.deleteQuestion', { name: plan.title })}
      confirmLabel={t('actionPlans.deleteConfirm')}
      remove={() =>
        remove.mutateAsync({ params: { path: { id: plan.id }, header: ifMatch(plan.version) } })
      }
      pending={remove.isPending}
      done={t('actionPlans.deleted', { name: plan.title })}
      to="/handlingsplaner"
      errorText={(e) => {
        const code = e instanceof ApiError ? problemCode(e) : 'generic';
        return t(`actionPlans.problem.${code}`, { defaultValue: t('problem.generic') });
      }}
    />
  );
}
