/** Agreements room: the unit's agreements by expiry, with their status and signed document. */
import { Button, Link as DsLink, Paragraph, Table } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { canEditOrganisation } from '../../auth/permissions';
import { useMe } from '../../auth/session';
import { Flash } from '../shared/Flash';
import { FilterSelect, ListResults, SearchBox, useListParams } from '../shared/ListTools';
import { PageHeading } from '../shared/PageHeading';
import { documentUrl, useAgreements, useParties } from './api';
import { StatusTag } from './StatusTag';
import { AGREEMENT_STATUSES, type AgreementStatus } from './types';

export default function AgreementsPage() {
  const { t, i18n } = useTranslation();
  const me = useMe();
  const { q, setQ, debouncedQ, filter, setFilter, pages } = useListParams('status');
  const status = filter as AgreementStatus | '';
  const list = useAgreements({
    q: debouncedQ || undefined,
    status: status || undefined,
    cursor: pages.cursor,
  });
  const parties = useParties();
  const names = new Map((parties.data?.items ?? []).map((o) => [o.id, o.name]));
  const day = (iso: string) => new Date(`${iso}T12:00:00`).toLocaleDateString(i18n.language);

  return (
    <div className="stack">
      <div className="page-head">
        <PageHeading>{t('agreements.title')}</PageHeading>
        {canEditOrganisation(me) ? (
          <Button asChild>
            <Link to="/avtaler/ny">{t('agreements.new')}</Link>
          </Button>
        ) : null}
      </div>
      <Flash />
      <Paragraph>{t('agreements.intro')}</Paragraph>
      <div role="search" className="filters" aria-label={t('list.filters')}>
        <SearchBox
          id="search-agreements"
          label={t('agreements.search')}
          value={q}
          onChange={setQ}
        />
        <FilterSelect
          id="filter-status"
          label={t('agreements.statusLabel')}
          value={status}
          allLabel={t('agreements.allStatuses')}
          options={AGREEMENT_STATUSES.map((s) => ({
            value: s,
            label: t(`agreements.status.${s}`),
          }))}
          onChange={setFilter}
        />
      </div>
      <ListResults list={list} pages={pages} empty={t('agreements.empty')}>
        {(items) => (
          <div className="table-wrap">
            <Table zebra data-testid="agreements" className="table-cards">
              <caption className="sr-only">{t('agreements.title')}</caption>
              <Table.Head>
                <Table.Row>
                  <Table.HeaderCell>{t('agreements.titleLabel')}</Table.HeaderCell>
                  <Table.HeaderCell>{t('agreements.parties')}</Table.HeaderCell>
                  <Table.HeaderCell>{t('agreements.validUntil')}</Table.HeaderCell>
                  <Table.HeaderCell>{t('agreements.reviewOn')}</Table.HeaderCell>
                  <Table.HeaderCell>{t('agreements.statusLabel')}</Table.HeaderCell>
                  <Table.HeaderCell>{t('agreements.document')}</Table.HeaderCell>
                </Table.Row>
              </Table.Head>
              <Table.Body>
                {items.map((a) => (
                  <Table.Row key={a.id}>
                    <Table.Cell data-label={t('agreements.titleLabel')}>
                      <DsLink asChild>
                        <Link to={`/avtaler/${a.id}`}>{a.title}</Link>
                      </DsLink>
                      <div className="muted">{t(`agreements.kind.${a.kind}`)}</div>
                    </Table.Cell>
                    <Table.Cell data-label={t('agreements.parties')}>
                      {a.partyIds
                        .map((id) => names.get(id) ?? t('agreements.unknownParty'))
                        .join(', ')}
                    </Table.Cell>
                    <Table.Cell data-label={t('agreements.validUntil')}>
                      {day(a.validUntil)}
                    </Table.Cell>
                    <Table.Cell data-label={t('agreements.reviewOn')}>{day(a.reviewOn)}</Table.Cell>
                    <Table.Cell data-label={t('agreements.statusLabel')}>
                      <StatusTag status={a.status} />
                    </Table.Cell>
                    <Table.Cell data-label={t('agreements.document')}>
                      {a.document ? (
                        <DsLink href={documentUrl(a.id)} download={a.document.filename}>
                          {t('agreements.download')}
                        </DsLink>
                      ) : (
                        t('agreements.noDocument')
                      )}
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
