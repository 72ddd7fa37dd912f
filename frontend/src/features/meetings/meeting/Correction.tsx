/** Meetings: a correction of approved minutes — a new version with a reason, made by the chair;
 * every earlier version stays as it was. */
import { Button, Heading } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import { useAgenda, useCorrectMinutes } from '../api';
import { GuardPanel, useGuard } from '../minutes/Guard';
import type { AgendaItem, Meeting, MinutesVersion } from '../types';
import { useAnnounce } from '../../shared/Announcer';
import { FormActions, FormNotices, TextInput } from '../../shared/form/fields';
import { limitOf, textError } from '../../shared/form/limits';
import { useForm } from '../../shared/form/useForm';

type Values = Record<string, string>;

interface Props {
  meeting: Meeting;
  current: MinutesVersion | undefined;
  member: boolean;
  onDone: () => void;
}

export function CorrectionForm(props: Props) {
  const agenda = useAgenda(props.meeting.id);
  // The form starts from the agenda's texts, so it waits for the agenda.
  if (!agenda.data) return null;
  return <CorrectionFields {...props} items={agenda.data} />;
}

function CorrectionFields({
  meeting,
  current,
  member,
  onDone,
  items,
}: Props & { items: AgendaItem[] }) {
  const { t } = useTranslation();
  const announce = useAnnounce();
  const correct = useCorrectMinutes();
  const guard = useGuard();
  const initial: Values = { reason: '' };
  for (const item of items) {
    const text = current?.items.find((i) => i.agendaItemId === item.id);
    initial[`open-${item.id}`] = text?.openText ?? '';
    initial[`restricted-${item.id}`] = text?.restrictedText ?? '';
  }
  const labels: Record<string, string> = { reason: t('approval.correctionReason') };
  items.forEach((item, n) => {
    const title = t('agenda.itemLabel', { position: item.position, title: item.title });
    labels[`open-${item.id}`] = `${title}: ${t('minutes.openText')}`;
    labels[`restricted-${item.id}`] = `${title}: ${t('minutes.restrictedText')}`;
    labels[`items.${n}.openText`] = labels[`open-${item.id}`] as string;
    labels[`items.${n}.restrictedText`] = labels[`restricted-${item.id}`] as string;
  });
  const form = useForm<Values>({
    formId: 'minutes-correction',
    persistDraft: false,
    initial,
    validate: (v) => ({
      reason: textError(v.reason ?? '', limitOf('MinutesCorrection', 'reason'), t),
    }),
  });
  const save = (overrideReason?: string) =>
    form.handleSubmit((v) => {
      const body = items.map((item) => ({
        agendaItemId: item.id,
        openText: v[`open-${item.id}`] ?? '',
        restrictedText: member
          ? v[`restricted-${item.id}`] || null
          : (current?.items.find((i) => i.agendaItemId === item.id)?.restrictedText ?? null),
      }));
      const texts: Record<string, string> = {};
      body.forEach((b, n) => {
        texts[`items.${n}.openText`] = b.openText;
        texts[`items.${n}.restrictedText`] = b.restrictedText ?? '';
      });
      return guard.run(texts, async () => {
        await correct.mutateAsync({
          params: { path: { id: meeting.id } },
          body: {
            reason: (v.reason ?? '').trim(),
            items: body,
            ...(overrideReason ? { overrideReason } : {}),
          },
        });
        announce(t('approval.corrected'));
        onDone();
      });
    });
  return (
    <form
      className="form inline-form"
      noValidate
      aria-labelledby="correction-heading"
      onSubmit={(e) => void save()(e)}
    >
      <Heading level={4} data-size="2xs" id="correction-heading">
        {t('approval.correct')}
      </Heading>
      <FormNotices form={form} labels={labels} />
      <TextInput form={form} name="reason" label={labels.reason ?? ''} required />
      {items.map((item) => (
        <div key={item.id} className="stack">
          <TextInput
            form={form}
            name={`open-${item.id}`}
            label={labels[`open-${item.id}`] ?? ''}
            multiline
          />
          {member ? (
            <div className="restricted-layer">
              <TextInput
                form={form}
                name={`restricted-${item.id}`}
                label={labels[`restricted-${item.id}`] ?? ''}
                description={t('minutes.restrictedHelp')}
                multiline
              />
            </div>
          ) : null}
        </div>
      ))}
      {guard.blocked ? (
        <GuardPanel
          id="correction-guard"
          blocked={guard.blocked}
          labels={labels}
          busy={form.status === 'submitting'}
          onFix={(field) => {
            guard.clear();
            // "items.2.openText" → the third item's open text field.
            const [, n, layer] = field.split('.');
            const item = items[Number(n)];
            const name = item
              ? `${layer === 'restrictedText' ? 'restricted' : 'open'}-${item.id}`
              : 'reason';
            document.getElementById(form.fieldId(name))?.focus();
          }}
          onOverride={(reason) => void save(reason)()}
        />
      ) : null}
      <FormActions>
        <Button type="submit" disabled={form.status === 'submitting'}>
          {t('approval.saveCorrection')}
        </Button>
        <Button type="button" variant="secondary" onClick={onDone}>
          {t('form.cancel')}
        </Button>
      </FormActions>
    </form>
  );
}
