/** Agreements room: remove an agreement (and its signed document), confirmed in a second step. */
import { useTranslation } from 'react-i18next';
import { ifMatch } from '../../api/etag';
import { ApiError, problemText } from '../../api/problem';
import { ConfirmDelete } from '../shared/ConfirmDelete';
import { useDeleteAgreement } from './api';
import type { Agreement } from './types';

export function DeleteAgreement({ agreement }: { agreement: Agreement }) {
  const { t } = useTranslation();
  const remove = useDeleteAgreement();
  return (
    <ConfirmDelete
      label={t('agreements.delete')}
      question={t('agreements.deleteQuestion', { title: agreement.title })}
      confirmLabel={t('agreements.deleteConfirm')}
      remove={() =>
        remove.mutateAsync({
          params: { path: { id: agreement.id }, header: ifMatch(agreement.version) },
        })
      }
      pending={remove.isPending}
      done={t('agreements.deleted', { title: agreement.title })}
      to="/avtaler"
      errorText={(e) => (e instanceof ApiError ? problemText(e, t) : t('problem.generic'))}
    />
  );
}
