/** Annual wheel room: the meeting norms on Oversikt — each body's held and planned meetings against its norm. */
import {
  Alert,
  Heading,
  Link as DsLink,
  Paragraph,
  Table,
  Tag,
} from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ApiError } from '../../api/problem';
import { formatNumber } from '../../i18n/format';
import { ErrorState, Loading } from '../shared/States';
import { useNorms } from './api';
import type { Norm } from './types';

const STATUS_COLOR: Record<Norm['status'], 'success' | 'warning' | 'danger' | 'neutral'> = {
  ok: 'success',
  at_risk: 'warning',
  missed: 'danger',
  not_applicable: 'neutral',
};

/** The warnings of one body, in the user's words (it warns; nothing is forbidden). */
export function useNormWarnings(): (n: Norm) => string[] {
  const { t, i18n } = useTranslation();
  const f = (x: number) => formatNumber(x, i18n.language);
  return (n) => {
    const args = {
      body: n.bodyName,
      norm: f(n.norm ?? 0),
      year: n.year,
      held: f(n.held),
      planned: f(n.planned),
      possible: f(n.possible),
      needed: f(n.needed),
      count: n.unrecorded,
    };
    const out: string[] = [];
    if (n.warnings.includes('unreachable')) out.push(t('wheelNorms.unreachable', args));
    else if (n.warnings.includes('unplanned')) out.push(t('wheelNorms.unplanned', args));
    if (n.warnings.includes('unrecorded')) out.push(t('wheelNorms.unrecorded', args));
    return out;
  };
}

export default function NormsPanel() {
  const { t, i18n } = useTranslation();
  const year = new Date().getFullYear();
  const norms = useNorms(year);
  const warningsOf = useNormWarnings();
  const f = (x: number) => formatNumber(x, i18n.language);
  const rows = norms.data ?? [];
  const warned = rows.filter((n) => n.warnings.length > 0);
  const unreachable = rows.filter((n) => n.warnings.includes('unreachable')).length;
  // Someone who may not read the unit's organisation sees no panel rather than an error.
  if (norms.error instanceof ApiError && norms.error.isForbidden) return null;
  return (
    <section aria-labelledby="norms-heading" className="stack" data-testid="norms">
      <Heading level={2} data-size="sm" id="norms-heading">
        {t('wheelNorms.heading', { year })}
      </Heading>
      <Paragraph data-size="sm">{t('wheelNorms.intro')}</Paragraph>
      {norms.isPending ? <Loading /> : null}
      {norms.isError ? (
        <ErrorState error={norms.error} onRetry={() => void norms.refetch()} />
      ) : null}
      {norms.data && rows.length === 0 ? <Paragraph>{t('wheelNorms.empty')}</Paragraph> : null}
      {warned.length > 0 ? (
        <Alert data-color={unreachable > 0 ? 'warning' : 'info'} data-testid="norms-warnings">
          {unreachable > 0 ? (
            <Heading level={3} data-size="2xs">
              {t('wheelNorms.warningsHeading', { count: unreachable })}
            </Heading>
          ) : null}
          <ul>
            {warned.flatMap((n) =>
              warningsOf(n).map((w) => (
                <li key={`${n.bodyId}-${w}`} data-body-id={n.bodyId}>
                  {w}
                </li>
              )),
            )}
          </ul>
        </Alert>
      ) : null}
      {rows.length > 0 ? (
        <div className="table-wrap">
          <Table zebra className="table-cards" data-testid="norms-table">
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell>{t('wheelNorms.columns.body')}</Table.HeaderCell>
                <Table.HeaderCell>{t('wheelNorms.columns.norm')}</Table.HeaderCell>
                <Table.HeaderCell>{t('wheelNorms.columns.held')}</Table.HeaderCell>
                <Table.HeaderCell>{t('wheelNorms.columns.planned')}</Table.HeaderCell>
                <Table.HeaderCell>{t('wheelNorms.columns.status')}</Table.HeaderCell>
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {rows.map((n) => (
                <Table.Row key={n.bodyId} data-body-id={n.bodyId} data-status={n.status}>
                  <Table.Cell data-label={t('wheelNorms.columns.body')}>
                    <DsLink asChild>
                      <Link to={`/organer/${n.bodyId}`}>{n.bodyName}</Link>
                    </DsLink>
                  </Table.Cell>
                  <Table.Cell data-label={t('wheelNorms.columns.norm')}>
                    {n.norm === null ? t('wheelNorms.noNorm') : f(n.norm)}
                  </Table.Cell>
                  <Table.Cell data-label={t('wheelNorms.columns.held')}>{f(n.held)}</Table.Cell>
                  <Table.Cell data-label={t('wheelNorms.columns.planned')}>
                    {f(n.planned)}
                  </Table.Cell>
                  <Table.Cell data-label={t('wheelNorms.columns.status')}>
                    <Tag data-color={STATUS_COLOR[n.status]} data-size="sm">
                      {t(`wheelNorms.status.${n.status}`)}
                    </Tag>
                  </Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        </div>
      ) : null}
    </section>
  );
}
