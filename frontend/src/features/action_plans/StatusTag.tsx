/** Action plans room: a plan's status as a coloured tag (draft grey, adopted green, expired amber). */
import { Tag } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import type { PlanStatus } from './types';

const COLOUR: Record<PlanStatus, 'neutral' | 'success' | 'warning'> = {
  draft: 'neutral',
  adopted: 'success',
  expired: 'warning',
};

export function PlanStatusTag({ status }: { status: PlanStatus }) {
  const { t } = useTranslation();
  return (
    <Tag data-color={COLOUR[status]} data-size="sm" data-testid="plan-status">
      {t(`actionPlans.status.${status}`)}
    </Tag>
  );
}
