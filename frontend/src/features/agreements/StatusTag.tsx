/** Agreements room: the derived status as a coloured tag (expired red, due for review amber). */
import { Tag } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import type { AgreementStatus } from './types';

const COLOUR: Record<AgreementStatus, 'success' | 'warning' | 'danger'> = {
  active: 'success',
  due_for_review: 'warning',
  expired: 'danger',
};

export function StatusTag({ status }: { status: AgreementStatus }) {
  const { t } = useTranslation();
  return (
    <Tag data-color={COLOUR[status]} data-size="sm" data-testid="agreement-status">
      {t(`agreements.status.${status}`)}
    </Tag>
  );
}
