/** Consent room: record one party's answer (given, refused) or a withdrawal — the method and its
 * evidence, asked once more in a dialog; a withdrawal says that sharing stops at once. Another
 * event recorded first for the party (409 consent-conflict) is offered as a reload. */
import { Alert, Button, Dialog, Heading, Paragraph } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import { ApiError, problemCode } from '../../api/problem';
import { useInvalidatePaths } from '../../api/query';
import { useAnnounce } from '../shared/Announcer';
import { FormActions, FormNotices, SelectInput, TextInput } from '../shared/form/fields';
import { limitOf } from '../shared/form/limits';
import { useForm } from '../shared/form/useForm';
import { useRecordEvent } from './api';
import { METHODS, type Consent, type EventKind, type Method, type Party } from './types';

interface Values {
  method: string;
  evidenceRef: string;
}

export interface EventDefaults {
  method: string;
  evidenceRef: string;
}

const EVIDENCE = limitOf('ConsentEventCreate', 'evidenceRef');

export function EventDialog({
  consent,
  party,
  partyName,
  kind,
  expectedSeq,
  defaults,
  onClose,
}: {
  consent: Consent;
  party: Party;
  partyName: string;
  kind: Exclude<EventKind, 'expired'>;
  expectedSeq: number;
  defaults?: EventDefaults;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const announce = useAnnounce();
  const record = useRecordEvent();
  const reload = useInvalidatePaths(['/api/cases', '/api/consents']);
  const max = EVIDENCE.maxLength ?? 200;
  const form = useForm<Values>({
    formId: `consent-event-${party.id}`,
    persistDraft: false,
    initial: {
      method: defaults?.method || consent.method,
      evidenceRef: kind === 'withdrawn' ? '' : (defaults?.evidenceRef ?? ''),
    },
    validate: (v) => ({
      method: v.method ? undefined : t('validation.required'),
      evidenceRef:
        v.evidenceRef.length > max
          ? t('validation.maxLength', { max })
          : v.method === 'oral_documented' && !v.evidenceRef.trim()
            ? t('consent.error.oralEvidence')
            : undefined,
    }),
  });
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
          {t(`consent.eventTitle.${kind}`, { name: partyName })}
        </Heading>
      </Dialog.Block>
      <Dialog.Block>
        <form
          className="form"
          noValidate
          onSubmit={form.handleSubmit(async (v) => {
            try {
              await record.mutateAsync({
                params: { path: { id: consent.id } },
                body: {
                  partyId: party.id,
                  kind,
                  method: v.method as Method,
                  evidenceRef: v.evidenceRef.trim() || null,
                  expectedSeq,
                },
              });
            } catch (e) {
              // Another event for this party was recorded first: offer to read it again.
              if (
                e instanceof ApiError &&
                e.status === 409 &&
                problemCode(e.problem) === 'consent-conflict'
              )
                throw new ApiError(412, e.problem);
              throw e;
            }
            announce(t(`consent.eventDone.${kind}`, { name: partyName }));
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
            onReload={() => {
              void reload();
              onClose();
            }}
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
