/** Measures room: the measure's evaluations, each linking to the evaluation form (action plans'
 * room owns it at /tiltak/:id/evalueringer/:evalId). */
import { Button, Heading, Link as DsLink, List, Paragraph } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDate } from '../../../i18n/format';
import { useMeasureEvaluations } from '../api';

export function Evaluations({ measureId, canAdd }: { measureId: string; canAdd: boolean }) {
  const { t, i18n } = useTranslation();
  const evaluations = useMeasureEvaluations(measureId);
  const items = evaluations.data ?? [];
  return (
    <section className="stack" aria-labelledby="evaluations-heading">
      <Heading level={2} data-size="xs" id="evaluations-heading">
        {t('measures.detail.evaluations')}
      </Heading>
      {items.length === 0 ? <Paragraph>{t('measures.evaluation.none')}</Paragraph> : null}
      {items.length > 0 ? (
        <List.Unordered data-testid="evaluations">
          {items.map((e, i) => (
            <List.Item key={e.id}>
              <DsLink asChild>
                <Link to={`/tiltak/${measureId}/evalueringer/${e.id}`}>
                  {t('measures.evaluation.open', {
                    n: i + 1,
                    aspects: e.aspects.map((a) => t(`measures.aspect.${a}`)).join(', '),
                  })}
                </Link>
              </DsLink>{' '}
              <span className="muted">
                {e.conclusion
                  ? t('measures.evaluation.completed', {
                      date: formatDate(e.completedOn, i18n.language),
                      conclusion: t(`measures.conclusion.${e.conclusion}`),
                    })
                  : `${t('measures.evaluation.planned')} – ${t('measures.evaluation.due', { date: formatDate(e.dueOn, i18n.language) })}`}
              </span>
            </List.Item>
          ))}
        </List.Unordered>
      ) : null}
      {canAdd ? (
        <div className="row">
          <Button asChild variant="secondary" data-size="sm">
            <Link to={`/tiltak/${measureId}/evalueringer/ny`}>{t('measures.evaluation.add')}</Link>
          </Button>
        </div>
      ) : null}
    </section>
  );
}
