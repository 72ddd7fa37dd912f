import {
  Button,
  Label,
  Link as DsLink,
  Paragraph,
  Search,
  Table,
  Tag,
} from '@digdir/designsystemet-react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { useOrganisations } from '../api/queries';
import { ORGANISATION_TYPES, type OrganisationType } from '../api/types';
import { canEditOrganisation } from '../auth/permissions';
import { useMe } from '../auth/session';
import { useAnnounce } from '../components/Announcer';
import { PageHeading } from '../components/PageHeading';
import { Empty, ErrorState, Loading } from '../components/States';
import { FilterSelect, Pager, useDebounced, useCursorPages } from '../components/ListTools';
import { formatNumber } from '../i18n/format';

export default function OrganisationsPage() {
  const { t, i18n } = useTranslation();
  const me = useMe();
  const announce = useAnnounce();
  const [params, setParams] = useSearchParams();
  const [q, setQ] = useState(params.get('q') ?? '');
  const type = (params.get('type') ?? '') as OrganisationType | '';
  const debouncedQ = useDebounced(q.trim(), 300);
  const pages = useCursorPages(`${debouncedQ}|${type}`);
  const list = useOrganisations({
    q: debouncedQ || undefined,
    type: type || undefined,
    cursor: pages.cursor,
  });

  useEffect(() => {
    const next = new URLSearchParams(params);
    if (debouncedQ) next.set('q', debouncedQ);
    else next.delete('q');
    if (next.toString() !== params.toString()) setParams(next, { replace: true });
  }, [debouncedQ, params, setParams]);

  const total = list.data?.total;
  useEffect(() => {
    if (total !== undefined)
      announce(t('list.results', { count: total, formatted: formatNumber(total, i18n.language) }));
  }, [total, announce, t, i18n.language]);

  return (
    <div className="stack">
      <div className="page-head">
        <PageHeading>{t('organisations.title')}</PageHeading>
        {canEditOrganisation(me) ? (
          <Button asChild>
            <Link to="/organisasjoner/ny">{t('organisations.new')}</Link>
          </Button>
        ) : null}
      </div>
      <Paragraph>{t('organisations.intro')}</Paragraph>
      <div role="search" className="filters" aria-label={t('list.filters')}>
        <div className="search-field">
          <Label htmlFor="search-organisations">{t('organisations.search')}</Label>
          <Search>
            <Search.Input
              id="search-organisations"
              value={q}
              onChange={(e) => setQ(e.target.value)}
            />
            <Search.Clear aria-label={t('list.clearSearch')} onClick={() => setQ('')} />
          </Search>
        </div>
        <FilterSelect
          id="filter-type"
          label={t('organisations.type')}
          value={type}
          allLabel={t('organisations.allTypes')}
          options={ORGANISATION_TYPES.map((ty) => ({ value: ty, label: t(`orgType.${ty}`) }))}
          onChange={(value) => {
            const next = new URLSearchParams(params);
            if (value) next.set('type', value);
            else next.delete('type');
            setParams(next, { replace: true });
          }}
        />
      </div>
      {list.isPending ? <Loading /> : null}
      {list.isError ? <ErrorState error={list.error} onRetry={() => void list.refetch()} /> : null}
      {list.data ? (
        <>
          <Paragraph data-size="sm" className="muted">
            {t('list.results', {
              count: list.data.total,
              formatted: formatNumber(list.data.total, i18n.language),
            })}
          </Paragraph>
          {list.data.items.length === 0 ? (
            <Empty>{t('organisations.empty')}</Empty>
          ) : (
            <div className="table-wrap">
              <Table zebra data-testid="organisations">
                <caption className="sr-only">{t('organisations.title')}</caption>
                <Table.Head>
                  <Table.Row>
                    <Table.HeaderCell>{t('organisationForm.name')}</Table.HeaderCell>
                    <Table.HeaderCell>{t('organisations.type')}</Table.HeaderCell>
                    <Table.HeaderCell>{t('organisationForm.organisationNumber')}</Table.HeaderCell>
                    <Table.HeaderCell>{t('organisations.status')}</Table.HeaderCell>
                  </Table.Row>
                </Table.Head>
                <Table.Body>
                  {list.data.items.map((o) => (
                    <Table.Row key={o.id}>
                      <Table.Cell>
                        <DsLink asChild>
                          <Link to={`/organisasjoner/${o.id}`}>{o.name}</Link>
                        </DsLink>
                      </Table.Cell>
                      <Table.Cell>{t(`orgType.${o.type}`)}</Table.Cell>
                      <Table.Cell>{o.organisationNumber ?? t('list.none')}</Table.Cell>
                      <Table.Cell>
                        <Tag data-color={o.active ? 'success' : 'neutral'} data-size="sm">
                          {o.active ? t('organisations.active') : t('organisations.inactive')}
                        </Tag>
                      </Table.Cell>
                    </Table.Row>
                  ))}
                </Table.Body>
              </Table>
            </div>
          )}
          <Pager pages={pages} nextCursor={list.data.nextCursor} />
        </>
      ) : null}
    </div>
  );
}
