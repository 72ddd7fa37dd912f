/** Annual wheel room: the templates — list, seed from the handbook, delete (edit and create link to the form). */
import { Alert, Button, Link as DsLink, Paragraph, Table } from '@digdir/designsystemet-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ifMatch } from '../../api/etag';
import { ApiError, problemCode, problemText } from '../../api/problem';
import { canEditOrganisation } from '../../auth/permissions';
import { useMe } from '../../auth/session';
import { useAnnounce } from '../shared/Announcer';
import { Flash } from '../shared/Flash';
import { PageHeading } from '../shared/PageHeading';
import { Empty, ErrorState, Loading } from '../shared/States';
import { useDeleteTemplate, useSeedTemplates, useTemplates } from './api';
import type { Template } from './types';
import './annual-wheel.css';

type Notice = { text: string; ok: boolean } | null;

function useWhen(): (x: Template) => string {
  const { t } = useTranslation();
  return (x) =>
    x.day
      ? t('wheelTemplate.whenDay', { day: x.day, month: t(`wheelMonth.${x.month}`) })
      : t('wheelTemplate.whenMonth', { month: t(`wheelMonth.${x.month}`) });
}

function DeleteTemplate({ template, onDone }: { template: Template; onDone: (n: Notice) => void }) {
  const { t } = useTranslation();
  const remove = useDeleteTemplate();
  const [asking, setAsking] = useState(false);
  const confirm = async () => {
    try {
      await remove.mutateAsync({
        params: { path: { id: template.id }, header: ifMatch(template.version) },
      });
      onDone({ text: t('wheelTemplate.deleted', { title: template.title }), ok: true });
    } catch (err) {
      const text =
        err instanceof ApiError
          ? problemCode(err.problem) === 'in-use'
            ? t('wheelTemplate.inUse')
            : problemText(err.problem, t)
          : t('problem.generic');
      setAsking(false);
      onDone({ text, ok: false });
    }
  };
  if (!asking) {
    return (
      <Button
        variant="tertiary"
        data-size="sm"
        data-color="danger"
        aria-label={t('wheelTemplate.deleteNamed', { title: template.title })}
        onClick={() => setAsking(true)}
      >
        {t('wheelTemplate.delete')}
      </Button>
    );
  }
  return (
    <div className="stack" role="group" aria-label={t('wheelTemplate.delete')}>
      <Paragraph data-size="sm">
        {t('wheelTemplate.deleteConfirm', { title: template.title })}
      </Paragraph>
      <div className="wheel-actions">
        <Button
          data-size="sm"
          data-color="danger"
          disabled={remove.isPending}
          onClick={() => void confirm()}
          // The question replaced the button: focus follows it.
          // eslint-disable-next-line jsx-a11y/no-autofocus
          autoFocus
        >
          {t('wheelTemplate.deleteYes')}
        </Button>
        <Button variant="secondary" data-size="sm" onClick={() => setAsking(false)}>
          {t('wheelTemplate.deleteNo')}
        </Button>
      </div>
    </div>
  );
}

function SeedButton({ onDone }: { onDone: (n: Notice) => void }) {
  const { t } = useTranslation();
  const seed = useSeedTemplates();
  const run = async () => {
    try {
      const r = await seed.mutateAsync({});
      onDone({
        text:
          r.created > 0
            ? t('wheelTemplate.seeded', { count: r.created })
            : t('wheelTemplate.seededNothing'),
        ok: true,
      });
    } catch (err) {
      onDone({
        text: err instanceof ApiError ? problemText(err.problem, t) : t('problem.generic'),
        ok: false,
      });
    }
  };
  return (
    <div className="stack">
      <Paragraph>{t('wheelTemplate.seedHint')}</Paragraph>
      <div>
        <Button variant="secondary" disabled={seed.isPending} onClick={() => void run()}>
          {t('wheelTemplate.seed')}
        </Button>
      </div>
    </div>
  );
}

