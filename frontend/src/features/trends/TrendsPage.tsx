/** Trends room: "Trender" — the unit's published TREND-A tables for a released period (`:` for
 * suppressed, a legend, metadata); a coordinator or unit admin also publishes a period and reads
 * the pull log. For the police contact, coordinator, unit admin and steering reader. */
import { Field, Heading, Label, List, Paragraph, Select } from '@digdir/designsystemet-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMe } from '../../auth/session';
import { useAreas } from '../knowledge/api';
import { KnowledgeNav } from '../knowledge/KnowledgeNav';
import { canManageKnowledge, canReadTrends } from '../knowledge/permissions';
import { PageHeading } from '../shared/PageHeading';
import { Empty, ErrorState, Loading } from '../shared/States';
import { useReleases, useTrendCatalogue } from './api';
import { PullLog } from './PullLog';
import { AuditSummary, ReleasePanel } from './ReleasePanel';
import { dimensionsOf, periodsOf, releasesOf, tablesOf, type ReleaseRow } from './releases';
import { Revisions } from './Revisions';
import { namesOf, TrendTableView } from './TrendTableView';
import '../knowledge/knowledge.css';

const HALF_YEAR_TABLES = ['offences-by-category', 'offences-by-age', 'offences-by-area'];
const YEAR_TABLES = ['child-welfare-concerns', 'substance-treatment'];

/** The tables released for a period: as the release lists them, else those of its grain. */
export function tablesFor(period: string, release: ReleaseRow | undefined, catalogue: string[]) {
  if (release && release.tables.length > 0) return release.tables;
  const grain = period.includes('H') ? HALF_YEAR_TABLES : YEAR_TABLES;
  const known = catalogue.length ? catalogue : [...HALF_YEAR_TABLES, ...YEAR_TABLES];
  return known.filter((t) => grain.includes(t));
}

function Legend() {
  const { t } = useTranslation();
  return (
    <section
      className="trend-legend"
      aria-labelledby="trend-legend-heading"
      data-testid="trend-legend"
    >
      <Heading level={2} data-size="2xs" id="trend-legend-heading">
        {t('trends.legend.title')}
      </Heading>
      <List.Unordered>
        <List.Item>{t('trends.legend.suppressed')}</List.Item>
        <List.Item>{t('trends.legend.rounding')}</List.Item>
        <List.Item>{t('trends.legend.zero')}</List.Item>
        <List.Item>{t('trends.legend.series')}</List.Item>
      </List.Unordered>
    </section>
  );
}

function Published({ chosen, onChoose }: { chosen: string; onChoose: (p: string) => void }) {
  const { t } = useTranslation();
  const releases = useReleases();
  const catalogue = useTrendCatalogue();
  const areas = useAreas();
  if (releases.isPending || catalogue.isPending) return <Loading />;
  if (releases.isError)
    return <ErrorState error={releases.error} onRetry={() => void releases.refetch()} />;
  if (catalogue.isError)
    return <ErrorState error={catalogue.error} onRetry={() => void catalogue.refetch()} />;
  const rows = releasesOf(releases.data);
  const periods = periodsOf(rows);
  if (periods.length === 0) return <Empty>{t('trends.noReleases')}</Empty>;
  const period = periods.includes(chosen) ? chosen : (periods[0] ?? '');
  const ofPeriod = rows.filter((r) => r.period === period);
  const latest = [...ofPeriod].sort((a, b) => b.revision - a.revision)[0];
  const tables = tablesFor(period, latest, tablesOf(catalogue.data));
  return (
    <div className="stack">
      <Field>
        <Label htmlFor="trend-period">{t('trends.period')}</Label>
        <Select id="trend-period" value={period} onChange={(e) => onChoose(e.target.value)}>
          {periods.map((p) => (
            <Select.Option key={p} value={p}>
              {p}
            </Select.Option>
          ))}
        </Select>
      </Field>
      <Legend />
      {tables.map((code) => (
        <TrendTableView key={`${code}-${period}`} code={code} period={period} />
      ))}
      {latest ? (
        <details className="trend-details">
          <summary>{t('trends.releases.audit')}</summary>
          <AuditSummary release={latest} />
        </details>
      ) : null}
      <Revisions
        rows={ofPeriod}
        dimensions={dimensionsOf(catalogue.data)}
        names={namesOf(areas.data ?? [])}
      />
    </div>
  );
}

export default function TrendsPage() {
  const { t } = useTranslation();
  const me = useMe();
  const [period, setPeriod] = useState('');
  if (!canReadTrends(me))
    return (
      <div className="stack">
        <KnowledgeNav />
        <PageHeading>{t('trends.title')}</PageHeading>
        <Paragraph data-testid="trends-not-allowed">{t('trends.notAllowed')}</Paragraph>
      </div>
    );
  const manager = canManageKnowledge(me);
  return (
    <div className="stack">
      <KnowledgeNav />
      <PageHeading>{t('trends.title')}</PageHeading>
      <Paragraph>{t('trends.intro')}</Paragraph>
      <section className="stack" aria-labelledby="trend-tables-heading">
        <Heading level={2} data-size="sm" id="trend-tables-heading">
          {t('trends.releases.title')}
        </Heading>
        <Published chosen={period} onChoose={setPeriod} />
      </section>
      {manager ? <ReleasePanel onReleased={setPeriod} /> : null}
      {manager ? <PullLog /> : null}
    </div>
  );
}
