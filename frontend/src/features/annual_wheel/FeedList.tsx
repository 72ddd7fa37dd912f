/** Annual wheel room: the feed links made so far (without their tokens), each revocable. */
import { Button, Paragraph, Table, Tag } from '@digdir/designsystemet-react';
import { useQueries } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { $api } from '../../api/query';
import { ApiError, problemText } from '../../api/problem';
import { formatDate } from '../../i18n/format';
import { useAnnounce } from '../shared/Announcer';
import { Empty, Loading } from '../shared/States';
import { useRevokeFeed } from './api';
import type { FeedScope, FeedToken } from './types';

export interface Subject {
  scope: FeedScope;
  id: string;
}

function RevokeFeed({ token, what }: { token: FeedToken; what: string }) {
  const { t } = useTranslation();
  const announce = useAnnounce();
  const revoke = useRevokeFeed();
  const [asking, setAsking] = useState(false);
  const [error, setError] = useState<string | undefined>();
  if (!asking) {
    return (
      <Button
        variant="tertiary"
        data-size="sm"
        data-color="danger"
        aria-label={t('wheelFeeds.revokeNamed', { what })}
        onClick={() => setAsking(true)}
      >
        {t('wheelFeeds.revoke')}
      </Button>
    );
  }
  const confirm = async () => {
    try {
      await revoke.mutateAsync({ params: { path: { id: token.id } } });
      announce(t('wheelFeeds.revoked'));
    } catch (err) {
      setError(err instanceof ApiError ? problemText(err.problem, t) : t('problem.generic'));
    }
  };
  return (
    <div className="stack" role="group" aria-label={t('wheelFeeds.revoke')}>
      <Paragraph data-size="sm">{t('wheelFeeds.revokeConfirm')}</Paragraph>
      {error ? <Paragraph data-size="sm">{error}</Paragraph> : null}
      <div className="wheel-actions">
        <Button
          data-size="sm"
          data-color="danger"
          disabled={revoke.isPending}
          onClick={() => void confirm()}
          // The question replaced the button: focus follows it.
          // eslint-disable-next-line jsx-a11y/no-autofocus
          autoFocus
        >
          {t('wheelFeeds.revokeYes')}
        </Button>
        <Button variant="secondary" data-size="sm" onClick={() => setAsking(false)}>
          {t('wheelFeeds.revokeNo')}
        </Button>
      </div>
    </div>
  );
}

export function FeedList({
  subjects,
  bodyName,
}: {
  subjects: Subject[];
  bodyName: (id: string) => string;
}) {
  const { t, i18n } = useTranslation();
  const results = useQueries({
    queries: subjects.map((s) =>
      $api.queryOptions('get', '/api/calendar-feeds', {
        params: { query: { scope: s.scope, subjectId: s.id } },
      }),
    ),
  });
  if (results.some((r) => r.isPending)) return <Loading />;
  const tokens = results
    .flatMap((r) => r.data ?? [])
    .sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  if (tokens.length === 0) return <Empty>{t('wheelFeeds.empty')}</Empty>;
  const whatOf = (x: FeedToken) =>
    x.scope === 'person'
      ? t('wheelFeeds.scopePerson')
      : t('wheelFeeds.scopeBody', { body: bodyName(x.subjectId) });
  return (
    <div className="table-wrap">
      <Table zebra className="table-cards" data-testid="feeds">
        <Table.Head>
          <Table.Row>
            <Table.HeaderCell>{t('wheelFeeds.columns.what')}</Table.HeaderCell>
            <Table.HeaderCell>{t('wheelFeeds.columns.created')}</Table.HeaderCell>
            <Table.HeaderCell>{t('wheelFeeds.columns.status')}</Table.HeaderCell>
            <Table.HeaderCell>{t('wheelFeeds.columns.actions')}</Table.HeaderCell>
          </Table.Row>
        </Table.Head>
        <Table.Body>
          {tokens.map((x) => (
            <Table.Row key={x.id} data-feed-id={x.id} data-active={x.active}>
              <Table.Cell data-label={t('wheelFeeds.columns.what')}>{whatOf(x)}</Table.Cell>
              <Table.Cell data-label={t('wheelFeeds.columns.created')}>
                {formatDate(x.createdAt.slice(0, 10), i18n.language)}
              </Table.Cell>
              <Table.Cell data-label={t('wheelFeeds.columns.status')}>
                {x.active ? (
                  <Tag data-color="success" data-size="sm">
                    {t('wheelFeeds.active')}
                  </Tag>
                ) : (
                  <Tag data-color="neutral" data-size="sm">
                    {t('wheelFeeds.revokedOn', {
                      date: formatDate((x.revokedAt ?? '').slice(0, 10), i18n.language),
                    })}
                  </Tag>
                )}
              </Table.Cell>
              <Table.Cell data-label={t('wheelFeeds.columns.actions')}>
                {x.active ? <RevokeFeed token={x} what={whatOf(x)} /> : null}
              </Table.Cell>
            </Table.Row>
          ))}
        </Table.Body>
      </Table>
    </div>
  );
}
