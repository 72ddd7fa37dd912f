/** Measures room: the measure's milestones, each marked done (or not) with one PATCH of the whole
 * list under If-Match — progress follows. */
import { Checkbox, Heading, Paragraph } from '@digdir/designsystemet-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ifMatch } from '../../../api/etag';
import { formatDate, todayIso } from '../../../i18n/format';
import { useAnnounce } from '../../shared/Announcer';
import { ConflictAlert, FormError } from '../../shared/form/fields';
import { ApiError, problemText } from '../../../api/problem';
import { useUpdateMeasure } from '../api';
import type { Measure } from '../types';

export function Milestones({
  measure,
  canMark,
  onReload,
}: {
  measure: Measure;
  canMark: boolean;
  onReload: () => void;
}) {
  const { t, i18n } = useTranslation();
  const announce = useAnnounce();
  const update = useUpdateMeasure();
  const [error, setError] = useState<string>();
  const [conflict, setConflict] = useState(false);
  const percent = Math.round(measure.progress * 100);
  const mark = (id: string, done: boolean) => {
    setError(undefined);
    const milestones = measure.milestones.map((m) => ({
      id: m.id,
      title: m.title,
      dueOn: m.dueOn,
      weight: m.weight,
      doneOn: m.id === id ? (done ? todayIso() : null) : m.doneOn,
    }));
    const title = measure.milestones.find((m) => m.id === id)?.title ?? '';
    update
      .mutateAsync({
        params: { path: { id: measure.id }, header: ifMatch(measure.version) },
        body: { milestones },
      })
      .then(() =>
        announce(t(done ? 'measures.milestone.done' : 'measures.milestone.undone', { title })),
      )
      .catch((err: unknown) => {
        if (err instanceof ApiError && err.status === 412) setConflict(true);
        else setError(err instanceof ApiError ? problemText(err.problem, t) : t('problem.generic'));
      });
  };
  return (
    <section className="stack" aria-labelledby="milestones-heading">
      <Heading level={2} data-size="xs" id="milestones-heading">
        {t('measures.section.milestones')}
      </Heading>
      <div className="measure-card-progress">
        <progress max={100} value={percent} aria-label={t('measures.field.progress')} />
        <span data-testid="measure-progress">{t('measures.card.progress', { percent })}</span>
      </div>
      {conflict ? <ConflictAlert onReload={onReload} /> : null}
      <FormError message={error} />
      {measure.milestones.length === 0 ? (
        <Paragraph>{t('measures.milestone.none')}</Paragraph>
      ) : null}
      {measure.milestones.map((m) => (
        <Checkbox
          key={m.id}
          label={m.title}
          description={
            m.dueOn
              ? `${t('measures.milestone.dueOn')}: ${formatDate(m.dueOn, i18n.language)}`
              : undefined
          }
          checked={Boolean(m.doneOn)}
          disabled={!canMark || update.isPending}
          onChange={(e) => mark(m.id ?? '', e.target.checked)}
        />
      ))}
    </section>
  );
}
