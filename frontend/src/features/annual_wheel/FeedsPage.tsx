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
  ValidationMessage,
} from '@digdir/designsystemet-react';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ApiError, problemText } from '../../api/problem';
import { canEditOrganisation } from '../../auth/permissions';
import { useMe } from '../../auth/session';
import { FormError } from '../shared/form/fields';
import { PageHeading } from '../shared/PageHeading';
import { useCreateFeed, useNames } from './api';
import { FeedList, type Subject } from './FeedList';
import { FeedLink } from './FeedLink';
import type { FeedScope } from './types';
import './annual-wheel.css';

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
