import { Button, Link as DsLink, Paragraph, Table } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useAllOrganisations, usePersons } from './api';
import { canEditOrganisation } from '../../auth/permissions';
import { useMe } from '../../auth/session';
import { FilterSelect, ListResults, SearchBox, useListParams } from '../shared/ListTools';
import { Flash } from '../shared/Flash';
import { PageHeading } from '../shared/PageHeading';

export default function PersonsPage() {
  const { t } = useTranslation();
  const me = useMe();
  const {
    q,
    setQ,
    debouncedQ,
    filter: organisationId,
    setFilter,
    pages,
  } = useListParams('organisation');
  const organisations = useAllOrganisations();
  const list = usePersons({
    q: debouncedQ || undefined,
    organisationId: organisationId || undefined,
    cursor: pages.cursor,
  });
  const orgNames = new Map((organisations.data?.items ?? []).map((o) => [o.id, o.name]));

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
      <Flash />
      <Paragraph>{t('persons.intro')}</Paragraph>
      <div role="search" className="filters" aria-label={t('list.filters')}>
        <SearchBox id="search-persons" label={t('persons.search')} value={q} onChange={setQ} />
        <FilterSelect
          id="filter-organisation"
          label={t('persons.organisation')}
          value={organisationId}
          allLabel={t('persons.allOrganisations')}
          options={(organisations.data?.items ?? []).map((o) => ({ value: o.id, label: o.name }))}
          onChange={setFilter}
        />
      </div>
      <ListResults list={list} pages={pages} empty={t('persons.empty')}>
        {(items) => (
          <div className="table-wrap">
            <Table zebra data-testid="persons" className="table-cards">
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
                {items.map((p) => (
                  <Table.Row key={p.id}>
                    <Table.Cell data-label={t('personForm.name')}>
                      <DsLink asChild>
                        <Link to={`/personer/${p.id}`}>{p.name}</Link>
                      </DsLink>
                    </Table.Cell>
                    <Table.Cell data-label={t('personForm.title')}>
                      {p.title ?? t('list.none')}
                    </Table.Cell>
                    <Table.Cell data-label={t('persons.organisation')}>
                      {p.organisationId
                        ? (orgNames.get(p.organisationId) ?? t('list.none'))
                        : t('list.none')}
                    </Table.Cell>
                    <Table.Cell data-label={t('personForm.email')}>
                      {p.email ?? t('list.none')}
                    </Table.Cell>
                  </Table.Row>
                ))}
              </Table.Body>
            </Table>
          </div>
        )}
      </ListResults>
    </div>
  );
}
