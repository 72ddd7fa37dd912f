/** Consent room: the wizard's last steps — the notice shown, how consent was collected and its
 * evidence, and the summary read back before it is registered. */
import { Paragraph } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../../i18n/format';
import { SelectInput, TextInput } from '../../shared/form/fields';
import type { FormApi } from '../../shared/form/useForm';
import { noticeText } from '../notice';
import type { Required } from '../policy';
import { METHODS, type CaseFacts } from '../types';
import type { WizardValues } from './values';

export function MethodStep({
  form,
  organisations,
}: {
  form: FormApi<WizardValues>;
  organisations: { id: string; name: string }[];
}) {
  const { t, i18n } = useTranslation();
  return (
    <>
      <Paragraph>{t('consent.wizard.methodIntro')}</Paragraph>
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
      <SelectInput
        form={form}
        name="noticeLanguage"
        label={t('consent.field.noticeLanguage')}
        options={['nb', 'nn', 'en'].map((l) => ({ value: l, label: t(`consent.language.${l}`) }))}
      />
      <details className="notice" data-testid="notice">
        <summary>
          {t('consent.wizard.noticeSummary', { version: form.values.noticeVersion })}
        </summary>
        <Paragraph lang={form.values.noticeLanguage}>
          {noticeText(i18n, form.values.noticeLanguage, form.values.easyRead)}
        </Paragraph>
      </details>
      <SelectInput
        form={form}
        name="collectedByOrganisationId"
        label={t('consent.field.collectedBy')}
        required
        emptyLabel={t('form.choose')}
        options={organisations.map((o) => ({ value: o.id, label: o.name }))}
      />
    </>
  );
}

export function SummaryStep({
  values: v,
  facts,
  req,
  names,
}: {
  values: WizardValues;
  facts: CaseFacts;
  req: Required;
  names: ReadonlyMap<string, string>;
}) {
  const { t, i18n } = useTranslation();
  const orgs = (ids: string[]) => ids.map((id) => names.get(id) ?? '–').join(', ');
  const cats = (cs: string[]) => cs.map((c) => t(`consent.category.${c}`)).join(', ') || '–';
  const guardians = req.guardians ? facts.guardians.filter((g) => g.parentalResponsibility) : [];
  return (
    <dl className="facts" data-testid="summary">
      <dt>{t('consent.field.purposes')}</dt>
      <dd>{v.purposes.map((p) => t(`consent.purpose.${p}`)).join(', ')}</dd>
      <dt>{t('consent.field.allowedCategories')}</dt>
      <dd>{cats(v.allowedCategories)}</dd>
      <dt>{t('consent.field.excludedCategories')}</dt>
      <dd>{cats(v.excludedCategories)}</dd>
      <dt>{t('consent.field.sources')}</dt>
      <dd>{orgs(v.sourceOrganisationIds)}</dd>
      <dt>{t('consent.field.recipients')}</dt>
      <dd>{orgs(v.recipientOrganisationIds)}</dd>
      <dt>{t('consent.field.forums')}</dt>
      <dd>{v.forums.map((f) => t(`consent.forum.${f}`)).join(', ')}</dd>
      <dt>{t('consent.field.validity')}</dt>
      <dd>
        {formatDate(v.validFrom, i18n.language)}–{formatDate(v.validTo, i18n.language)}
      </dd>
      <dt>{t('consent.field.onwardSharing')}</dt>
      <dd>{v.onwardSharing ? t('consent.yes') : t('consent.no')}</dd>
      <dt>{t('consent.field.parties')}</dt>
      <dd>
        {[
          t(req.subject ? 'consent.wizard.subjectRequired' : 'consent.wizard.subjectView'),
          ...guardians.map(
            (g) =>
              `${g.name} (${t(`consent.verification.${v.guardianVerification[g.id] ?? 'none'}`)})`,
          ),
        ].join('; ')}
      </dd>
      <dt>{t('consent.field.childView')}</dt>
      <dd>{v.childView.trim() || '–'}</dd>
      <dt>{t('consent.field.method')}</dt>
      <dd>{v.method ? t(`consent.method.${v.method}`) : '–'}</dd>
      <dt>{t('consent.field.evidenceRef')}</dt>
      <dd>{v.evidenceRef.trim() || '–'}</dd>
      <dt>{t('consent.field.notice')}</dt>
      <dd>
        {t('consent.noticeText', {
          version: v.noticeVersion,
          language: t(`consent.language.${v.noticeLanguage}`),
        })}
        {v.easyRead ? ` · ${t('consent.easyReadShort')}` : ''}
      </dd>
    </dl>
  );
}
