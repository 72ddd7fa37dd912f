/** Knowledge room: one series of the picture — its chart, its data table (always shown) and, beside
 * them, the measures that target the indicator's factors (the logic model). */
import { Heading, Link as DsLink, List, Paragraph, Table } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatNumber } from '../../../i18n/format';
import type { MeasureRef, Series } from '../types';
import { formatValue } from './format';
import { LineChart } from './LineChart';

/** The measures for the indicator's factors, each once, in the order the factors come. */
export function measuresFor(
  factors: readonly string[],
  byFactor: Readonly<Record<string, readonly MeasureRef[]>>,
): MeasureRef[] {
  const seen = new Set<string>();
  const out: MeasureRef[] = [];
  for (const f of factors)
    for (const m of byFactor[f] ?? [])
      if (!seen.has(m.id)) {
        seen.add(m.id);
        out.push(m);
      }
  return out;
}

function Measures({
  series,
  byFactor,
}: {
  series: Series;
  byFactor: Record<string, MeasureRef[]>;
}) {
  const { t } = useTranslation();
  const factors = series.indicator.factors;
  const measures = measuresFor(factors, byFactor);
  const headingId = `measures-${series.indicator.code}-${series.area.code}-${series.cohort}-${series.gender}`;
  return (
    <aside className="series-measures" aria-labelledby={headingId} data-testid="series-measures">
      <Heading level={4} data-size="2xs" id={headingId}>
        {t('knowledge.picture.measures')}
      </Heading>
      {factors.length === 0 ? (
        <Paragraph data-size="sm">{t('knowledge.picture.noFactors')}</Paragraph>
      ) : (
        <Paragraph data-size="sm">
          {t('knowledge.picture.factorsOf', {
            factors: factors.map((f) => t(`measures.factor.${f}`, { defaultValue: f })).join(', '),
          })}
        </Paragraph>
      )}
      {measures.length === 0 ? (
        factors.length > 0 ? (
          <Paragraph data-size="sm">{t('knowledge.picture.measuresNone')}</Paragraph>
        ) : null
      ) : (
        <List.Unordered>
          {measures.map((m) => (
            <List.Item key={m.id}>
              <DsLink asChild>
                <Link to={`/tiltak/${m.id}`}>{m.title}</Link>
              </DsLink>{' '}
              <span className="muted">
                (
                {t('knowledge.picture.stage', {
                  stage: t(`measures.stage.${m.stage}`, { defaultValue: m.stage }),
                })}
                )
              </span>
            </List.Item>
          ))}
        </List.Unordered>
      )}
    </aside>
  );
}

export function SeriesCard({
  series,
  byFactor,
}: {
  series: Series;
  byFactor: Record<string, MeasureRef[]>;
}) {
  const { t, i18n } = useTranslation();
  const ind = series.indicator;
  const name = t('knowledge.picture.series', {
    indicator: ind.name,
    area: series.area.name,
    cohort: t(`knowledge.cohort.${series.cohort}`, { defaultValue: series.cohort }),
    gender: t(`knowledge.gender.${series.gender}`, { defaultValue: series.gender }),
  });
  const points = series.points.map((p) => ({ label: p.period, value: Number(p.value) }));
  const n = (v: number | null) => (v === null ? '–' : formatNumber(v, i18n.language));
  return (
    <article className="series-card" data-testid="series" aria-label={name}>
      <Heading level={3} data-size="xs">
        {name}
      </Heading>
      <div className="series-body">
        <div className="series-main">
          <LineChart points={points} indicator={ind.name} unit={ind.measureUnit} />
          <details open className="series-table">
            <summary>{t('knowledge.picture.tableCaption', { indicator: ind.name })}</summary>
            <Table data-size="sm" data-testid="series-table">
              <caption className="sr-only">
                {t('knowledge.picture.tableCaption', { indicator: name })}
              </caption>
              <Table.Head>
                <Table.Row>
                  <Table.HeaderCell>{t('knowledge.picture.period')}</Table.HeaderCell>
                  <Table.HeaderCell>{t('knowledge.picture.value')}</Table.HeaderCell>
                  <Table.HeaderCell>{t('knowledge.picture.count')}</Table.HeaderCell>
                  <Table.HeaderCell>{t('knowledge.picture.denominator')}</Table.HeaderCell>
                </Table.Row>
              </Table.Head>
              <Table.Body>
                {series.points.map((p) => (
                  <Table.Row key={p.period}>
                    <Table.HeaderCell scope="row">{p.period}</Table.HeaderCell>
                    <Table.Cell>
                      {formatValue(Number(p.value), ind.measureUnit, i18n.language)}
                    </Table.Cell>
                    <Table.Cell>{n(p.count)}</Table.Cell>
                    <Table.Cell>{n(p.denominator)}</Table.Cell>
                  </Table.Row>
                ))}
              </Table.Body>
            </Table>
          </details>
        </div>
        <Measures series={series} byFactor={byFactor} />
      </div>
    </article>
  );
}
