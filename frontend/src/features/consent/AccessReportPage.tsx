/** Consent room: "Hvem har sett opplysningene mine?" — every logged access to the case's subject
 * data (time, person, organisation, action, legal basis), printable for an access request. */
import { Button, Paragraph, Table } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import { intlLocale } from '../../i18n';
import { ErrorState, Loading } from '../shared/States';
import { useAccessReport } from './api';
import { CaseFrame } from './CaseFrame';
import type { AccessRow, CaseFacts } from './types';
import './consent.css';

function Report({ facts }: { facts: CaseFacts }) {
  const { t, i18n } = useTranslation();
  const report = useAccessReport(facts.id);
  const time = (iso: string) =>
    new Intl.DateTimeFormat(intlLocale(i18n.language), {
      dateStyle: 'short',
      timeStyle: 'medium',
    }).format(new Date(iso));
  const basis = (r: AccessRow) => {
    if (r.decision === 'deny')
      return t('consent.report.denied', {
        reason: t(`consent.deny.${r.denyReason ?? 'other'}`, { defaultValue: r.denyReason ?? '' }),
      });
    const basis = r.basis ? t(`consent.basis.${r.basis}`, { defaultValue: r.basis }) : '–';
    return r.breakGlass ? `${basis} · ${t('consent.report.breakGlass')}` : basis;
  };
  if (report.isPending) return <Loading />;
  if (report.isError)
    return <ErrorState error={report.error} onRetry={() => void report.refetch()} />;
  const rows = report.data.rows;
  return (
    <>
      <Paragraph>{t('consent.report.intro')}</Paragraph>
      <div className="no-print">
        <Button variant="secondary" onClick={() => window.print()}>
          {t('consent.report.print')}
        </Button>
      </div>
      {rows.length === 0 ? (
        <Paragraph>{t('consent.report.empty')}</Paragraph>
      ) : (
        <div className="table-wrap">
          <Table zebra className="table-cards" data-testid="access-report">
            <caption>{t('consent.report.caption', { count: rows.length })}</caption>
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell>{t('consent.report.at')}</Table.HeaderCell>
                <Table.HeaderCell>{t('consent.report.person')}</Table.HeaderCell>
                <Table.HeaderCell>{t('consent.report.organisation')}</Table.HeaderCell>
                <Table.HeaderCell>{t('consent.report.action')}</Table.HeaderCell>
                <Table.HeaderCell>{t('consent.report.basis')}</Table.HeaderCell>
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {rows.map((r, i) => (
                <Table.Row key={i} data-testid="access-row">
                  <Table.Cell data-label={t('consent.report.at')}>{time(r.at)}</Table.Cell>
                  <Table.Cell data-label={t('consent.report.person')}>
                    {r.actorName ?? t('consent.report.unknown')}
                  </Table.Cell>
                  <Table.Cell data-label={t('consent.report.organisation')}>
                    {r.actorOrganisationName ?? '–'}
                  </Table.Cell>
                  <Table.Cell data-label={t('consent.report.action')}>
                    {t(`consent.accessAction.${r.action}`, { defaultValue: r.action })}
                    {r.category ? ` · ${t(`consent.category.${r.category}`)}` : ''}
                  </Table.Cell>
                  <Table.Cell data-label={t('consent.report.basis')}>{basis(r)}</Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        </div>
      )}
    </>
  );
}

export default function AccessReportPage() {
  return <CaseFrame tab="log">{(facts) => <Report facts={facts} />}</CaseFrame>;
}
