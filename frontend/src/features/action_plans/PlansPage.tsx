/** Action plans room: the unit's action plans (handlingsplaner) with period, status and progress. */
import { Button, Link as DsLink, Paragraph, Table } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { canEditOrganisation } from '../../auth/permissions';
import { useMe } from '../../auth/session';
import { formatDate } from '../../i18n/format';
import { Flash } from '../shared/Flash';
import { PageHeading } from '../shared/PageHeading';
import { Empty, ErrorState, Loading } from '../shared/States';
import { usePlans } from './api';
import { Progress } from './Progress';
import { PlanStatusTag } from './StatusTag';
import './action-plans.css';

export default function PlansPage() {
  const { t, i18n } = useTranslation();
  const me = useMe();
  const plans = usePlans();
  const items = plans.data ?? [];
  return (
    <div className="stack">
      <div className="page-head">
        <PageHeading>{t('actionPlans.title')}</PageHeading>
        {canEditOrganisation(me) ? (
          <div className="form-actions">
            <Button asChild>
              <Link to="/handlingsplaner/ny">{t('actionPlans.new')}</Link>
            </Button>
            <Button asChild variant="secondary">
              <Link to="/tiltaksinnstillinger">{t('measureSettings.title')}</Link>
            </Button>
          </div>
        ) : null}
      </div>
      <Flash />
      <Paragraph>{t('actionPlans.intro')}</Paragraph>
      {plans.isPending ? <Loading /> : null}
      {plans.isError ? (
        <ErrorState error={plans.error} onRetry={() => void plans.refetch()} />
      ) : null}
      {plans.data && items.length === 0 ? <Empty>{t('actionPlans.empty')}</Empty> : null}
      {items.length > 0 ? (
        <div className="table-wrap">
          <Table zebra data-testid="plans" className="table-cards">
            <caption className="sr-only">{t('actionPlans.title')}</caption>
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell>{t('actionPlans.titleLabel')}</Table.HeaderCell>
                <Table.HeaderCell>{t('actionPlans.period')}</Table.HeaderCell>
                <Table.HeaderCell>{t('actionPlans.statusLabel')}</Table.HeaderCell>
                <Table.HeaderCell>{t('actionPlans.progress')}</Table.HeaderCell>
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {items.map((p) => (
                <Table.Row key={p.id} data-testid="plan-row">
                  <Table.Cell data-label={t('actionPlans.titleLabel')}>
                    <DsLink asChild>
                      <Link to={`/handlingsplaner/${p.id}`}>{p.title}</Link>
                    </DsLink>
                  </Table.Cell>
                  <Table.Cell data-label={t('actionPlans.period')}>
                    {t('actionPlans.periodValue', {
                      start: formatDate(p.periodStart, i18n.language),
                      end: formatDate(p.periodEnd, i18n.language),
                    })}
                  </Table.Cell>
                  <Table.Cell data-label={t('actionPlans.statusLabel')}>
                    <PlanStatusTag status={p.status} />
                  </Table.Cell>
                  <Table.Cell data-label={t('actionPlans.progress')}>
                    <Progress value={p.progress} label={p.title} />
                  </Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        </div>
      ) : null}
    </div>
  );
}
