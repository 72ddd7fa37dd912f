/** Archive room: where a finished record went, on its page — "Arkivert: sak 2026/123,
 * journalpost 45" | "Venter på arkivering" | "Feilet". Nothing when nothing was enqueued (or the
 * caller may not see the unit's archive). */
import { Tag } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import { useRecordStatus } from './api';
import type { ArchiveState, RecordKind } from './types';

const COLOUR: Record<ArchiveState, 'neutral' | 'info' | 'success' | 'warning' | 'danger'> = {
  none: 'neutral',
  not_configured: 'neutral',
  waiting: 'info',
  delivered: 'success',
  failed: 'warning',
  dead: 'danger',
};

export function ArchiveBadge({
  kind,
  recordId,
  enabled = true,
}: {
  kind: RecordKind;
  recordId: string;
  enabled?: boolean;
}) {
  const { t } = useTranslation();
  const status = useRecordStatus(kind, recordId, enabled);
  const s = status.data;
  if (!enabled || !s || s.state === 'none') return null;
  const text =
    s.state === 'delivered' && s.saksnummer
      ? t('archive.badge.deliveredRef', { sak: s.saksnummer, jp: s.journalpostnummer ?? '–' })
      : t(`archive.badge.${s.state}`);
  return (
    <Tag data-color={COLOUR[s.state]} data-size="sm" data-testid="archive-badge">
      {text}
    </Tag>
  );
}
