/** Trends room: the revisions of a released period, newest first — when and by whom each was
 * published and, from the second on, which published cells changed (the release's change log),
 * so a reader of the tables can see that and how a re-release moved them. */
import { Heading, Paragraph, Table } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import { formatDateTime, formatNumber } from '../../i18n/format';
import type { CellChange, ReleaseRow } from './releases';
import { valueLabel, type Names } from './TrendTableView';

/** More would make the page a report; the tables themselves show every value. */
const SHOWN = 100;

function Change({
  change,
  dimensions,
  names,
}: {
  change: CellChange;
  dimensions: readonly string[];
  names: Names;
}) {
  const { t, i18n } = useTranslation();
  const value = (v: number | null, absent: boolean) =>
    absent ? '–' : v === null ? ':' : formatNumber(v, i18n.language);
  const cell = change.dims.map((v, i) => valueLabel(dimensions[i] ?? '', v, t, names)).join(' · ');
  return (
    <Table.Row>
      <Table.Cell>{t(`trends.table.${change.table}`, { defaultValue: change.table })}</Table.Cell>
      <Table.Cell>{cell}</Table.Cell>
      <Table.Cell>{value(change.old, change.added)}</Table.Cell>
      <Table.Cell>{value(change.new, change.removed)}</Table.Cell>
    </Table.Row>
  );
}

function Revision({
  row,
  dimensions,
  names,
}: {
  row: ReleaseRow;
  dimensions: ReadonlyMap<string, string[]>;
  names: Names;
}) {
  const { t, i18n } = useTranslation();
  const when = formatDateTime(row.releasedAt, i18n.language);
  const shown = row.changes.slice(0, SHOWN);
  return (
    <li className="stack" data-testid={`revision-${row.revision}`}>
      <Heading level={4} data-size="2xs">
        {t('trends.revisions.heading', { revision: row.revision, when, by: row.releasedBy })}
      </Heading>
      {row.revision === 1 ? (
        <Paragraph data-size="sm">{t('trends.revisions.first')}</Paragraph>
      ) : row.changes.length === 0 ? (
        <Paragraph data-size="sm">{t('trends.revisions.none')}</Paragraph>
      ) : (
        <Table data-size="sm">
          <caption>
            {shown.length < row.changes.length
              ? t('trends.revisions.changedSome', {
                  count: formatNumber(row.changes.length, i18n.language),
                  shown: shown.length,
                })
              : t('trends.revisions.changed', {
                  count: formatNumber(row.changes.length, i18n.language),
                })}
          </caption>
          <Table.Head>
            <Table.Row>
              <Table.HeaderCell>{t('trends.revisions.table')}</Table.HeaderCell>
              <Table.HeaderCell>{t('trends.revisions.cell')}</Table.HeaderCell>
              <Table.HeaderCell>{t('trends.revisions.before')}</Table.HeaderCell>
              <Table.HeaderCell>{t('trends.revisions.after')}</Table.HeaderCell>
            </Table.Row>
          </Table.Head>
          <Table.Body>
            {shown.map((c) => (
              <Change
                key={`${c.table}|${c.dims.join('|')}`}
                change={c}
                dimensions={dimensions.get(c.table) ?? []}
                names={names}
              />
            ))}
          </Table.Body>
        </Table>
      )}
    </li>
  );
}

export function Revisions({
  rows,
  dimensions,
  names,
}: {
  rows: readonly ReleaseRow[];
  dimensions: ReadonlyMap<string, string[]>;
  names: Names;
}) {
  const { t } = useTranslation();
  const newest = [...rows].sort((a, b) => b.revision - a.revision);
  return (
    <details className="trend-details" data-testid="trend-revisions">
      <summary>{t('trends.revisions.title', { count: newest.length })}</summary>
      <ol className="stack trend-revisions">
        {newest.map((r) => (
          <Revision key={r.revision} row={r} dimensions={dimensions} names={names} />
        ))}
      </ol>
    </details>
  );
}
