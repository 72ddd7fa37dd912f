import {
  Button,
  Field,
  Heading,
  Label,
  Link as DsLink,
  Paragraph,
  Select,
  Table,
  Tag,
} from '@digdir/designsystemet-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useBody, useMemberships } from './api';
import type { Membership } from './types';
import { canEditMemberships, canEditOrganisation } from '../../auth/permissions';
import { useMe } from '../../auth/session';
import { useInlineForms } from '../shared/InlineForm';
import { BodyContacts, PrintButton } from './BodyContacts';
import { PageHeading } from '../shared/PageHeading';
import { Empty, ErrorState, LoadError, Loading } from '../shared/States';
import { formatDate, formatNumber, todayIso } from '../../i18n/format';
import { hasDraft, draftKey } from '../../lib/drafts';
import { AddMembershipForm, ChangeRoleForm } from './body/MembershipForms';
import { EndMembershipForm, ExtendMembershipForm, HandOverChairForm } from './body/TenureForms';

function isEnded(m: Membership, today: string): boolean {
  return m.validTo != null && m.validTo < today;
}

type Show = 'current' | 'history' | 'all';
type Open = 'add' | 'handover' | `${'role' | 'end' | 'extend'}:${string}`;

export default function BodyPage() {
  const { id = '' } = useParams();
  const { t, i18n } = useTranslation();
  const me = useMe();
  const body = useBody(id);
  const memberships = useMemberships({ bodyId: id }, Boolean(id));
  const canEditBody = canEditOrganisation(me);
  const canEditMembers = canEditMemberships(me, id);
  // A draft kept over a re-login reopens the form it belongs to.
  const forms = useInlineForms<Open>('members-heading', () =>
    hasDraft(draftKey(`/organer/${id}`, 'membership-add')) ? 'add' : null,
  );
  const [show, setShow] = useState<Show>('current');
  const today = todayIso();

  if (body.isPending) return <Loading />;
  if (body.isError)
    return (
      <LoadError
        error={body.error}
        onRetry={() => void body.refetch()}
        back="/organisasjon"
        backLabel={t('notFound.backToOrganisation')}
      />
    );
  const b = body.data;
  const items = memberships.data?.items ?? [];
  const active = items.filter((m) => !isEnded(m, today));
  const shown = items
    .filter((m) => show === 'all' || (show === 'history') === isEnded(m, today))
    .sort(
      (a, c) =>
        (a.personName ?? '').localeCompare(c.personName ?? '', i18n.language) ||
        a.validFrom.localeCompare(c.validFrom),
    );
  const chair = active.find((m) => m.role === 'chair' && m.validFrom <= today);
  const represented = [
    ...new Set(active.map((m) => m.organisationName).filter((n): n is string => Boolean(n))),
  ].sort((a, c) => a.localeCompare(c, i18n.language));
  const rowAction = (
    m: Membership,
    kind: 'role' | 'end' | 'extend',
    text: string,
    label: string,
  ) => (
    <Button
      id={`${kind}-${m.id}`}
      variant={kind === 'role' ? 'secondary' : 'tertiary'}
      data-size="sm"
      aria-label={label}
      onClick={() => forms.openForm(`${kind}:${m.id}`, `${kind}-${m.id}`)}
    >
      {text}
    </Button>
  );

  return (
    <div className="stack">
      <div className="page-head">
        <PageHeading>{b.name}</PageHeading>
        <div className="row no-print">
          {canEditBody ? (
            <Button asChild variant="secondary">
              <Link to={`/organer/${b.id}/rediger`}>{t('body.edit')}</Link>
            </Button>
          ) : null}
          <PrintButton />
        </div>
      </div>
      <div className="row">
        <Tag data-color="neutral">{t(`level.${b.level}`)}</Tag>
        {b.isPolitiraad ? <Tag data-color="info">{t('body.politiraad')}</Tag> : null}
      </div>
      <dl className="facts">
        <dt>{t('body.meetingNorm')}</dt>
        <dd>
          {b.meetingNormPerYear != null
            ? t('body.meetingsPerYear', {
                count: b.meetingNormPerYear,
                formatted: formatNumber(b.meetingNormPerYear, i18n.language),
              })
            : t('body.noMeetingNorm')}
        </dd>
      </dl>
      <section aria-labelledby="mandate-heading" className="stack">
        <Heading level={2} data-size="sm" id="mandate-heading">
          {t('body.mandate')}
        </Heading>
        <Paragraph className="pre-line">{b.mandate || t('body.noMandate')}</Paragraph>
      </section>

      <section aria-labelledby="members-heading" className="stack">
        <div className="page-head">
          <Heading level={2} data-size="sm" id="members-heading" tabIndex={-1}>
            {t('body.membersHeading')}
          </Heading>
          {canEditMembers ? (
            <div className="row">
              {forms.open !== 'add' ? (
                <Button
                  id="open-add-member"
                  variant="primary"
                  onClick={() => forms.openForm('add', 'open-add-member')}
                >
                  {t('membership.addTitle')}
                </Button>
              ) : null}
              {forms.open !== 'handover' ? (
                <Button
                  id="open-handover"
                  variant="secondary"
                  onClick={() => forms.openForm('handover', 'open-handover')}
                >
                  {t('tenure.handOver')}
                </Button>
              ) : null}
            </div>
          ) : null}
        </div>
        {forms.open === 'add' ? <AddMembershipForm bodyId={b.id} onDone={forms.close} /> : null}
        {forms.open === 'handover' ? (
          <HandOverChairForm bodyId={b.id} chair={chair} onDone={forms.close} />
        ) : null}
        <Field className="filter-field">
          <Label htmlFor="members-show">{t('tenure.show')}</Label>
          <Select id="members-show" value={show} onChange={(e) => setShow(e.target.value as Show)}>
            <Select.Option value="current">{t('tenure.current')}</Select.Option>
            <Select.Option value="history">{t('tenure.history')}</Select.Option>
            <Select.Option value="all">{t('tenure.all')}</Select.Option>
          </Select>
        </Field>
        {memberships.isPending ? <Loading /> : null}
        {memberships.isError ? (
          <ErrorState error={memberships.error} onRetry={() => void memberships.refetch()} />
        ) : null}
        {memberships.data && items.length === 0 ? <Empty>{t('body.noMembers')}</Empty> : null}
        {items.length > 0 && shown.length === 0 ? <Empty>{t('tenure.noneShown')}</Empty> : null}
        {shown.length > 0 ? (
          <div className="table-wrap">
            <Table data-testid="memberships" className="table-cards">
              <caption className="sr-only">{t('body.membersCaption', { name: b.name })}</caption>
              <Table.Head>
                <Table.Row>
                  <Table.HeaderCell>{t('membership.person')}</Table.HeaderCell>
                  <Table.HeaderCell>{t('membership.role')}</Table.HeaderCell>
                  <Table.HeaderCell>{t('membership.organisation')}</Table.HeaderCell>
                  <Table.HeaderCell>{t('membership.period')}</Table.HeaderCell>
                  {canEditMembers ? (
                    <Table.HeaderCell>{t('membership.actions')}</Table.HeaderCell>
                  ) : null}
                </Table.Row>
              </Table.Head>
              <Table.Body>
                {shown.map((m) => {
                  const ended = isEnded(m, today);
                  const name = m.personName ?? '';
                  const mode = forms.open?.endsWith(`:${m.id}`) ? forms.open.split(':')[0] : null;
                  return (
                    <Table.Row key={m.id} id={`m-${m.id}`}>
                      <Table.Cell data-label={t('membership.person')}>
                        <DsLink asChild>
                          <Link to={`/personer/${m.personId}`}>{m.personName ?? m.personId}</Link>
                        </DsLink>
                      </Table.Cell>
                      <Table.Cell data-label={t('membership.role')}>
                        {t(`bodyRole.${m.role}`)}
                        {ended ? (
                          <>
                            {' '}
                            <Tag data-color="neutral" data-size="sm">
                              {t('membership.endedTag')}
                            </Tag>
                          </>
                        ) : null}
                      </Table.Cell>
                      <Table.Cell data-label={t('membership.organisation')}>
                        {m.organisationName ?? t('membership.noOrganisation')}
                      </Table.Cell>
                      <Table.Cell data-label={t('membership.period')}>
                        {m.validTo
                          ? t('membership.fromTo', {
                              from: formatDate(m.validFrom, i18n.language),
                              to: formatDate(m.validTo, i18n.language),
                            })
                          : t('membership.fromOpen', {
                              from: formatDate(m.validFrom, i18n.language),
                            })}
                      </Table.Cell>
                      {canEditMembers ? (
                        <Table.Cell data-label={t('membership.actions')}>
                          {mode === 'role' ? (
                            <ChangeRoleForm
                              membership={m}
                              onDone={forms.close}
                              onReload={() => void memberships.refetch()}
                            />
                          ) : mode === 'end' ? (
                            <EndMembershipForm membership={m} onDone={forms.close} />
                          ) : mode === 'extend' ? (
                            <ExtendMembershipForm
                              membership={m}
                              onDone={forms.close}
                              onReload={() => void memberships.refetch()}
                            />
                          ) : (
                            <div className="row">
                              {ended
                                ? null
                                : rowAction(
                                    m,
                                    'role',
                                    t('membership.changeRole'),
                                    t('membership.changeRoleFor', { name }),
                                  )}
                              {m.validTo
                                ? rowAction(
                                    m,
                                    'extend',
                                    t('tenure.extend'),
                                    t('tenure.extendFor', { name }),
                                  )
                                : null}
                              {ended
                                ? null
                                : rowAction(
                                    m,
                                    'end',
                                    t('membership.end'),
                                    t('membership.endFor', { name }),
                                  )}
                            </div>
                          )}
                        </Table.Cell>
                      ) : null}
                    </Table.Row>
                  );
                })}
              </Table.Body>
            </Table>
          </div>
        ) : null}
      </section>

      <BodyContacts bodyId={b.id} members={active} />

      <section aria-labelledby="represented-heading" className="stack">
        <Heading level={2} data-size="sm" id="represented-heading">
          {t('body.represented')}
        </Heading>
        {represented.length === 0 ? (
          <Empty>{t('body.noRepresented')}</Empty>
        ) : (
          <ul data-testid="represented">
            {represented.map((name) => (
              <li key={name}>{name}</li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
