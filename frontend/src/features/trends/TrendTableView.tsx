/** Trends room: one published table for a period — the counts with `:` for suppressed cells,
 * each flagged cell explained, the totals row, and the table's metadata. */
import { Heading, Paragraph, Table } from '@digdir/designsystemet-react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../i18n/format';
import { ErrorState, Loading } from '../shared/States';
import { useAreas } from '../knowledge/api';
import type { Area } from '../knowledge/types';
import { useTrendTable } from './api';
import { pivot, readTable, shown, type TrendCell, type TrendTable } from './body';

/** Area codes and municipality numbers → their names, from the unit's areas. */
export type Names = {
  areas: ReadonlyMap<string, string>;
  municipalities: ReadonlyMap<string, string>;
};

export function namesOf(areas: readonly Area[]): Names {
  return {
    areas: new Map(areas.map((a) => [a.code, a.name])),
    municipalities: new Map(
      areas.filter((a) => a.kind === 'municipality').map((a) => [a.municipalityNumber, a.name]),
    ),
  };
}

export function valueLabel(dimension: string, value: string, t: TFunction, names: Names): string {
  if (dimension === 'category') return t(`trends.category.${value}`, { defaultValue: value });
  if (dimension === 'age_band') return t(`trends.ageBand.${value}`, { defaultValue: value });
  if (dimension === 'municipality')
    return names.municipalities.get(value) ?? t('trends.municipality', { number: value });
  if (dimension === 'area') {
    const rest = /^(\d{4})-rest$/.exec(value);
    if (rest)
      return t('trends.restArea', {
        municipality: names.municipalities.get(rest[1] ?? '') ?? rest[1],
      });
    return names.areas.get(value) ?? value;
  }
  return value;
}

function Value({ cell }: { cell: TrendCell | undefined }) {
  const { t } = useTranslation();
  if (!cell) return null;
  const why = cell.flags.map((f) => t(`trends.flag.${f}`, { defaultValue: f })).join('; ');
  return (
    <>
      <span className={cell.value === null ? 'trend-suppressed' : undefined}>{shown(cell)}</span>
      {why ? <span className="sr-only">{` (${why})`}</span> : null}
    </>
  );
}

function Meta({ table }: { table: TrendTable }) {
  const { t, i18n } = useTranslation();
  const m = table.meta;
  const released = formatDateTime(m.releasedAt, i18n.language);
  return (
    <dl className="facts trend-meta" data-testid="trend-meta">
      <dt>{t('trends.meta.ruleSet')}</dt>
      <dd>{m.ruleSet}</dd>
      <dt>{t('trends.meta.tablesVersion')}</dt>
      <dd>{m.tablesVersion}</dd>
      <dt>{t('trends.meta.vintage')}</dt>
      <dd>{m.populationVintage ?? t('trends.meta.vintageUnknown')}</dd>
      <dt>{t('trends.meta.revision')}</dt>
      <dd>{m.revision}</dd>
      <dt>{t('trends.meta.releasedAt')}</dt>
      <dd>{released}</dd>
    </dl>
  );
}

export function TrendTableBody({
  table,
  name,
  names,
}: {
  table: TrendTable;
  name: string;
  names: Names;
}) {
  const { t } = useTranslation();
  const p = pivot(table);
  const twoDims = table.dimensions.length > 1;
  const rowDim = twoDims ? (table.dimensions[1] ?? '') : (table.dimensions[0] ?? 'municipality');
  if (p.rows.length === 0) return <Paragraph>{t('trends.noCells')}</Paragraph>;
  return (
    <Table data-size="sm" data-testid="trend-table" className="trend-table">
      <caption>{t('trends.caption', { table: name, period: table.meta.period })}</caption>
      <Table.Head>
        <Table.Row>
          <Table.HeaderCell>
            {t(`trends.dimension.${rowDim}`, { defaultValue: rowDim })}
          </Table.HeaderCell>
          {p.columns.map((c) => (
            <Table.HeaderCell key={c}>
              {twoDims ? valueLabel('municipality', c, t, names) : t('trends.count')}
            </Table.HeaderCell>
          ))}
        </Table.Row>
      </Table.Head>
      <Table.Body>
        {p.rows.map((r) => (
          <Table.Row key={r}>
            <Table.HeaderCell scope="row">{valueLabel(rowDim, r, t, names)}</Table.HeaderCell>
            {p.columns.map((c) => (
              <Table.Cell key={c} className="num">
                <Value cell={p.cell(r, c)} />
              </Table.Cell>
            ))}
          </Table.Row>
        ))}
        {twoDims ? (
          <Table.Row className="trend-total">
            <Table.HeaderCell scope="row">{t('trends.total')}</Table.HeaderCell>
            {p.columns.map((c) => (
              <Table.Cell key={c} className="num">
                <Value cell={p.total(c)} />
              </Table.Cell>
            ))}
          </Table.Row>
        ) : null}
      </Table.Body>
    </Table>
  );
}

export function TrendTableView({ code, period }: { code: string; period: string }) {
  const { t } = useTranslation();
  const q = useTrendTable(code, period);
  const areas = useAreas();
  const names = namesOf(areas.data ?? []);
  const name = t(`trends.table.${code}`, { defaultValue: code });
  const headingId = `trend-${code}`;
  let body;
  if (q.isPending) body = <Loading />;
  else if (q.isError) body = <ErrorState error={q.error} onRetry={() => void q.refetch()} />;
  else {
    const table = readTable(q.data);
    body = (
      <>
        <TrendTableBody table={table} name={name} names={names} />
        <details open className="trend-details">
          <summary>{t('trends.meta.title')}</summary>
          <Meta table={table} />
        </details>
      </>
    );
  }
  return (
    <section className="stack" aria-labelledby={headingId} data-testid={`trend-${code}`}>
      <Heading level={3} data-size="xs" id={headingId}>
        {name}
      </Heading>
      {body}
    </section>
  );
}
