import {
  Button,
  Label,
  Link as DsLink,
  Paragraph,
  Search,
  Table,
} from '@digdir/designsystemet-react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { useAllOrganisations, usePersons } from '../api/queries';
import { canEditOrganisation } from '../auth/permissions';
import { useMe } from '../auth/session';
import { useAnnounce } from '../components/Announcer';
import { FilterSelect, Pager, useCursorPages, useDebounced } from '../components/ListTools';
import { PageHeading } from '../components/PageHeading';
import { Empty, ErrorState, Loading } from '../components/States';
import { formatNumber } from '../i18n/format';

export default function PersonsPage() {
  const { t, i18n } = useTranslation();
  const me = useMe();
  const announce = useAnnounce();
  const [params, setParams] = useSearchParams();
  const [q, setQ] = useState(params.get('q') ?? '');
  const organisationId = params.get('organisation') ?? '';
  const debouncedQ = useDebounced(q.trim(), 300);
  const pages = useCursorPages(`${debouncedQ}|${organisationId}`);
  const organisations = useAllOrganisations();
  const list = usePersons({
    q: debouncedQ || undefined,
    organisationId: organisationId || undefined,
    cursor: pages.cursor,
  });
  const orgNames = new Map((organisations.data?.items ?? []).map((o) => [o.id, o.name]));

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
        <PageHeading>{t('persons.title')}</PageHeading>
        {canEditOrganisation(me) ? (
          <Button asChild>
            <Link to="/personer/ny">{t('persons.new')}</Link>
          </Button>
        ) : null}
      </div>
      <Paragraph>{t('persons.intro')}</Paragraph>
      <div role="search" className="filters" aria-label={t('list.filters')}>
        <div className="search-field">
          <Label htmlFor="search-persons">{t('persons.search')}</Label>
          <Search>
            <Search.Input id="search-persons" value={q} onChange={(e) => setQ(e.target.value)} />
            <Search.Clear aria-label={t('list.clearSearch')} onClick={() => setQ('')} />
          </Search>
        </div>
        <FilterSelect
          id="filter-organisation"
          label={t('persons.organisation')}
          value={organisationId}
          allLabel={t('persons.allOrganisations')}
          options={(organisations.data?.items ?? []).map((o) => ({ value: o.id, label: o.name }))}
          onChange={(value) => {
            const next = new URLSearchParams(params);
            if (value) next.set('organisation', value);
            else next.delete('organisation');
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
            <Empty>{t('persons.empty')}</Empty>
          ) : (
            <div className="table-wrap">
              <Table zebra data-testid="persons">
                <caption className="sr-only">{t('persons.title')}</caption>
                <Table.Head>
                  <Table.Row>
                    <Table.HeaderCell>{t('personForm.name')}</Table.HeaderCell>
                    <Table.HeaderCell>{t('personForm.title')}</Table.HeaderCell>
                    <Table.HeaderCell>{t('persons.organisation')}</Table.HeaderCell>
                    <Table.HeaderCell>{t('personForm.email')}</Table.HeaderCell>
                  </Table.Row>
                </Table.Head>
                <Table.Body>
                  {list.data.items.map((p) => (
                    <Table.Row key={p.id}>
                      <Table.Cell>
                        <DsLink asChild>
                          <Link to={`/personer/${p.id}`}>{p.name}</Link>
                        </DsLink>
                      </Table.Cell>
                      <Table.Cell>{p.title ?? t('list.none')}</Table.Cell>
                      <Table.Cell>
                        {p.organisationId
                          ? (orgNames.get(p.organisationId) ?? t('list.none'))
                          : t('list.none')}
                      </Table.Cell>
                      <Table.Cell>{p.email ?? t('list.none')}</Table.Cell>
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
