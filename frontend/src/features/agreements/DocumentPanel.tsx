/** Agreements room: the signed document — shown, downloaded, uploaded (the server judges the
 * bytes; a non-PDF or an oversized file is refused and said so here). */
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
import { useAnnounce } from '../shared/Announcer';
import { documentUrl, uploadDocument, useInvalidateAgreements } from './api';
import { DOCUMENT_MAX_BYTES, type Agreement } from './types';

export function DocumentPanel({ agreement, canEdit }: { agreement: Agreement; canEdit: boolean }) {
  const { t } = useTranslation();
  const announce = useAnnounce();
  const invalidate = useInvalidateAgreements();
  const input = useRef<HTMLInputElement>(null);
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const doc = agreement.document;
  const maxMb = DOCUMENT_MAX_BYTES / (1024 * 1024);

  async function upload() {
    const file = input.current?.files?.[0];
    setError(undefined);
    if (!file) return setError(t('agreements.upload.choose'));
    if (file.size > DOCUMENT_MAX_BYTES)
      return setError(t('agreements.upload.tooLarge', { max: maxMb }));
    setBusy(true);
    try {
      await uploadDocument(agreement, file);
      await invalidate();
      announce(t('agreements.upload.done'));
      if (input.current) input.current.value = '';
    } catch (e) {
      const code = e instanceof ApiError ? problemCode(e) : 'generic';
      setError(
        t(`agreements.upload.error.${code}`, {
          max: maxMb,
          defaultValue: t('agreements.upload.error.generic'),
        }),
      );
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="stack" aria-labelledby="agreement-document">
      <Heading level={2} data-size="xs" id="agreement-document">
        {t('agreements.document')}
      </Heading>
      {doc ? (
        <div className="stack" data-testid="agreement-document">
          <Paragraph>
            <DsLink href={documentUrl(agreement.id)} download={doc.filename}>
              {t('agreements.downloadNamed', { name: doc.filename })}
            </DsLink>{' '}
            {t('agreements.size', { kb: Math.max(1, Math.round(doc.size / 1024)) })}
          </Paragraph>
          {doc.pdfa ? null : (
            <Alert data-color="warning" data-size="sm">
              {t('agreements.notPdfa')}
            </Alert>
          )}
        </div>
      ) : (
        <Paragraph>{t('agreements.noDocument')}</Paragraph>
      )}
      {canEdit ? (
        <div className="stack">
          <Label htmlFor="agreement-file">{t('agreements.upload.label')}</Label>
          <Paragraph data-size="sm">{t('agreements.upload.help', { max: maxMb })}</Paragraph>
          <input
            id="agreement-file"
            ref={input}
            type="file"
            accept="application/pdf,.pdf"
            aria-describedby={error ? 'agreement-file-error' : undefined}
            aria-invalid={error ? true : undefined}
          />
          {error ? (
            <Alert data-color="danger" data-size="sm" id="agreement-file-error" role="alert">
              {error}
            </Alert>
          ) : null}
          <div>
            <Button type="button" onClick={() => void upload()} disabled={busy}>
              {doc ? t('agreements.upload.replace') : t('agreements.upload.submit')}
            </Button>
          </div>
        </div>
      ) : null}
    </section>
  );
}
