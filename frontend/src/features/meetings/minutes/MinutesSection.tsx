/** Meetings: the minutes editor — per agenda item the open and restricted text, decisions and
 * action items; read-only once approved (the current version shown). */
import { Heading, Paragraph } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import { ActionItems } from './ActionItems';
import { Decisions } from './Decisions';
import { ItemMinutesForm, RestrictedBadge } from './ItemMinutesForm';
import { useActionItems, useAgenda, useDecisions, useMinutesVersions } from '../api';
import type { Meeting, MinutesVersion } from '../types';
import { Empty, ErrorState, Loading } from '../../shared/States';

export function MinutesSection({
  meeting,
  manager,
  member,
}: {
  meeting: Meeting;
  manager: boolean;
  member: boolean;
}) {
  const { t } = useTranslation();
  const started = meeting.status !== 'planned' && meeting.status !== 'held';
  const agenda = useAgenda(meeting.id);
  const versions = useMinutesVersions(meeting.id, started);
  const decisions = useDecisions(meeting.id, started);
  const actions = useActionItems(meeting.id, started);
  if (!started || meeting.status === 'cancelled') return null;
  const current: MinutesVersion | undefined = versions.data?.at(-1);
  const writable = manager && meeting.status === 'minutes_draft' && !current?.approved;
  const reload = () => void versions.refetch();
  return (
    <section aria-labelledby="minutes-heading" className="stack" data-testid="minutes">
      <Heading level={2} data-size="sm" id="minutes-heading">
        {t('minutes.title')}
      </Heading>
      {versions.isPending ? <Loading /> : null}
      {versions.isError ? <ErrorState error={versions.error} onRetry={reload} /> : null}
      {agenda.data && agenda.data.length === 0 ? <Empty>{t('agenda.none')}</Empty> : null}
      {current
        ? (agenda.data ?? []).map((item) => {
            const text = current.items.find((i) => i.agendaItemId === item.id);
            return (
              <article
                key={item.id}
                className="minutes-item stack"
                aria-labelledby={`minutes-item-${item.id}`}
                data-testid="minutes-item"
              >
                <Heading level={3} data-size="xs" id={`minutes-item-${item.id}`}>
                  {t('agenda.itemLabel', { position: item.position, title: item.title })}
                </Heading>
                {writable ? (
                  <ItemMinutesForm
                    meetingId={meeting.id}
                    agendaItemId={item.id}
                    position={item.position}
                    current={text}
                    draftVersion={current.version}
                    member={member}
                    onReload={reload}
                  />
                ) : (
                  <>
                    <Paragraph className="pre-line">
                      {text?.openText || t('minutes.empty')}
                    </Paragraph>
                    {text?.restrictedText ? (
                      <div className="restricted-layer stack" data-testid="restricted-text">
                        <RestrictedBadge />
                        <Paragraph className="pre-line">{text.restrictedText}</Paragraph>
                      </div>
                    ) : null}
                  </>
                )}
                <Decisions
                  meetingId={meeting.id}
                  agendaItemId={item.id}
                  decisions={(decisions.data ?? []).filter((d) => d.agendaItemId === item.id)}
                  writable={writable}
                />
                <ActionItems
                  meetingId={meeting.id}
                  agendaItemId={item.id}
                  items={(actions.data ?? []).filter((a) => a.agendaItemId === item.id)}
                  writable={writable}
                  manager={manager}
                />
              </article>
            );
          })
        : null}
    </section>
  );
}
