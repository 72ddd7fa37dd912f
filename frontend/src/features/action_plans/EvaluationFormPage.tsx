/** Action plans room: a measure's evaluation — planned, carried out, concluded — with its report.
 * The coordinator, unit admin and the measure's owner change it; others read it. */
import { Button, Paragraph, Tag } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { canEditOrganisation } from '../../auth/permissions';
import { useMe } from '../../auth/session';
import { formatDate } from '../../i18n/format';
import { Flash } from '../shared/Flash';
import { PageHeading } from '../shared/PageHeading';
import { ArchiveBadge } from '../archive/ArchiveBadge';
import { LoadError, Loading } from '../shared/States';
import { useEvaluation, useMeasure } from './api';
import { DeleteEvaluation } from './DeleteEvaluation';
import { EvaluationForm } from './EvaluationForm';
import { ReportPanel } from './ReportPanel';
import type { Evaluation } from './types';

function Facts({ evaluation: e }: { evaluation: Evaluation }) {
  const { t, i18n } = useTranslation();
  return (
    <dl className="facts" data-testid="evaluation-facts">
      <dt>{t('evaluationForm.aspects')}</dt>
      <dd>{e.aspects.map((a) => t(`evaluationForm.aspect.${a}`)).join(', ')}</dd>
      <dt>{t('evaluationForm.performer')}</dt>
      <dd>
        {t(`evaluationForm.performerValue.${e.performer}`)}
        {e.performerName ? ` – ${e.performerName}` : ''}
      </dd>
      <dt>{t('evaluationForm.method')}</dt>
      <dd>{e.method}</dd>
      <dt>{t('evaluationForm.dueOn')}</dt>
      <dd>{formatDate(e.dueOn, i18n.language)}</dd>
      <dt>{t('evaluationForm.findings')}</dt>
      <dd className="pre-line">{e.findings ?? ''}</dd>
      <dt>{t('evaluationForm.conclusion')}</dt>
      <dd>
        {e.conclusion
          ? t(`evaluationForm.conclusionValue.${e.conclusion}`)
          : t('evaluationForm.conclusionNone')}
      </dd>
    </dl>
  );
}

export default function EvaluationFormPage() {
  const { id: measureId = '', evalId } = useParams();
  const { t } = useTranslation();
  const me = useMe();
  const measure = useMeasure(measureId);
  const evaluation = useEvaluation(evalId);
  const back = `/tiltak/${measureId}`;
  const backLabel = t('evaluationForm.back');
  if (measure.isPending || (evalId && evaluation.isPending)) return <Loading />;
  if (measure.isError)
    return (
      <LoadError
        error={measure.error}
        onRetry={() => void measure.refetch()}
        back="/tiltak"
        backLabel={backLabel}
      />
    );
  if (evalId && evaluation.isError)
    return (
      <LoadError
        error={evaluation.error}
        onRetry={() => void evaluation.refetch()}
        back={back}
        backLabel={backLabel}
      />
    );
  const m = measure.data;
  const e = evaluation.data;
  const canEdit =
    canEditOrganisation(me) || Boolean(m.ownerId && me.personId && m.ownerId === me.personId);
  const title = e
    ? t('evaluationForm.titleOf', { name: m.title })
    : t('evaluationForm.newTitle', { name: m.title });
  return (
    <div className="stack">
      <div className="page-head">
        <PageHeading>{title}</PageHeading>
        {e ? (
          <Tag
            data-color={e.completed ? 'success' : 'info'}
            data-size="sm"
            data-testid="evaluation-status"
          >
            {e.completed ? t('evaluationForm.completed') : t('evaluationForm.planned')}
          </Tag>
        ) : null}
        {e ? <ArchiveBadge kind="evaluation" recordId={e.id} enabled={e.completed} /> : null}
      </div>
      <Flash />
      <div>
        <Button asChild variant="tertiary">
          <Link to={back}>{backLabel}</Link>
        </Button>
      </div>
      {canEdit ? (
        <>
          <Paragraph>{t('form.requiredHelp')}</Paragraph>
          <EvaluationForm
            key={e?.version ?? 'new'}
            measureId={measureId}
            evaluation={e}
            plan={m.evaluationPlan}
            onReload={() => void evaluation.refetch()}
          />
        </>
      ) : e ? (
        <Facts evaluation={e} />
      ) : (
        <Paragraph>{t('state.readOnly')}</Paragraph>
      )}
      {e ? <ReportPanel key={`report-${e.version}`} evaluation={e} canEdit={canEdit} /> : null}
      {e && canEdit && !e.completed ? (
        <DeleteEvaluation key={`delete-${e.version}`} evaluation={e} />
      ) : null}
    </div>
  );
}
