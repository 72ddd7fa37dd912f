/** Annual wheel room: calendar subscriptions — create a feed link for me or a body, list and revoke them. */
import {
  Button,
  Field,
  Fieldset,
  Heading,
  Label,
  Link as DsLink,
  Paragraph,
  Radio,
  Select,
  Table,
  Tag,
  ValidationMessage,
} from '@digdir/designsystemet-react';
import { useQueries } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { $api } from '../../api/query';
import { ApiError, problemText } from '../../api/problem';
import { canEditOrganisation } from '../../auth/permissions';
import { useMe } from '../../auth/session';
import { formatDate } from '../../i18n/format';
import { useAnnounce } from '../shared/Announcer';
import { FormError } from '../shared/form/fields';
import { PageHeading } from '../shared/PageHeading';
import { Empty, Loading } from '../shared/States';
import { useCreateFeed, useNames, useRevokeFeed } from './api';
import { FeedLink } from './FeedLink';
import type { FeedScope, FeedToken } from './types';
import './annual-wheel.css';

interface Subject {
  scope: FeedScope;
  id: string;
}

/** Whose feeds the page shows: the caller's own, and the bodies they may keep feeds for. */
function useSubjects(): { subjects: Subject[]; bodies: { id: string; name: string }[] } {
  const me = useMe();
  const names = useNames();
  const mine = new Set(me.bodyRoles.map((r) => r.bodyId));
  const bodies = canEditOrganisation(me)
    ? names.bodies
    : names.bodies.filter((b) => mine.has(b.id));
  const subjects: Subject[] = [
    ...(me.personId ? [{ scope: 'person' as const, id: me.personId }] : []),
    ...bodies.map((b) => ({ scope: 'body' as const, id: b.id })),
  ];
  return { subjects, bodies };
}

function CreateFeed({
  bodies,
  personId,
}: {
  bodies: { id: string; name: string }[];
  personId: string | null | undefined;
}) {
  const { t } = useTranslation();
  const create = useCreateFeed();
  const [scope, setScope] = useState<FeedScope>(personId ? 'person' : 'body');
  const [bodyId, setBodyId] = useState('');
  const [bodyError, setBodyError] = useState<string | undefined>();
  const [error, setError] = useState<string | undefined>();
  const [url, setUrl] = useState<string | null>(null);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setError(undefined);
    const subjectId = scope === 'person' ? personId : bodyId;
    if (!subjectId) {
      setBodyError(t('validation.required'));
      return;
    }
    try {
      const issued = await create.mutateAsync({ body: { scope, subjectId } });
      setUrl(issued.url);
    } catch (err) {
      setError(err instanceof ApiError ? problemText(err.problem, t) : t('problem.generic'));
    }
  };
  return (
    <section aria-labelledby="feed-create-heading" className="stack">
      <Heading level={2} data-size="sm" id="feed-create-heading">
        {t('wheelFeeds.createHeading')}
      </Heading>
      <form className="form" noValidate onSubmit={(e) => void submit(e)}>
        <FormError message={error} />
        <Fieldset>
          <Fieldset.Legend>{t('wheelFeeds.forWhom')}</Fieldset.Legend>
          {personId ? (
            <Radio
              name="feed-scope"
              value="person"
              label={t('wheelFeeds.forMe')}
              checked={scope === 'person'}
              onChange={() => setScope('person')}
            />
          ) : null}
          <Radio
            name="feed-scope"
            value="body"
            label={t('wheelFeeds.forBody')}
            checked={scope === 'body'}
            disabled={bodies.length === 0}
            onChange={() => setScope('body')}
          />
        </Fieldset>
        {scope === 'body' ? (
          <Field>
            <Label htmlFor="feed-body">{t('wheelFeeds.body')}</Label>
            <Select
              id="feed-body"
              value={bodyId}
              aria-invalid={bodyError ? true : undefined}
              onChange={(e) => {
                setBodyId(e.target.value);
                setBodyError(undefined);
              }}
            >
              <Select.Option value="">{t('wheelFeeds.chooseBody')}</Select.Option>
              {bodies.map((b) => (
                <Select.Option key={b.id} value={b.id}>
                  {b.name}
                </Select.Option>
              ))}
            </Select>
            {bodyError ? <ValidationMessage>{bodyError}</ValidationMessage> : null}
          </Field>
        ) : null}
        <div>
          <Button type="submit" disabled={create.isPending}>
            {t('wheelFeeds.create')}
          </Button>
        </div>
      </form>
      {url ? <FeedLink url={url} /> : null}
    </section>
  );
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

function FeedList({
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

export default function FeedsPage() {
  const { t } = useTranslation();
  const me = useMe();
  const { subjects, bodies } = useSubjects();
  const names = new Map(bodies.map((b) => [b.id, b.name]));
  return (
    <div className="stack">
      <PageHeading>{t('wheelFeeds.title')}</PageHeading>
      <Paragraph>{t('wheelFeeds.intro')}</Paragraph>
      <nav aria-label={t('wheel.nav')} className="wheel-links">
        <DsLink asChild>
          <Link to="/arshjul">{t('wheelFeeds.back')}</Link>
        </DsLink>
      </nav>
      <CreateFeed bodies={bodies} personId={me.personId} />
      <section aria-labelledby="feed-list-heading" className="stack">
        <Heading level={2} data-size="sm" id="feed-list-heading">
          {t('wheelFeeds.listHeading')}
        </Heading>
        <FeedList subjects={subjects} bodyName={(id) => names.get(id) ?? ''} />
      </section>
    </div>
  );
}
