import { Heading, Table } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import { scopeKey, useAccessChanges, type AccessChange } from './api';
import { Empty, ErrorState, Loading } from '../shared/States';
import { formatDateTime, TableScroll } from './shared';

function useDescribe() {
  const { t } = useTranslation();
  return (c: AccessChange): string => {
    const target = c.targetName ?? c.organisationNumber ?? t('access.unlinked');
    const what = t(`access.action.${c.action}`, { target });
    const terms = [
      ...c.roles.map((r) => t(`role.${r}`, { defaultValue: r })),
      ...c.scopes.map((s) => t(scopeKey(s), { defaultValue: s })),
    ];
    return terms.length > 0 ? `${what} (${terms.join(', ')})` : what;
  };
}

export function ChangeLog() {
  const { t, i18n } = useTranslation();
  const changes = useAccessChanges();
  const describe = useDescribe();
  return (
    <section aria-labelledby="log-heading" className="stack">
      <Heading level={2} data-size="sm" id="log-heading">
        {t('access.logHeading')}
      </Heading>
      {changes.isPending ? <Loading /> : null}
      {changes.isError ? (
        <ErrorState error={changes.error} onRetry={() => void changes.refetch()} />
      ) : null}
      {changes.data?.length === 0 ? <Empty>{t('access.logEmpty')}</Empty> : null}
      {changes.data && changes.data.length > 0 ? (
        <TableScroll labelledBy="log-heading">
          <Table data-testid="access-log">
            <caption className="sr-only">{t('access.logCaption')}</caption>
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell>{t('access.when')}</Table.HeaderCell>
                <Table.HeaderCell>{t('access.who')}</Table.HeaderCell>
                <Table.HeaderCell>{t('access.what')}</Table.HeaderCell>
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {changes.data.map((c) => (
                <Table.Row key={c.id}>
                  <Table.Cell>{formatDateTime(c.at, i18n.language)}</Table.Cell>
                  <Table.Cell>{c.actorName || t('access.someone')}</Table.Cell>
                  <Table.Cell>{describe(c)}</Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        </TableScroll>
      ) : null}
    </section>
  );
}
