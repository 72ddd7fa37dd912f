/** Measures room: the measure's timeline — decision → stage changes (who, when, why) →
 * evaluations → notes, in the order the server lines them up. */
import { Heading, Link as DsLink, Paragraph } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDate } from '../../../i18n/format';
import { ErrorState, Loading } from '../../shared/States';
import { useTimeline } from '../api';

function when(at: string, lng: string): string {
  if (at.length <= 10) return formatDate(at, lng);
  const d = new Date(at);
  return `${formatDate(at.slice(0, 10), lng)} ${d.toLocaleTimeString(lng === 'en' ? 'en-GB' : 'nb-NO', { hour: '2-digit', minute: '2-digit' })}`;
}

export function Timeline({ measureId }: { measureId: string }) {
  const { t, i18n } = useTranslation();
  const timeline = useTimeline(measureId);
  const stage = (s: string | null | undefined) => (s ? t(`measures.stage.${s}`) : '');
  if (timeline.isPending) return <Loading />;
  if (timeline.isError)
    return <ErrorState error={timeline.error} onRetry={() => void timeline.refetch()} />;
  const entries = timeline.data.entries;
  return (
    <section className="stack" aria-labelledby="timeline-heading">
      <Heading level={2} data-size="xs" id="timeline-heading">
        {t('measures.detail.timeline')}
      </Heading>
      {entries.length === 0 ? <Paragraph>{t('measures.timeline.empty')}</Paragraph> : null}
      <ol className="measure-timeline" data-testid="timeline">
        {entries.map((e, i) => {
          const at = when(String(e.at), i18n.language);
          return (
            <li key={i} data-kind={e.kind}>
              <div className="muted">{at}</div>
              {e.kind === 'decision' && e.decision ? (
                <DsLink asChild>
                  <Link to={`/moter/${e.decision.meetingId}`}>
                    {t('measures.timeline.decision', {
                      label: e.decision.label ?? '',
                      body: e.decision.bodyName,
                    })}
                  </Link>
                </DsLink>
              ) : null}
              {e.kind === 'stage' && e.stageChange ? (
                <>
                  <div>
                    {e.stageChange.fromStage
                      ? t('measures.timeline.stage', {
                          from: stage(e.stageChange.fromStage),
                          to: stage(e.stageChange.toStage),
                          actor: e.stageChange.actorName,
                        })
                      : t('measures.timeline.proposed', { actor: e.stageChange.actorName })}
                  </div>
                  {e.stageChange.reason ? (
                    <div>{t('measures.timeline.reason', { reason: e.stageChange.reason })}</div>
                  ) : null}
                </>
              ) : null}
              {e.kind === 'evaluation' && e.evaluation ? (
                <DsLink asChild>
                  <Link to={`/tiltak/${measureId}/evalueringer/${e.evaluation.id}`}>
                    {e.evaluation.conclusion
                      ? t('measures.timeline.evaluationDone', {
                          conclusion: t(`measures.conclusion.${e.evaluation.conclusion}`),
                        })
                      : t('measures.timeline.evaluationPlanned', {
                          date: formatDate(e.evaluation.dueOn, i18n.language),
                        })}
                  </Link>
                </DsLink>
              ) : null}
              {e.kind === 'note' && e.note ? (
                <>
                  <div>{t('measures.timeline.note', { author: e.note.authorName })}</div>
                  <Paragraph data-size="sm">{e.note.text}</Paragraph>
                </>
              ) : null}
            </li>
          );
        })}
      </ol>
    </section>
  );
}
