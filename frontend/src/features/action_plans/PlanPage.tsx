/** Action plans room: one plan — its period, status and adopting decision, the tree with
 * progress, exports (PDF, XLSX), and for a draft: edit, adopt and delete. */
import { Alert, Button, Link as DsLink, Paragraph } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { canEditOrganisation } from '../../auth/permissions';
import { useMe } from '../../auth/session';
import { formatDate } from '../../i18n/format';
import { Flash } from '../shared/Flash';
import { PageHeading } from '../shared/PageHeading';
import { ArchiveBadge } from '../archive/ArchiveBadge';
import { LoadError, Loading } from '../shared/States';
import { AdoptPlan, decisionLabel } from './AdoptPlan';
import { planExportUrl, usePlan } from './api';
import { DeletePlan } from './DeletePlan';
import { PlanTree } from './PlanTree';
import { Progress } from './Progress';
import { PlanStatusTag } from './StatusTag';
import type { Plan } from './types';
import './action-plans.css';

function Facts({ plan }: { plan: Plan }) {
  const { t, i18n } = useTranslation();
  const d = plan.decision;
  return (
    <dl className="facts">
      <dt>{t('actionPlans.period')}</dt>
      <dd>
        {t('actionPlans.periodValue', {
          start: formatDate(plan.periodStart, i18n.language),
          end: formatDate(plan.periodEnd, i18n.language),
        })}
      </dd>
      <dt>{t('actionPlans.weighting')}</dt>
      <dd>{t(`actionPlans.weightingValue.${plan.weighting}`)}</dd>
      {d ? (
        <>
          <dt>{t('actionPlans.adoptedBy')}</dt>
          <dd data-testid="plan-decision">
            {d.meetingId ? (
              <DsLink asChild>
                <Link to={`/moter/${d.meetingId}`}>{decisionLabel(d, i18n.language)}</Link>
              </DsLink>
            ) : (
              decisionLabel(d, i18n.language)
            )}
          </dd>
        </>
      ) : null}
      {plan.description ? (
        <>
          <dt>{t('actionPlans.description')}</dt>
          <dd className="pre-line">{plan.description}</dd>
        </>
      ) : null}
    </dl>
  );
}

export default function PlanPage() {
  const { id } = useParams();
  const { t } = useTranslation();
  const me = useMe();
  const canEdit = canEditOrganisation(me);
  const plan = usePlan(id);
  if (plan.isPending) return <Loading />;
  if (plan.isError)
    return (
      <LoadError
        error={plan.error}
        onRetry={() => void plan.refetch()}
        back="/handlingsplaner"
        backLabel={t('actionPlans.back')}
      />
    );
  const p = plan.data;
  return (
    <div className="stack">
      <div className="page-head">
        <PageHeading>{p.title}</PageHeading>
        <PlanStatusTag status={p.status} />
        <ArchiveBadge kind="action_plan" recordId={p.id} enabled={p.adopted} />
      </div>
      <Flash />
      <div className="tree-row plan-total">
        <span>{t('actionPlans.progressTotal')}</span>
        <Progress value={p.progress} label={p.title} />
      </div>
      <Facts plan={p} />
      <div className="form-actions">
        {canEdit && !p.adopted ? (
          <Button asChild>
            <Link to={`/handlingsplaner/${p.id}/rediger`}>{t('actionPlans.edit')}</Link>
          </Button>
        ) : null}
        <Button asChild variant="secondary">
          <a href={planExportUrl(p.id, 'pdf')} download>
            {t('actionPlans.exportPdf')}
          </a>
        </Button>
        <Button asChild variant="secondary">
          <a href={planExportUrl(p.id, 'xlsx')} download>
            {t('actionPlans.exportXlsx')}
          </a>
        </Button>
        <Button asChild variant="tertiary">
          <Link to="/handlingsplaner">{t('actionPlans.back')}</Link>
        </Button>
      </div>
      {p.adopted ? (
        <Alert data-color="info" data-size="sm" data-testid="plan-locked">
          <Paragraph>{t('actionPlans.locked')}</Paragraph>
        </Alert>
      ) : null}
      <section className="stack" aria-labelledby="plan-tree-heading">
        <h2 id="plan-tree-heading" className="ds-heading" data-size="xs">
          {t('actionPlans.tree')}
        </h2>
        <PlanTree areas={p.focusAreas} />
      </section>
      {canEdit && !p.adopted ? (
        <>
          <AdoptPlan key={`adopt-${p.version}`} plan={p} />
          <DeletePlan key={`delete-${p.version}`} plan={p} />
        </>
      ) : null}
    </div>
  );
}
