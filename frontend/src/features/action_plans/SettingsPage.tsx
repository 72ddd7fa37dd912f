/** Action plans room: the unit's measure settings — the budget above which a measure must be
 * evaluated before it is concluded. */
import { Button, Paragraph } from '@digdir/designsystemet-react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { canEditOrganisation } from '../../auth/permissions';
import { useMe } from '../../auth/session';
import { formatNumber } from '../../i18n/format';
import { useAnnounce } from '../shared/Announcer';
import { FormActions, FormNotices, TextInput } from '../shared/form/fields';
import { useForm } from '../shared/form/useForm';
import { PageHeading } from '../shared/PageHeading';
import { ErrorState, Loading } from '../shared/States';
import { useMeasureSettings, useSetMeasureSettings } from './api';
import { BUDGET_MAX_NOK } from './limits';

interface SettingsValues {
  evaluationThresholdNok: string;
}

function amountError(value: string, t: TFunction): string | undefined {
  const n = Number(value.replace(/\s/g, ''));
  if (!value.trim()) return t('validation.required');
  if (Number.isInteger(n) && n >= 0 && n <= BUDGET_MAX_NOK) return undefined;
  return t('validation.wholeNumber', { min: 0, max: BUDGET_MAX_NOK });
}

function SettingsForm({ threshold }: { threshold: number }) {
  const { t } = useTranslation();
  const announce = useAnnounce();
  const save = useSetMeasureSettings();
  const labels = { evaluationThresholdNok: t('measureSettings.threshold') };
  const form = useForm<SettingsValues>({
    formId: 'measure-settings',
    initial: { evaluationThresholdNok: String(threshold) },
    validate: (v) => ({ evaluationThresholdNok: amountError(v.evaluationThresholdNok, t) }),
  });
  return (
    <form
      className="form"
      noValidate
      onSubmit={form.handleSubmit(async (v) => {
        await save.mutateAsync({
          body: { evaluationThresholdNok: Number(v.evaluationThresholdNok.replace(/\s/g, '')) },
        });
        announce(t('form.saved'));
      })}
    >
      <FormNotices form={form} labels={labels} />
      <TextInput
        form={form}
        name="evaluationThresholdNok"
        label={labels.evaluationThresholdNok}
        description={t('measureSettings.thresholdHelp')}
        inputMode="numeric"
        required
      />
      {form.status === 'saved' ? (
        <Paragraph role="status" data-testid="settings-saved">
          {t('form.saved')}
        </Paragraph>
      ) : null}
      <FormActions>
        <Button type="submit" disabled={form.status === 'submitting'}>
          {t('form.save')}
        </Button>
      </FormActions>
    </form>
  );
}

export default function SettingsPage() {
  const { t, i18n } = useTranslation();
  const me = useMe();
  const settings = useMeasureSettings();
  const amount = settings.data?.evaluationThresholdNok;
  return (
    <div className="stack">
      <PageHeading>{t('measureSettings.title')}</PageHeading>
      <Paragraph>{t('measureSettings.intro')}</Paragraph>
      {settings.isPending ? <Loading /> : null}
      {settings.isError ? (
        <ErrorState error={settings.error} onRetry={() => void settings.refetch()} />
      ) : null}
      {amount !== undefined ? (
        canEditOrganisation(me) ? (
          <SettingsForm threshold={amount} />
        ) : (
          <Paragraph data-testid="threshold">
            {t('measureSettings.current', { amount: formatNumber(amount, i18n.language) })}
          </Paragraph>
        )
      ) : null}
    </div>
  );
}
