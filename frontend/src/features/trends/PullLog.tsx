/** Trends room: the unit's pull log — who fetched which table, period and revision, and how many
 * cells left the unit (coordinator and unit admin). */
import { Heading, Paragraph, Table } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../i18n/format';
import { Empty, ErrorState, Loading } from '../shared/States';
import { usePulls } from './api';
import { pullsOf } from './releases';

export function PullLog() {
  const { t, i18n } = useTranslation();
  const q = usePulls(true);
  let body;
  if (q.isPending) body = <Loading />;
  else if (q.isError) body = <ErrorState error={q.error} onRetry={() => void q.refetch()} />;
  else {
    const rows = pullsOf(q.data);
    body =
      rows.length === 0 ? (
        <Empty>{t('trends.pulls.empty')}</Empty>
      ) : (
        <Table data-size="sm" data-testid="pull-log">
          <Table.Head>
            <Table.Row>
              <Table.HeaderCell>{t('trends.pulls.when')}</Table.HeaderCell>
              <Table.HeaderCell>{t('trends.pulls.who')}</Table.HeaderCell>
              <Table.HeaderCell>{t('trends.pulls.table')}</Table.HeaderCell>
              <Table.HeaderCell>{t('trends.pulls.period')}</Table.HeaderCell>
              <Table.HeaderCell>{t('trends.pulls.revision')}</Table.HeaderCell>
              <Table.HeaderCell>{t('trends.pulls.format')}</Table.HeaderCell>
              <Table.HeaderCell>{t('trends.pulls.cells')}</Table.HeaderCell>
            </Table.Row>
          </Table.Head>
          <Table.Body>
            {rows.map((r, i) => (
              <Table.Row key={`${r.at}-${i}`}>
                <Table.Cell>{formatDateTime(r.at, i18n.language)}</Table.Cell>
                <Table.Cell>{r.who}</Table.Cell>
                <Table.Cell>{t(`trends.table.${r.table}`, { defaultValue: r.table })}</Table.Cell>
                <Table.Cell>{r.period}</Table.Cell>
                <Table.Cell>{r.revision}</Table.Cell>
                <Table.Cell>{r.format.toUpperCase()}</Table.Cell>
                <Table.Cell>{r.cells}</Table.Cell>
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
      );
  }
  return (
    <section className="stack" aria-labelledby="trend-pulls-heading">
      <Heading level={2} data-size="sm" id="trend-pulls-heading">
        {t('trends.pulls.title')}
      </Heading>
      <Paragraph>{t('trends.pulls.intro')}</Paragraph>
      {body}
    </section>
  );
}
