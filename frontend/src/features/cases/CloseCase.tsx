/** Cases room: "Avslutt sak" — the case lead closes an open case with a coded closing reason; the
 * closing date is the server's today (the API sets it). Sent with If-Match on the version read; a
 * refusal (problem+json, or a 412 with its reload) is shown beside the question, and the case is
 * then shown as closed. */
import { Button, Dialog, Heading, Paragraph } from '@digdir/designsystemet-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ifMatch } from '../../api/etag';
import { closingReasonValues } from '../../api/schema';
import { formatDate } from '../../i18n/format';
import { useAnnounce } from '../shared/Announcer';
import { FormActions, FormError, FormNotices, SelectInput } from '../shared/form/fields';
import { useForm } from '../shared/form/useForm';
import { useCase, useCloseCase } from './api';
import { useRefusal } from './problems';
import type { CaseView } from './types';

type Reason = (typeof closingReasonValues)[number];

function today(): string {
  const d = new Date();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

function CloseDialog({ view, onClose }: { view: CaseView; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const announce = useAnnounce();
  const close = useCloseCase();
  const current = useCase(view.id);
  const refusal = useRefusal();
  const labels = { reason: t('cases.closure.reason') };
  const form = useForm<{ reason: string }>({
    formId: `close-case-${view.id}`,
    persistDraft: false,
    initial: { reason: '' },
    validate: (v) => ({ reason: v.reason ? undefined : t('validation.required') }),
  });
  return (
    <Dialog
      open
      onClose={onClose}
      closeButton={t('form.cancel')}
      aria-labelledby="close-case-title"
      data-testid="close-case-dialog"
    >
      <Dialog.Block>
        <Heading level={2} data-size="xs" id="close-case-title">
          {t('cases.closure.title', { reference: view.reference })}
        </Heading>
      </Dialog.Block>
      <Dialog.Block>
        <form
          className="form"
          noValidate
          onSubmit={form.handleSubmit(async (v) => {
            await refusal.guard(async () => {
              await close.mutateAsync({
                params: { path: { id: view.id }, header: ifMatch(view.version) },
                body: { reason: v.reason as Reason },
              });
              announce(t('cases.closure.closed', { reference: view.reference }));
              onClose();
            });
          })}
        >
          <Paragraph>{t('cases.closure.intro')}</Paragraph>
          <FormNotices
            form={form}
            labels={labels}
            onReload={() => {
              void current.refetch();
              onClose();
            }}
          />
          <FormError message={refusal.message} />
          <SelectInput
            form={form}
            name="reason"
            label={labels.reason}
            required
            emptyLabel={t('form.choose')}
            options={closingReasonValues.map((r) => ({
              value: r,
              label: t(`cases.closure.reasons.${r}`),
            }))}
          />
          <dl className="facts">
            <dt>{t('cases.closure.closingDate')}</dt>
            <dd data-testid="closing-date">{formatDate(today(), i18n.language)}</dd>
          </dl>
          <FormActions>
            <Button type="submit" data-color="danger" disabled={form.status === 'submitting'}>
              {t('cases.closure.confirm')}
            </Button>
            <Button type="button" variant="secondary" onClick={onClose}>
              {t('form.cancel')}
            </Button>
          </FormActions>
        </form>
      </Dialog.Block>
    </Dialog>
  );
}

/** The lead's "Avslutt sak" on an open case; on a closed case, when and why it was closed. */
export function CaseClosure({ view }: { view: CaseView }) {
  const { t, i18n } = useTranslation();
  const [open, setOpen] = useState(false);
  if (view.status === 'closed') {
    return view.closedOn ? (
      <Paragraph data-testid="case-closed">
        {t('cases.closure.closedOn', {
          date: formatDate(view.closedOn, i18n.language),
          reason: view.closingReason ? t(`cases.closure.reasons.${view.closingReason}`) : '–',
        })}
      </Paragraph>
    ) : null;
  }
  if (view.myRole !== 'lead') return null;
  return (
    <>
      <div className="row">
        <Button type="button" variant="secondary" onClick={() => setOpen(true)}>
          {t('cases.closure.open')}
        </Button>
      </div>
      {open ? <CloseDialog view={view} onClose={() => setOpen(false)} /> : null}
    </>
  );
}
