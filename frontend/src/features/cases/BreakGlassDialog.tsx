/** Cases room: break-glass — a reason (at least 20 characters) and a basis; the grant's expiry is
 * shown and announced, the unit's access controllers are told, every read under it is logged. */
import { Button, Dialog, Heading, Paragraph } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import { useState } from 'react';
import { ApiError } from '../../api/problem';
import { useAnnounce } from '../shared/Announcer';
import { FormActions, FormError, FormNotices, SelectInput, TextInput } from '../shared/form/fields';
import { limitOf, textError } from '../shared/form/limits';
import { useForm } from '../shared/form/useForm';
import { useCasePolicy, useOpenBreakGlass } from './api';
import { rememberGrant } from './breakGlass';
import { caseProblemText, isRefusal } from './problems';
import { BREAK_GLASS_BASES, BREAK_GLASS_HOURS, BREAK_GLASS_REASON_MIN } from './types';

interface Values {
  reason: string;
  basis: string;
}

export function BreakGlassDialog({
  caseId,
  onClose,
  onOpened,
}: {
  caseId: string;
  onClose: () => void;
  /** The grant is open: the case can be read now. */
  onOpened: () => void;
}) {
  const { t, i18n } = useTranslation();
  const announce = useAnnounce();
  const open = useOpenBreakGlass();
  const policy = useCasePolicy();
  const [refusal, setRefusal] = useState<string>();
  const reasonLimit = limitOf('BreakGlassCreate', 'reason');
  const min = reasonLimit.minLength ?? BREAK_GLASS_REASON_MIN;
  const labels = { reason: t('cases.breakGlass.reason'), basis: t('cases.breakGlass.basis') };
  const form = useForm<Values>({
    formId: `break-glass-${caseId}`,
    persistDraft: false,
    initial: { reason: '', basis: '' },
    validate: (v) => ({
      reason:
        textError(v.reason, { ...reasonLimit, required: true }, t) ??
        (v.reason.trim().length < min ? t('cases.error.reasonTooShort', { min }) : undefined),
      basis: v.basis ? undefined : t('validation.required'),
    }),
  });
  return (
    <Dialog
      open
      onClose={onClose}
      closeButton={t('form.cancel')}
      aria-labelledby="break-glass-title"
      data-testid="break-glass-dialog"
    >
      <Dialog.Block>
        <Heading level={2} data-size="xs" id="break-glass-title">
          {t('cases.breakGlass.title')}
        </Heading>
      </Dialog.Block>
      <Dialog.Block>
        <form
          className="form"
          noValidate
          onSubmit={form.handleSubmit(async (v) => {
            setRefusal(undefined);
            try {
              const grant = await open.mutateAsync({
                params: { path: { id: caseId } },
                body: {
                  reason: v.reason.trim(),
                  basis: v.basis as (typeof BREAK_GLASS_BASES)[number],
                },
              });
              rememberGrant(grant.id, grant.expiresAt);
              const until = new Date(grant.expiresAt).toLocaleString(i18n.language);
              announce(t('cases.breakGlass.opened', { until }));
              onOpened();
            } catch (e) {
              if (!isRefusal(e)) throw e;
              const code = e instanceof ApiError ? e.status : 0;
              setRefusal(
                code === 403 || code === 404
                  ? t('cases.breakGlass.refused')
                  : caseProblemText(e, t),
              );
            }
          })}
        >
          <Paragraph>
            {t('cases.breakGlass.intro', {
              hours: policy.data?.breakGlassHours ?? BREAK_GLASS_HOURS,
            })}
          </Paragraph>
          <FormNotices form={form} labels={labels} />
          <FormError message={refusal} />
          <TextInput
            form={form}
            name="reason"
            label={labels.reason}
            description={t('cases.breakGlass.reasonHelp', { min })}
            multiline
            required
          />
          <SelectInput
            form={form}
            name="basis"
            label={labels.basis}
            required
            emptyLabel={t('form.choose')}
            options={BREAK_GLASS_BASES.map((b) => ({
              value: b,
              label: t(`cases.access.basisName.${b}`),
            }))}
          />
          <FormActions>
            <Button type="submit" data-color="danger" disabled={form.status === 'submitting'}>
              {t('cases.breakGlass.confirm')}
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