export default function TemplatesPage() {
  const { t } = useTranslation();
  const me = useMe();
  const announce = useAnnounce();
  const templates = useTemplates();
  const when = useWhen();
  const [notice, setNotice] = useState<Notice>(null);
  const editor = canEditOrganisation(me);
  const done = (n: Notice) => {
    setNotice(n);
    if (n) announce(n.text);
  };
  const list = templates.data ?? [];
  return (
    <div className="stack">
      <PageHeading>{t('wheelTemplate.title')}</PageHeading>
      <Flash />
      <Paragraph>{t('wheelTemplate.intro')}</Paragraph>
      <nav aria-label={t('wheel.nav')} className="wheel-links">
        <DsLink asChild>
          <Link to="/arshjul">{t('wheelTemplate.back')}</Link>
        </DsLink>
      </nav>
      {editor ? (
        <div>
          <Button asChild>
            <Link to="/arshjul/maler/ny">{t('wheelTemplate.add')}</Link>
          </Button>
        </div>
      ) : null}
      {notice ? (
        <Alert data-color={notice.ok ? 'success' : 'danger'} data-testid="template-notice">
          <Paragraph>{notice.text}</Paragraph>
        </Alert>
      ) : null}
      {templates.isPending ? <Loading /> : null}
      {templates.isError ? (
        <ErrorState error={templates.error} onRetry={() => void templates.refetch()} />
      ) : null}
      {templates.data && list.length === 0 ? (
        <>
          <Empty>{t('wheelTemplate.empty')}</Empty>
          {editor ? <SeedButton onDone={done} /> : null}
        </>
      ) : null}
      {list.length > 0 ? (
        <div className="table-wrap">
          <Table zebra className="table-cards" data-testid="templates">
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell>{t('wheelTemplate.columns.when')}</Table.HeaderCell>
                <Table.HeaderCell>{t('wheelTemplate.columns.title')}</Table.HeaderCell>
                <Table.HeaderCell>{t('wheelTemplate.columns.owner')}</Table.HeaderCell>
                <Table.HeaderCell>{t('wheelTemplate.columns.active')}</Table.HeaderCell>
                {editor ? (
                  <Table.HeaderCell>{t('wheelTemplate.columns.actions')}</Table.HeaderCell>
                ) : null}
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {list.map((x) => {
                const role = t(`wheel.ownerRole.${x.ownerRole}`);
                return (
                  <Table.Row key={x.id} data-template-id={x.id}>
                    <Table.Cell data-label={t('wheelTemplate.columns.when')}>{when(x)}</Table.Cell>
                    <Table.Cell data-label={t('wheelTemplate.columns.title')}>{x.title}</Table.Cell>
                    <Table.Cell data-label={t('wheelTemplate.columns.owner')}>
                      {x.bodyLevel
                        ? t('wheel.ownerRoleAt', {
                            role,
                            level: t(`level.${x.bodyLevel}`).toLocaleLowerCase(),
                          })
                        : role}
                    </Table.Cell>
                    <Table.Cell data-label={t('wheelTemplate.columns.active')}>
                      {x.active ? t('wheelTemplate.yes') : t('wheelTemplate.no')}
                    </Table.Cell>
                    {editor ? (
                      <Table.Cell data-label={t('wheelTemplate.columns.actions')}>
                        <div className="wheel-actions">
                          <Button asChild variant="tertiary" data-size="sm">
                            <Link
                              to={`/arshjul/maler/${x.id}`}
                              aria-label={t('wheelTemplate.editNamed', { title: x.title })}
                            >
                              {t('wheelTemplate.edit')}
                            </Link>
                          </Button>
                          <DeleteTemplate template={x} onDone={done} />
                        </div>
                      </Table.Cell>
                    ) : null}
                  </Table.Row>
                );
              })}
            </Table.Body>
          </Table>
        </div>
      ) : null}
    </div>
  );
}
