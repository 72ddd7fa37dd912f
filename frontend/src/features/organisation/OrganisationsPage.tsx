import { Button, Link as DsLink, Paragraph, Table, Tag } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useOrganisations } from './api';
import { ORGANISATION_TYPES, type OrganisationType } from './types';
import { canEditOrganisation } from '../../auth/permissions';
import { useMe } from '../../auth/session';
import { FilterSelect, ListResults, SearchBox, useListParams } from '../shared/ListTools';
import { Flash } from '../shared/Flash';
import { PageHeading } from '../shared/PageHeading';

export default function OrganisationsPage() {
  const { t } = useTranslation();
  const me = useMe();
  const { q, setQ, debouncedQ, filter, setFilter, pages } = useListParams('type');
  const type = filter as OrganisationType | '';
  const list = useOrganisations({
    q: debouncedQ || undefined,
    type: type || undefined,
    cursor: pages.cursor,
  });

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
      <Flash />
      <Paragraph>{t('organisations.intro')}</Paragraph>
      <div role="search" className="filters" aria-label={t('list.filters')}>
        <SearchBox
          id="search-organisations"
          label={t('organisations.search')}
          value={q}
          onChange={setQ}
        />
        <FilterSelect
          id="filter-type"
          label={t('organisations.type')}
          value={type}
          allLabel={t('organisations.allTypes')}
          options={ORGANISATION_TYPES.map((ty) => ({ value: ty, label: t(`orgType.${ty}`) }))}
          onChange={setFilter}
        />
      </div>
      <ListResults list={list} pages={pages} empty={t('organisations.empty')}>
        {(items) => (
          <div className="table-wrap">
            <Table zebra data-testid="organisations" className="table-cards">
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
                {items.map((o) => (
                  <Table.Row key={o.id}>
                    <Table.Cell data-label={t('organisationForm.name')}>
                      <DsLink asChild>
                        <Link to={`/organisasjoner/${o.id}`}>{o.name}</Link>
                      </DsLink>
                    </Table.Cell>
                    <Table.Cell data-label={t('organisations.type')}>
                      {t(`orgType.${o.type}`)}
                    </Table.Cell>
                    <Table.Cell data-label={t('organisationForm.organisationNumber')}>
                      {o.organisationNumber ?? t('list.none')}
                    </Table.Cell>
                    <Table.Cell data-label={t('organisations.status')}>
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
      </ListResults>
    </div>
  );
}
