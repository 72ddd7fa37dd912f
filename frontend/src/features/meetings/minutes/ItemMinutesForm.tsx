/** Meetings: one agenda item's minutes — the open text and the restricted text (members only). */
import { Button, Paragraph, Tag } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import { GuardPanel, useGuard } from './Guard';
import { useWriteItemMinutes } from '../api';
import type { ItemMinutes } from '../types';
import { ifMatch } from '../../../api/etag';
import { useAnnounce } from '../../shared/Announcer';
import { FormActions, FormNotices, TextInput } from '../../shared/form/fields';
import { limitOf, textError } from '../../shared/form/limits';
import { useForm } from '../../shared/form/useForm';

interface Values {
  openText: string;
  restrictedText: string;
}

/** The restricted layer's label says who may read it, wherever it is shown. */
export function RestrictedBadge() {
  const { t } = useTranslation();
  return (
    <Tag data-color="warning" data-size="sm">
      {t('minutes.restrictedBadge')}
    </Tag>
  );
}

export function ItemMinutesForm({
  meetingId,
  agendaItemId,
  position,
  current,
  draftVersion,
  member,
  onReload,
}: {
  meetingId: string;
  agendaItemId: string;
  position: number;
  current: ItemMinutes | undefined;
  /** The draft's version: the If-Match of every write into it. */
  draftVersion: number;
  /** Only the body's members see (and so may write) the restricted layer. */
  member: boolean;
  onReload: () => void;
}) {
  const { t } = useTranslation();
  const announce = useAnnounce();
  const write = useWriteItemMinutes();
  const guard = useGuard();
  const formId = `minutes-${agendaItemId}`;
  const labels = {
    openText: t('minutes.openText'),
    restrictedText: t('minutes.restrictedText'),
  };
  const form = useForm<Values>({
    formId,
    initial: { openText: current?.openText ?? '', restrictedText: current?.restrictedText ?? '' },
    validate: (v) => ({
      openText: textError(v.openText, limitOf('ItemMinutesWrite', 'openText'), t),
      restrictedText: textError(v.restrictedText, limitOf('ItemMinutesWrite', 'restrictedText'), t),
    }),
  });
  const save = (overrideReason?: string) =>
    form.handleSubmit((v) =>
      guard.run({ openText: v.openText, restrictedText: v.restrictedText }, async () => {
        await write.mutateAsync({
          params: { path: { id: meetingId, agendaItemId }, header: ifMatch(draftVersion) },
          body: {
            openText: v.openText,
            restrictedText: member ? v.restrictedText || null : (current?.restrictedText ?? null),
            ...(overrideReason ? { overrideReason } : {}),
          },
        });
        announce(t('minutes.saved', { position }));
      }),
    );
  return (
    <form
      className="form"
      noValidate
      aria-label={t('minutes.save')}
      onSubmit={(e) => void save()(e)}
      data-testid="item-minutes-form"
    >
      <FormNotices form={form} labels={labels} onReload={onReload} />
      <TextInput
        form={form}
        name="openText"
        label={labels.openText}
        description={t('minutes.openHelp')}
        multiline
      />
      {member ? (
        <div className="restricted-layer stack">
          <RestrictedBadge />
          <TextInput
            form={form}
            name="restrictedText"
            label={labels.restrictedText}
            description={t('minutes.restrictedHelp')}
            multiline
          />
        </div>
      ) : (
        <Paragraph data-size="sm" className="muted">
          {t('minutes.restrictedHidden')}
        </Paragraph>
      )}
      {guard.blocked ? (
        <GuardPanel
          id={`${formId}-guard`}
          blocked={guard.blocked}
          labels={labels}
          busy={form.status === 'submitting'}
          onFix={(field) => {
            guard.clear();
            document.getElementById(form.fieldId(field))?.focus();
          }}
          onOverride={(reason) => void save(reason)()}
        />
      ) : null}
      <FormActions>
        <Button type="submit" disabled={form.status === 'submitting'}>
          {t('minutes.save')}
        </Button>
      </FormActions>
    </form>
  );
}
