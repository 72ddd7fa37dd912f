/** Archive room: the messages of one page — the record, its status, what the archive answered
 * (saksnummer / journalpostnummer), the next attempt or the error, and "Prøv igjen". */
import {
  Button,
  Link as DsLink,
  Table,
  Tag,
  ValidationMessage,
} from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ifMatch } from '../../api/etag';
import { ApiError, problemText } from '../../api/problem';
import { useAnnounce } from '../shared/Announcer';
import { recordPath, useRetryMessage } from './api';
import type { ArchiveMessage, MessageStatus } from './types';

const COLOUR: Record<MessageStatus, 'neutral' | 'info' | 'success' | 'warning' | 'danger'> = {
  pending: 'neutral',
  delivering: 'info',
  delivered: 'success',
  failed: 'warning',
  dead: 'danger',
};

function Details({ m }: { m: ArchiveMessage }) {
  const { t, i18n } = useTranslation();
  const when = (iso: string) => new Date(iso).toLocaleString(i18n.language);
  if (m.status === 'delivered') {
    const r = m.receipt;
    if (r?.saksnummer)
      return <>{t('archive.reference', { sak: r.saksnummer, jp: r.journalpostnummer ?? '–' })}</>;
    return <>{t('archive.deliveredAt', { when: m.deliveredAt ? when(m.deliveredAt) : '–' })}</>;
  }
  if (m.status === 'failed')
    return (
      <>
        {t('archive.nextAttempt', { when: when(m.nextAttemptAt), attempts: m.attempts })}
        {m.lastError ? <div className="muted">{m.lastError}</div> : null}
      </>
    );
  if (m.status === 'dead')
    return <>{t('archive.error', { error: m.lastError ?? '–', attempts: m.attempts })}</>;
  return <>{t('archive.queuedAt', { when: when(m.createdAt) })}</>;
}

function Retry({ m }: { m: ArchiveMessage }) {
  const { t } = useTranslation();
  const retry = useRetryMessage();
  const announce = useAnnounce();
  const error = retry.error instanceof ApiError ? problemText(retry.error.problem, t) : null;
  return (
    <>
      <Button
        data-size="sm"
        variant="secondary"
        disabled={retry.isPending}
        aria-label={t('archive.retryNamed', { key: m.key })}
        onClick={() =>
          retry.mutate(
            { params: { path: { id: m.id }, header: ifMatch(m.version) } },
            { onSuccess: () => announce(t('archive.retried')) },
          )
        }
      >
        {t('archive.retry')}
      </Button>
      {error ? <ValidationMessage role="alert">{error}</ValidationMessage> : null}
    </>
  );
}

export function MessageTable({ items, canRetry }: { items: ArchiveMessage[]; canRetry: boolean }) {
  const { t } = useTranslation();
  return (
    <div className="table-wrap">
      <Table zebra data-testid="archive-messages" className="table-cards">
        <caption className="sr-only">{t('archive.messages')}</caption>
        <Table.Head>
          <Table.Row>
            <Table.HeaderCell>{t('archive.record')}</Table.HeaderCell>
            <Table.HeaderCell>{t('archive.statusLabel')}</Table.HeaderCell>
            <Table.HeaderCell>{t('archive.details')}</Table.HeaderCell>
            <Table.HeaderCell>{t('archive.action')}</Table.HeaderCell>
          </Table.Row>
        </Table.Head>
        <Table.Body>
          {items.map((m) => {
            const path = recordPath(m.recordKind, m.subjectId);
            const kind = t(`archive.kind.${m.recordKind}`);
            return (
              <Table.Row key={m.id} data-testid={`message-${m.status}`}>
                <Table.Cell data-label={t('archive.record')}>
                  {path ? (
                    <DsLink asChild>
                      <Link to={path}>{kind}</Link>
                    </DsLink>
                  ) : (
                    kind
                  )}
                  <div className="muted">{m.key}</div>
                </Table.Cell>
                <Table.Cell data-label={t('archive.statusLabel')}>
                  <Tag data-color={COLOUR[m.status]} data-size="sm">
                    {t(`archive.status.${m.status}`)}
                  </Tag>
                </Table.Cell>
                <Table.Cell data-label={t('archive.details')}>
                  <Details m={m} />
                </Table.Cell>
                <Table.Cell data-label={t('archive.action')}>
                  {canRetry && (m.status === 'dead' || m.status === 'failed') ? (
                    <Retry m={m} />
                  ) : null}
                </Table.Cell>
              </Table.Row>
            );
          })}
        </Table.Body>
      </Table>
    </div>
  );
}
