/** Knowledge room: one import job as it runs (polled every second): its progress bar, then the
 * preview's result or its row errors (with the error report), and "Lagre i databasen". */
import {
  Alert,
  Button,
  Heading,
  Link as DsLink,
  Paragraph,
  Table,
} from '@digdir/designsystemet-react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ifMatch } from '../../../api/etag';
import { formatNumber } from '../../../i18n/format';
import { useAnnounce } from '../../shared/Announcer';
import { ErrorState, Loading } from '../../shared/States';
import {
  errorReportUrl,
  isRunning,
  useCommitImport,
  useImportErrors,
  useImportJob,
  useInvalidateImports,
} from '../api';
import { importProblemText } from '../problems';
import { columnLabel } from './mapping';
import type { ImportJob, RowError } from '../types';

function percentOf(job: ImportJob): number {
  const { bytesRead, bytesTotal } = job.progress;
  if (!bytesTotal) return 0;
  return Math.min(100, Math.round((bytesRead / bytesTotal) * 100));
}

function Progress({ job }: { job: ImportJob }) {
  const { t, i18n } = useTranslation();
  const percent = percentOf(job);
  return (
    <div className="import-progress">
      <label htmlFor="import-progress-bar">{t('knowledge.imports.job.progress')}</label>
      <progress id="import-progress-bar" max={100} value={percent} />
      <Paragraph data-size="sm">
        {t('knowledge.imports.job.progressText', {
          rows: formatNumber(job.progress.rowsRead, i18n.language),
          percent,
        })}
      </Paragraph>
    </div>
  );
}

export function RowErrors({ job }: { job: ImportJob }) {
  const { t, i18n } = useTranslation();
  const count = job.result?.errorCount ?? 0;
  const errors = useImportErrors(job.id, count > 0);
  if (count === 0) return null;
  if (errors.isPending) return <Loading />;
  if (errors.isError)
    return <ErrorState error={errors.error} onRetry={() => void errors.refetch()} />;
  const items: RowError[] = errors.data.items;
  return (
    <section className="stack" aria-labelledby="import-errors-heading">
      <Heading level={3} data-size="xs" id="import-errors-heading">
        {t('knowledge.imports.job.errorsTitle')}
      </Heading>
      <Table data-size="sm" data-testid="row-errors">
        <caption>
          {t('knowledge.imports.job.errorsCaption', {
            shown: formatNumber(items.length, i18n.language),
            count: formatNumber(count, i18n.language),
          })}
        </caption>
        <Table.Head>
          <Table.Row>
            <Table.HeaderCell>{t('knowledge.imports.job.row')}</Table.HeaderCell>
            <Table.HeaderCell>{t('knowledge.imports.job.column')}</Table.HeaderCell>
            <Table.HeaderCell>{t('knowledge.imports.job.value')}</Table.HeaderCell>
            <Table.HeaderCell>{t('knowledge.imports.job.message')}</Table.HeaderCell>
          </Table.Row>
        </Table.Head>
        <Table.Body>
          {items.map((e) => (
            <Table.Row key={`${e.row}-${e.column}-${e.code}`}>
              <Table.Cell>{e.row}</Table.Cell>
              <Table.Cell>{e.column ? columnLabel(t, e.column) : ''}</Table.Cell>
              <Table.Cell>{e.value ?? ''}</Table.Cell>
              <Table.Cell>
                {t(`knowledge.imports.rowError.${e.code}`, { defaultValue: e.message })}
              </Table.Cell>
            </Table.Row>
          ))}
        </Table.Body>
      </Table>
      <div>
        <DsLink href={errorReportUrl(job.id)} download data-testid="error-report">
          {t('knowledge.imports.job.report')}
        </DsLink>
      </div>
    </section>
  );
}

