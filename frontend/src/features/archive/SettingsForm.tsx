/** Archive room: the unit's archive settings — delivery on or off, klassifikasjonssystem, klasse,
 * arkivdel, administrativ enhet, saksbehandler — saved at the version read (If-Match). */
import { Button } from '@digdir/designsystemet-react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { ifMatch } from '../../api/etag';
import { useAnnounce } from '../shared/Announcer';
import { CheckboxInput, FormActions, FormNotices, TextInput } from '../shared/form/fields';
import { limitOf, textError } from '../shared/form/limits';
import { useForm } from '../shared/form/useForm';
import { useUpdateArchiveSettings } from './api';
import type { ArchiveSettings } from './types';

const TEXTS = [
  'classificationSystem',
  'classId',
  'archivePart',
  'administrativeUnit',
  'caseOfficer',
] as const;
type TextField = (typeof TEXTS)[number];
export type SettingsValues = { enabled: boolean } & Record<TextField, string>;

export function validateSettings(v: SettingsValues, t: TFunction): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const name of TEXTS) {
    const e = textError(v[name], limitOf('ArchiveSettingsUpdate', name), t);
    if (e) errors[name] = e;
  }
  return errors;
}

export function SettingsForm({
  settings,
  onReload,
  onSaved,
}: {
  settings: ArchiveSettings;
  onReload: () => void;
  /** Called once saved (the form is then remounted at the new version by its parent). */
  onSaved: () => void;
}) {
  const { t } = useTranslation();
  const announce = useAnnounce();
  const update = useUpdateArchiveSettings();
  const labels: Record<keyof SettingsValues, string> = {
    enabled: t('archive.settings.enabled'),
    classificationSystem: t('archive.settings.classificationSystem'),
    classId: t('archive.settings.classId'),
    archivePart: t('archive.settings.archivePart'),
    administrativeUnit: t('archive.settings.administrativeUnit'),
    caseOfficer: t('archive.settings.caseOfficer'),
  };
  const form = useForm<SettingsValues>({
    formId: 'archive-settings',
    initial: {
      enabled: settings.enabled,
      classificationSystem: settings.classificationSystem ?? '',
      classId: settings.classId ?? '',
      archivePart: settings.archivePart ?? '',
      administrativeUnit: settings.administrativeUnit ?? '',
      caseOfficer: settings.caseOfficer ?? '',
    },
    validate: (v) => validateSettings(v, t),
  });
  return (
    <form
      className="form"
      noValidate
      aria-labelledby="archive-settings-heading"
      onSubmit={form.handleSubmit(async (v) => {
        const text = (s: string) => s.trim() || null;
        await update.mutateAsync({
          params: { header: ifMatch(settings.version) },
          body: {
            enabled: v.enabled,
            classificationSystem: text(v.classificationSystem),
            classId: text(v.classId),
            archivePart: text(v.archivePart),
            administrativeUnit: text(v.administrativeUnit),
            caseOfficer: text(v.caseOfficer),
          },
        });
        announce(t('archive.settings.saved'));
        onSaved();
      })}
    >
      <FormNotices form={form} labels={labels} onReload={onReload} />
      <CheckboxInput
        form={form}
        name="enabled"
        label={labels.enabled}
        description={t('archive.settings.enabledHelp')}
      />
      <TextInput
        form={form}
        name="classificationSystem"
        label={labels.classificationSystem}
        description={t('archive.settings.classificationSystemHelp')}
      />
      <TextInput form={form} name="classId" label={labels.classId} />
      <TextInput form={form} name="archivePart" label={labels.archivePart} />
      <TextInput form={form} name="administrativeUnit" label={labels.administrativeUnit} />
      <TextInput form={form} name="caseOfficer" label={labels.caseOfficer} />
      <FormActions>
        <Button type="submit" disabled={form.status === 'submitting'}>
          {t('form.save')}
        </Button>
      </FormActions>
    </form>
  );
}
