/** Knowledge room: "Indikatorer" — the unit's indicator definitions by code, filtered by category. */
import { Button, Link as DsLink, Paragraph, Table } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { useMe } from '../../auth/session';
import { Flash } from '../shared/Flash';
import { FilterSelect } from '../shared/ListTools';
import { PageHeading } from '../shared/PageHeading';
import { Empty, ErrorState, Loading } from '../shared/States';
import { useIndicators } from './api';
import { KnowledgeNav } from './KnowledgeNav';
import { canManageKnowledge } from './permissions';
import type { Indicator } from './types';
import { CATEGORIES } from './vocab';
import './knowledge.css';

function IndicatorTable({ items }: { items: Indicator[] }) {
  const { t } = useTranslation();
  return (
    <Table data-testid="indicators">
      <Table.Head>
        <Table.Row>
          <Table.HeaderCell>{t('knowledge.indicators.name')}</Table.HeaderCell>
          <Table.HeaderCell>{t('knowledge.indicators.code')}</Table.HeaderCell>
          <Table.HeaderCell>{t('knowledge.indicators.categoryLabel')}</Table.HeaderCell>
          <Table.HeaderCell>{t('knowledge.indicators.sourceLabel')}</Table.HeaderCell>
          <Table.HeaderCell>{t('knowledge.indicators.unitLabel')}</Table.HeaderCell>
          <Table.HeaderCell>{t('knowledge.indicators.factors')}</Table.HeaderCell>
        </Table.Row>
      </Table.Head>
      <Table.Body>
        {items.map((i) => (
          <Table.Row key={i.id}>
            <Table.Cell>
              <DsLink asChild>
                <Link to={`/kunnskap/indikatorer/${i.id}`}>{i.name}</Link>
              </DsLink>
            </Table.Cell>
            <Table.Cell>
              <code>{i.code}</code>
            </Table.Cell>
            <Table.Cell>{t(`knowledge.category.${i.category}`)}</Table.Cell>
            <Table.Cell>{t(`knowledge.source.${i.source}`)}</Table.Cell>
            <Table.Cell>{t(`knowledge.measureUnit.${i.measureUnit}`)}</Table.Cell>
            <Table.Cell>
              {i.factors.length
                ? i.factors.map((f) => t(`measures.factor.${f}`, { defaultValue: f })).join(', ')
                : t('knowledge.indicators.noFactors')}
            </Table.Cell>
          </Table.Row>
        ))}
      </Table.Body>
    </Table>
  );
}

export default function IndicatorsPage() {
  const { t } = useTranslation();
  const me = useMe();
  const [params, setParams] = useSearchParams();
  const category = params.get('kategori') ?? '';
  const list = useIndicators(category);
  return (
    <div className="stack">
      <KnowledgeNav />
      <div className="page-head">
        <PageHeading>{t('knowledge.indicators.title')}</PageHeading>
        {canManageKnowledge(me) ? (
          <Button asChild>
            <Link to="/kunnskap/indikatorer/ny">{t('knowledge.indicators.new')}</Link>
          </Button>
        ) : null}
      </div>
      <Flash />
      <Paragraph>{t('knowledge.indicators.intro')}</Paragraph>
      <div role="search" className="filters" aria-label={t('list.filters')}>
        <FilterSelect
          id="filter-indicator-category"
          label={t('knowledge.indicators.categoryFilter')}
          value={category}
          allLabel={t('knowledge.indicators.allCategories')}
          options={CATEGORIES.map((c) => ({ value: c, label: t(`knowledge.category.${c}`) }))}
          onChange={(v) => setParams(v ? { kategori: v } : {}, { replace: true })}
        />
      </div>
      {list.isPending ? <Loading /> : null}
      {list.isError ? <ErrorState error={list.error} onRetry={() => void list.refetch()} /> : null}
      {list.data ? (
        list.data.items.length === 0 ? (
          <Empty>{t('knowledge.indicators.empty')}</Empty>
        ) : (
          <IndicatorTable items={list.data.items} />
        )
      ) : null}
    </div>
  );
}