function Outcome({ job, canCommit }: { job: ImportJob; canCommit: boolean }) {
  const { t, i18n } = useTranslation();
  const announce = useAnnounce();
  const commit = useCommitImport();
  const [refusal, setRefusal] = useState<string | null>(null);
  const n = (v: number) => formatNumber(v, i18n.language);
  const r = job.result;
  const errorCount = r?.errorCount ?? 0;
  const kept = job.fileKept;
  const counts = r
    ? t('knowledge.imports.job.result', {
        inserted: n(r.inserted),
        updated: n(r.updated),
        unchanged: n(r.unchanged),
      })
    : '';
  return (
    <div className="stack">
      {job.error && errorCount === 0 ? (
        <Alert data-color="danger" data-testid="job-error">
          <Paragraph>
            {t(`knowledge.imports.fileError.${job.error.code}`, {
              defaultValue: job.error.message,
            })}
          </Paragraph>
          {job.error.message ? <Paragraph data-size="sm">{job.error.message}</Paragraph> : null}
        </Alert>
      ) : null}
      {errorCount > 0 ? (
        <Alert data-color="danger" data-testid="job-rejected">
          <Paragraph>
            {t('knowledge.imports.job.rejected', {
              count: n(errorCount),
              rows: n(r?.rejectedRows ?? errorCount),
            })}
          </Paragraph>
        </Alert>
      ) : null}
      {kept && job.status === 'previewed' && errorCount === 0 ? (
        <Alert data-color="info" data-testid="job-previewed">
          <Paragraph>{t('knowledge.imports.job.previewed')}</Paragraph>
          <Paragraph>{counts}</Paragraph>
        </Alert>
      ) : null}
      {!kept && (job.status === 'previewed' || job.status === 'interrupted') ? (
        <Alert data-color="warning" data-testid="job-file-gone">
          <Paragraph>{t('knowledge.imports.job.fileGone')}</Paragraph>
        </Alert>
      ) : null}
      {job.status === 'committed' ? (
        <Alert data-color="success" data-testid="job-committed">
          <Paragraph>{t('knowledge.imports.job.committed')}</Paragraph>
          <Paragraph>{counts}</Paragraph>
        </Alert>
      ) : null}
      {job.ignoredColumns.length > 0 ? (
        <Paragraph data-size="sm" data-testid="job-ignored">
          {t('knowledge.imports.mapping.ignored', { columns: job.ignoredColumns.join(', ') })}
        </Paragraph>
      ) : null}
      <RowErrors job={job} />
      {refusal ? (
        <Alert data-color="danger" role="alert">
          <Paragraph>{refusal}</Paragraph>
        </Alert>
      ) : null}
      {canCommit && kept && job.status === 'previewed' && errorCount === 0 ? (
        <div className="form-actions">
          <Button
            type="button"
            disabled={commit.isPending}
            onClick={() => {
              setRefusal(null);
              commit
                .mutateAsync({ params: { path: { id: job.id }, header: ifMatch(job.version) } })
                .then(() => announce(t('knowledge.imports.job.committing')))
                .catch((err: unknown) => setRefusal(importProblemText(err, t)));
            }}
          >
            {commit.isPending
              ? t('knowledge.imports.job.committing')
              : t('knowledge.imports.job.commit')}
          </Button>
        </div>
      ) : null}
    </div>
  );
}

/** Once the job settles (previewed, committed, failed…), the history and the data it wrote are
 * read again. */
function useRefreshWhenSettled(status: string | undefined) {
  const invalidate = useInvalidateImports();
  const settled = status !== undefined && !isRunning({ status: status as ImportJob['status'] });
  useEffect(() => {
    if (settled) void invalidate();
    // Once per status the job reaches, not on every render.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [status, settled]);
}

export function JobPanel({ id, canCommit }: { id: string; canCommit: boolean }) {
  const { t } = useTranslation();
  const job = useImportJob(id);
  useRefreshWhenSettled(job.data?.status);
  if (job.isPending) return <Loading />;
  if (job.isError) return <ErrorState error={job.error} onRetry={() => void job.refetch()} />;
  const j = job.data;
  return (
    <section
      className="stack import-job"
      aria-labelledby="import-job-heading"
      data-testid="import-job"
    >
      <Heading level={2} data-size="sm" id="import-job-heading">
        {j.mode === 'commit'
          ? t('knowledge.imports.job.titleCommit', { file: j.filename })
          : t('knowledge.imports.job.title', { file: j.filename })}
      </Heading>
      <Paragraph role="status" data-testid="job-status">
        {t(`knowledge.imports.job.status.${j.status}`)}
      </Paragraph>
      {isRunning(j) ? <Progress job={j} /> : <Outcome job={j} canCommit={canCommit} />}
    </section>
  );
}
