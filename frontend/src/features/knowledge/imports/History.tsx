/** Knowledge room: the unit's imports, newest first (kind, file, status, counts, who, when), with
 * "Angre import" behind a confirm dialog for the latest committed one of a kind. */
import { Alert, Button, Dialog, Heading, Paragraph, Table } from '@digdir/designsystemet-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ifMatch } from '../../../api/etag';
import { formatDateTime, formatNumber } from '../../../i18n/format';
import { useAnnounce } from '../../shared/Announcer';
import { Empty, ErrorState, Loading } from '../../shared/States';
import { useImportJobs, useRollbackImport } from '../api';
import { importProblemText } from '../problems';
import type { ImportJob } from '../types';

function RollbackDialog({ job, onClose }: { job: ImportJob; onClose: () => void }) {
  const { t } = useTranslation();
  const announce = useAnnounce();
  const rollback = useRollbackImport();
  const [refusal, setRefusal] = useState<string | null>(null);
  return (
    <Dialog
      open
      onClose={onClose}
      closeButton={t('form.cancel')}
      aria-labelledby="rollback-title"
      data-testid="rollback-dialog"
    >
      <Dialog.Block>
        <Heading level={2} data-size="xs" id="rollback-title">
          {t('knowledge.imports.history.rollbackTitle')}
        </Heading>
      </Dialog.Block>
      <Dialog.Block>
        <div className="stack">
          <Paragraph>
            {t('knowledge.imports.history.rollbackBody', { file: job.filename })}
          </Paragraph>
          {refusal ? (
            <Alert data-color="danger" role="alert" data-testid="rollback-refused">
              <Paragraph>{refusal}</Paragraph>
            </Alert>
          ) : null}
          <div className="form-actions">
            <Button
              type="button"
              data-color="danger"
              disabled={rollback.isPending}
              onClick={() => {
                setRefusal(null);
                rollback
                  .mutateAsync({ params: { path: { id: job.id }, header: ifMatch(job.version) } })
                  .then(() => {
                    announce(t('knowledge.imports.history.rolledBack', { file: job.filename }));
                    onClose();
                  })
                  .catch((err: unknown) => setRefusal(importProblemText(err, t)));
              }}
            >
              {t('knowledge.imports.history.rollbackConfirm')}
            </Button>
            <Button type="button" variant="secondary" onClick={onClose}>
              {t('form.cancel')}
            </Button>
          </div>
        </div>
      </Dialog.Block>
    </Dialog>
  );
}

export function History({ canManage }: { canManage: boolean }) {
  const { t, i18n } = useTranslation();
  const jobs = useImportJobs();
  const [rollingBack, setRollingBack] = useState<ImportJob | null>(null);
  const n = (v: number) => formatNumber(v, i18n.language);
  let body;
  if (jobs.isPending) body = <Loading />;
  else if (jobs.isError)
    body = <ErrorState error={jobs.error} onRetry={() => void jobs.refetch()} />;
  else if (jobs.data.items.length === 0)
    body = <Empty>{t('knowledge.imports.history.empty')}</Empty>;
  else
    body = (
      <Table data-size="sm" data-testid="import-history">
        <Table.Head>
          <Table.Row>
            <Table.HeaderCell>{t('knowledge.imports.history.kind')}</Table.HeaderCell>
            <Table.HeaderCell>{t('knowledge.imports.history.file')}</Table.HeaderCell>
            <Table.HeaderCell>{t('knowledge.imports.history.status')}</Table.HeaderCell>
            <Table.HeaderCell>{t('knowledge.imports.history.counts')}</Table.HeaderCell>
            <Table.HeaderCell>{t('knowledge.imports.history.who')}</Table.HeaderCell>
            <Table.HeaderCell>{t('knowledge.imports.history.when')}</Table.HeaderCell>
            {canManage ? (
              <Table.HeaderCell>{t('knowledge.imports.history.action')}</Table.HeaderCell>
            ) : null}
          </Table.Row>
        </Table.Head>
        <Table.Body>
          {jobs.data.items.map((j: ImportJob) => (
            <Table.Row key={j.id} data-testid={`import-${j.status}`}>
              <Table.Cell>
                {t(`knowledge.imports.kindLabel.${j.kind}`, { defaultValue: j.kind })}
              </Table.Cell>
              <Table.Cell>{j.filename}</Table.Cell>
              <Table.Cell>{t(`knowledge.imports.job.status.${j.status}`)}</Table.Cell>
              <Table.Cell>
                {j.result
                  ? t('knowledge.imports.history.countsText', {
                      inserted: n(j.result.inserted),
                      updated: n(j.result.updated),
                      errors: n(j.result.errorCount),
                    })
                  : '–'}
              </Table.Cell>
              <Table.Cell>{j.startedByName}</Table.Cell>
              <Table.Cell>{formatDateTime(j.createdAt, i18n.language)}</Table.Cell>
              {canManage ? (
                <Table.Cell>
                  {j.status === 'committed' ? (
                    <Button
                      type="button"
                      variant="secondary"
                      data-size="sm"
                      aria-label={t('knowledge.imports.history.rollbackNamed', {
                        file: j.filename,
                      })}
                      onClick={() => setRollingBack(j)}
                    >
                      {t('knowledge.imports.history.rollback')}
                    </Button>
                  ) : null}
                </Table.Cell>
              ) : null}
            </Table.Row>
          ))}
        </Table.Body>
      </Table>
    );
  return (
    <section className="stack" aria-labelledby="import-history-heading">
      <Heading level={2} data-size="sm" id="import-history-heading">
        {t('knowledge.imports.history.title')}
      </Heading>
      {body}
      {rollingBack ? (
        <RollbackDialog job={rollingBack} onClose={() => setRollingBack(null)} />
      ) : null}
    </section>
  );
}
