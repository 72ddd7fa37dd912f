/** Knowledge room: "Import" — upload a file for a preview (mapping its columns when needed), see
 * its row errors or commit it, and the unit's import history with rollback. */
import { Heading, Paragraph } from '@digdir/designsystemet-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMe } from '../../auth/session';
import { PageHeading } from '../shared/PageHeading';
import { ErrorState, Loading } from '../shared/States';
import { useImportKinds } from './api';
import { History } from './imports/History';
import { JobPanel } from './imports/JobPanel';
import { UploadForm } from './imports/UploadForm';
import { KnowledgeNav } from './KnowledgeNav';
import { canManageKnowledge } from './permissions';
import './knowledge.css';

function Upload({ onJob }: { onJob: (id: string) => void }) {
  const { t } = useTranslation();
  const kinds = useImportKinds();
  return (
    <section className="stack" aria-labelledby="import-upload-heading">
      <Heading level={2} data-size="sm" id="import-upload-heading">
        {t('knowledge.imports.uploadTitle')}
      </Heading>
      {kinds.isPending ? <Loading /> : null}
      {kinds.isError ? (
        <ErrorState error={kinds.error} onRetry={() => void kinds.refetch()} />
      ) : null}
      {kinds.data ? <UploadForm kinds={kinds.data} onJob={(job) => onJob(job.id)} /> : null}
    </section>
  );
}

export default function ImportPage() {
  const { t } = useTranslation();
  const me = useMe();
  const canManage = canManageKnowledge(me);
  const [jobId, setJobId] = useState<string | null>(null);
  return (
    <div className="stack">
      <KnowledgeNav />
      <PageHeading>{t('knowledge.imports.title')}</PageHeading>
      <Paragraph>{t('knowledge.imports.intro')}</Paragraph>
      {canManage ? (
        <Upload onJob={setJobId} />
      ) : (
        <Paragraph data-testid="import-readers-only">
          {t('knowledge.imports.readersOnly')}
        </Paragraph>
      )}
      {jobId ? <JobPanel key={jobId} id={jobId} canCommit={canManage} /> : null}
      <History canManage={canManage} />
    </div>
  );
}
