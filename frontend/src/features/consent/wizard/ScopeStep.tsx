/** Consent room: the wizard's first step — what may be shared, from whom, to whom, in which
 * forum and for how long. */
import { Paragraph } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import { CheckboxInput, TextInput } from '../../shared/form/fields';
import type { FormApi } from '../../shared/form/useForm';
import { FORUMS, PURPOSES } from '../types';
import { CheckGroup } from './CheckGroup';
import type { WizardValues } from './values';

export function ScopeStep({
  form,
  categories,
  organisations,
}: {
  form: FormApi<WizardValues>;
  categories: readonly string[];
  organisations: { id: string; name: string }[];
}) {
  const { t } = useTranslation();
  const cats = categories.map((c) => ({ value: c, label: t(`consent.category.${c}`) }));
  const orgs = organisations.map((o) => ({ value: o.id, label: o.name }));
  return (
    <>
      <Paragraph>{t('consent.wizard.scopeIntro')}</Paragraph>
      <CheckGroup
        form={form}
        name="purposes"
        legend={t('consent.field.purposes')}
        options={PURPOSES.map((p) => ({ value: p, label: t(`consent.purpose.${p}`) }))}
      />
      <CheckGroup
        form={form}
        name="allowedCategories"
        legend={t('consent.field.allowedCategories')}
        description={t('consent.help.allowedCategories')}
        options={cats}
      />
      <CheckGroup
        form={form}
        name="excludedCategories"
        legend={t('consent.field.excludedCategories')}
        description={t('consent.help.excludedCategories')}
        options={cats}
      />
      <CheckGroup
        form={form}
        name="sourceOrganisationIds"
        legend={t('consent.field.sources')}
        description={t('consent.help.sources')}
        options={orgs}
      />
      <CheckGroup
        form={form}
        name="recipientOrganisationIds"
        legend={t('consent.field.recipients')}
        description={t('consent.help.recipients')}
        options={orgs}
      />
      <CheckGroup
        form={form}
        name="forums"
        legend={t('consent.field.forums')}
        options={FORUMS.map((f) => ({ value: f, label: t(`consent.forum.${f}`) }))}
      />
      <TextInput
        form={form}
        name="validFrom"
        type="date"
        label={t('consent.field.validFrom')}
        required
      />
      <TextInput
        form={form}
        name="validTo"
        type="date"
        label={t('consent.field.validTo')}
        required
      />
      <CheckboxInput
        form={form}
        name="onwardSharing"
        label={t('consent.field.onwardSharing')}
        description={t('consent.help.onwardSharing')}
      />
    </>
  );
}
