/** Meetings: a meeting's status as a tag (the words say it; the colour only repeats it). */
import { Tag } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import type { MeetingStatus } from './types';

const COLOUR: Record<MeetingStatus, 'info' | 'warning' | 'success' | 'neutral' | 'danger'> = {
  planned: 'info',
  held: 'warning',
  minutes_draft: 'warning',
  minutes_approved: 'success',
  distributed: 'success',
  cancelled: 'neutral',
};

export function StatusTag({ status }: { status: MeetingStatus }) {
  const { t } = useTranslation();
  return (
    <Tag data-color={COLOUR[status]} data-testid="meeting-status">
      {t(`meetings.status.${status}`)}
    </Tag>
  );
}
