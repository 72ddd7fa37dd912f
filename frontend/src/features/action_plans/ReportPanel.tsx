/** Action plans room: an evaluation's report — downloaded, uploaded or replaced (the server judges
 * the bytes: PDF, DOCX or ODT of at most 20 MiB; a refusal is said here in words). */
import {
  Alert,
  Button,
  Heading,
  Label,
  Link as DsLink,
  Paragraph,
} from '@digdir/designsystemet-react';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, problemCode } from '../../api/problem';
import { formatNumber } from '../../i18n/format';
import { useAnnounce } from '../shared/Announcer';
import { reportUrl, uploadReport, useInvalidateEvaluations } from './api';
import { REPORT_MAX_BYTES } from './limits';
import type { Evaluation } from './types';

const ACCEPT =
  '.pdf,.docx,.odt,application/pdf,application/vnd.openxmlformats-officedocument.wordprocessingml.document,application/vnd.oasis.opendocument.text';

export function ReportPanel({ evaluation, canEdit }: { evaluation: Evaluation; canEdit: boolean }) {
  const { t, i18n } = useTranslation();
  const announce = useAnnounce();
  const invalidate = useInvalidateEvaluations();
  const input = useRef<HTMLInputElement>(null);
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const report = evaluation.report;
  const maxMb = REPORT_MAX_BYTES / (1024 * 1024);

  async function upload() {
    const file = input.current?.files?.[0];
    setError(undefined);
    if (!file) return setError(t('evaluationForm.report.choose'));
    if (file.size > REPORT_MAX_BYTES)
      return setError(t('evaluationForm.report.tooLarge', { max: maxMb }));
    setBusy(true);
    try {
      await uploadReport(evaluation, file);
      await invalidate();
      announce(t('evaluationForm.report.done'));
      if (input.current) input.current.value = '';
    } catch (e) {
      const code =
        e instanceof ApiError ? (e.status === 412 ? 'conflict' : problemCode(e)) : 'generic';
      setError(
        t(`evaluationForm.report.error.${code}`, {
          max: maxMb,
          defaultValue: t('evaluationForm.report.error.generic'),
        }),
      );
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="stack" aria-labelledby="evaluation-report">
      <Heading level={2} data-size="xs" id="evaluation-report">
        {t('evaluationForm.report.title')}
      </Heading>
      {report ? (
        <Paragraph data-testid="evaluation-report-link">
          <DsLink href={reportUrl(evaluation.id)} download={report.filename}>
            {t('evaluationForm.report.download', { name: report.filename })}
          </DsLink>{' '}
          {t('evaluationForm.report.size', {
            kb: formatNumber(Math.max(1, Math.round(report.size / 1024)), i18n.language),
          })}
        </Paragraph>
      ) : (
        <Paragraph>{t('evaluationForm.report.none')}</Paragraph>
      )}
      {canEdit ? (
        <div className="stack">
          <Label htmlFor="evaluation-file">{t('evaluationForm.report.label')}</Label>
          <Paragraph data-size="sm" id="evaluation-file-help">
            {t('evaluationForm.report.help', { max: maxMb })}
          </Paragraph>
          <input
            id="evaluation-file"
            ref={input}
            type="file"
            accept={ACCEPT}
            aria-describedby={
              error ? 'evaluation-file-help evaluation-file-error' : 'evaluation-file-help'
            }
            aria-invalid={error ? true : undefined}
          />
          {error ? (
            <Alert data-color="danger" data-size="sm" id="evaluation-file-error" role="alert">
              {error}
            </Alert>
          ) : null}
          <div>
            <Button type="button" onClick={() => void upload()} disabled={busy}>
              {report ? t('evaluationForm.report.replace') : t('evaluationForm.report.submit')}
            </Button>
          </div>
        </div>
      ) : null}
    </section>
  );
}
