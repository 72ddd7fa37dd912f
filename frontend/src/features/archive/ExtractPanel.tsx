/** Archive room: "Arkivuttrekk" — a period, start, a progress bar while the job reads the records,
 * then the zip to download (or why it failed). */
import { Button, Link as DsLink, Paragraph, ValidationMessage } from '@digdir/designsystemet-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormActions, FormNotices, TextInput } from '../shared/form/fields';
import { useForm } from '../shared/form/useForm';
import { downloadUrl, useExtractJob, useStartExtract } from './api';
import type { ExtractJob } from './types';

interface Period {
  from: string;
  to: string;
}

function yearAgo(): Period {
  const today = new Date();
  const iso = (d: Date) => d.toISOString().slice(0, 10);
  const start = new Date(today);
  start.setFullYear(today.getFullYear() - 1);
  return { from: iso(start), to: iso(today) };
}

function Progress({ job }: { job: ExtractJob }) {
  const { t } = useTranslation();
  if (job.status === 'failed')
    return <ValidationMessage role="alert">{t('archive.extract.failed')}</ValidationMessage>;
  if (job.status === 'done')
    return (
      <Paragraph role="status">
        {t('archive.extract.done', { count: job.total })}{' '}
        <DsLink href={downloadUrl(job.id)} download={job.filename} data-testid="extract-download">
          {t('archive.extract.download', { name: job.filename })}
        </DsLink>
      </Paragraph>
    );
  const percent = job.total ? Math.round((job.done / job.total) * 100) : 0;
  return (
    <div className="stack" role="status">
      <progress max={100} value={percent} aria-label={t('archive.extract.progress')} />
      <span>{t('archive.extract.running', { done: job.done, total: job.total })}</span>
    </div>
  );
}

export function ExtractPanel() {
  const { t } = useTranslation();
  const start = useStartExtract();
  const [jobId, setJobId] = useState<string>();
  const job = useExtractJob(jobId);
  const labels = { from: t('archive.extract.from'), to: t('archive.extract.to') };
  const form = useForm<Period>({
    formId: 'archive-extract',
    initial: yearAgo(),
    persistDraft: false,
    validate: (v) => {
      const e: Record<string, string> = {};
      if (!v.from) e.from = t('validation.required');
      if (!v.to) e.to = t('validation.required');
      else if (v.from && v.to < v.from) e.to = t('archive.extract.beforeStart');
      return e;
    },
  });
  return (
    <form
      className="form"
      noValidate
      aria-labelledby="archive-extract-heading"
      onSubmit={form.handleSubmit(async (v) => {
        const created = await start.mutateAsync({ body: { from: v.from, to: v.to } });
        setJobId(created.id);
      })}
    >
      <Paragraph>{t('archive.extract.intro')}</Paragraph>
      <FormNotices form={form} labels={labels} onReload={() => undefined} />
      <div className="row">
        <TextInput form={form} name="from" type="date" label={labels.from} required />
        <TextInput form={form} name="to" type="date" label={labels.to} required />
      </div>
      <FormActions>
        <Button type="submit" disabled={start.isPending}>
          {t('archive.extract.start')}
        </Button>
      </FormActions>
      {job.data ? <Progress job={job.data} /> : null}
    </form>
  );
}
