/** Cases room: closed cases past the retention period (metadata only) and their real deletion,
 * asked once more through the shared ConfirmDelete. */
import { Heading, Paragraph } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import { ifMatch } from '../../api/etag';
import { formatDate } from '../../i18n/format';
import { ConfirmDelete } from '../shared/ConfirmDelete';
import { Flash } from '../shared/Flash';
import { PageHeading } from '../shared/PageHeading';
import { Empty, ErrorState, Loading } from '../shared/States';
import { useCaseSettings, useDeleteCase, useRetentionDue } from './api';
import { caseProblemText } from './problems';
import type { RetentionRow } from './types';
import './cases.css';

function Due({ row }: { row: RetentionRow }) {
  const { t, i18n } = useTranslation();
  const remove = useDeleteCase();
  return (
    <article
      className="stack case-review"
      data-testid="retention"
      aria-labelledby={`ret-${row.caseId}`}
    >
      <Heading level={2} data-size="xs" id={`ret-${row.caseId}`}>
        {row.reference}
      </Heading>
      <dl className="facts">
        <dt>{t('cases.kindLabel')}</dt>
        <dd>{t(`cases.kind.${row.kind}`)}</dd>
        <dt>{t('cases.retention.closedOn')}</dt>
        <dd>{formatDate(row.closedOn, i18n.language)}</dd>
        <dt>{t('cases.retention.dueSince')}</dt>
        <dd>{formatDate(row.dueOn, i18n.language)}</dd>
      </dl>
      <ConfirmDelete
        label={t('cases.retention.delete', { reference: row.reference })}
        question={t('cases.retention.deleteQuestion', { reference: row.reference })}
        confirmLabel={t('cases.retention.deleteConfirm')}
        remove={() =>
          remove.mutateAsync({
            params: { path: { id: row.caseId }, header: ifMatch(row.version) },
          })
        }
        pending={remove.isPending}
        done={t('cases.retention.deleted', { reference: row.reference })}
        to="/saker/sletting"
        errorText={(e) => caseProblemText(e, t)}
      />
    </article>
  );
}

export default function RetentionPage() {
  const { t } = useTranslation();
  const due = useRetentionDue();
  const settings = useCaseSettings();
  return (
    <div className="stack">
      <PageHeading>{t('cases.retention.title')}</PageHeading>
      <Flash />
      <Paragraph>
        {t('cases.retention.intro', { days: settings.data?.retentionDays ?? '…' })}
      </Paragraph>
      {due.isPending ? <Loading /> : null}
      {due.isError ? <ErrorState error={due.error} onRetry={() => void due.refetch()} /> : null}
      {due.data && due.data.length === 0 ? <Empty>{t('cases.retention.empty')}</Empty> : null}
      {(due.data ?? []).map((row) => (
        <Due key={row.caseId} row={row} />
      ))}
    </div>
  );
}
