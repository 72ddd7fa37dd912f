/** Consent room: record one party's answer (given, refused) or a withdrawal — the method and its
 * evidence, asked once more in a dialog; a withdrawal says that sharing stops at once. */
import { Alert, Button, Dialog, Heading, Paragraph } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import { ApiError, problemCode } from '../../api/problem';
import { FormActions, FormNotices, SelectInput, TextInput } from '../shared/form/fields';
import { useForm } from '../shared/form/useForm';
import { useAnnounce } from '../shared/Announcer';
import { useRecordEvent } from './api';
import { METHODS, type Consent, type EventKind, type Method, type Party } from './types';

interface Values {
  method: string;
  evidenceRef: string;
}

const EVIDENCE_MAX = 200;

export function EventDialog({
  consent,
  party,
  partyName,
  kind,
  onClose,
}: {
  consent: Consent;
  party: Party;
  partyName: string;
  kind: Exclude<EventKind, 'expired'>;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const announce = useAnnounce();
  const record = useRecordEvent();
  const form = useForm<Values>({
    formId: `consent-event-${party.id}`,
    persistDraft: false,
    initial: { method: consent.method, evidenceRef: '' },
    validate: (v) => ({
      method: v.method ? undefined : t('validation.required'),
      evidenceRef:
        v.evidenceRef.length > EVIDENCE_MAX
          ? t('validation.maxLength', { max: EVIDENCE_MAX })
          : v.method === 'oral_documented' && !v.evidenceRef.trim()
            ? t('consent.error.oralEvidence')
            : undefined,
    }),
  });
  const title = t(`consent.eventTitle.${kind}`, { name: partyName });
  return (
    <Dialog
      open
      onClose={onClose}
      closeButton={t('form.cancel')}
      aria-labelledby="event-title"
      data-testid="event-dialog"
    >
      <Dialog.Block>
        <Heading level={2} data-size="xs" id="event-title">
          {title}
        </Heading>
      </Dialog.Block>
      <Dialog.Block>
        <form
          className="form"
          noValidate
          onSubmit={form.handleSubmit(async (v) => {
            try {
              await record.mutateAsync({
                consentId: consent.id,
                body: {
                  partyId: party.id,
                  kind,
                  method: v.method as Method,
                  evidenceRef: v.evidenceRef.trim() || null,
                  expectedSeq: (party.latestEvent?.seq ?? 0) + 1,
                },
              });
            } catch (e) {
              // Someone recorded an event for this party first: the list is read again.
              if (e instanceof ApiError && problemCode(e.problem) === 'concurrent-change')
                throw new ApiError(412, e.problem);
              throw e;
            }
            const done = t(`consent.eventDone.${kind}`, { name: partyName });
            announce(done);
            onClose();
          })}
        >
          {kind === 'withdrawn' ? (
            <Alert data-color="warning">
              <Paragraph>{t('consent.withdrawWarning')}</Paragraph>
            </Alert>
          ) : null}
          <FormNotices
            form={form}
            labels={{
              method: t('consent.field.method'),
              evidenceRef: t('consent.field.evidenceRef'),
            }}
            onReload={onClose}
          />
          <SelectInput
            form={form}
            name="method"
            label={t('consent.field.method')}
            required
            emptyLabel={t('form.choose')}
            options={METHODS.map((m) => ({ value: m, label: t(`consent.method.${m}`) }))}
          />
          <TextInput
            form={form}
            name="evidenceRef"
            label={t('consent.field.evidenceRef')}
            description={t('consent.help.evidenceRef')}
          />
          <FormActions>
            <Button
              type="submit"
              data-color={kind === 'given' ? undefined : 'danger'}
              disabled={form.status === 'submitting'}
            >
              {t(`consent.eventConfirm.${kind}`)}
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
