import {
  Button,
  Heading,
  Link as DsLink,
  Paragraph,
  Table,
  Tag,
} from '@digdir/designsystemet-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import {
  useAllOrganisations,
  useAllPersons,
  useBody,
  useCreateMembership,
  useEndMembership,
  useMemberships,
  useUpdateMembership,
} from '../api/queries';
import { BODY_ROLES, type BodyRole, type Membership } from '../api/types';
import { canEditMemberships, canEditOrganisation } from '../auth/permissions';
import { useMe } from '../auth/session';
import { useAnnounce } from '../components/Announcer';
import {
  ConflictAlert,
  FormActions,
  FormError,
  FormNotices,
  SelectInput,
  TextInput,
} from '../components/form/fields';
import { useForm } from '../components/form/useForm';
import { BodyContacts, PrintButton } from '../components/BodyContacts';
import { PageHeading } from '../components/PageHeading';
import { Empty, ErrorState, LoadError, Loading } from '../components/States';
import { formatDate, formatNumber, todayIso } from '../i18n/format';
import { hasDraft, draftKey } from '../lib/drafts';
import type { FieldErrors } from '../api/problem';

interface MembershipValues {
  personId: string;
  role: string;
  organisationId: string;
  validFrom: string;
  validTo: string;
}

function isEnded(m: Membership, today: string): boolean {
  return m.validTo != null && m.validTo < today;
}

function AddMembershipForm({ bodyId, onDone }: { bodyId: string; onDone: () => void }) {
  const { t } = useTranslation();
  const announce = useAnnounce();
  const persons = useAllPersons();
  const organisations = useAllOrganisations();
  const create = useCreateMembership();
  const labels = {
    personId: t('membership.person'),
    role: t('membership.role'),
    organisationId: t('membership.organisation'),
    validFrom: t('membership.validFrom'),
    validTo: t('membership.validTo'),
  };
  const form = useForm<MembershipValues>({
    formId: 'membership-add',
    initial: {
      personId: '',
      role: 'member',
      organisationId: '',
      validFrom: todayIso(),
      validTo: '',
    },
    validate: (v) => {
      const e: FieldErrors = {};
      if (!v.personId) e.personId = t('validation.choosePerson');
      if (!v.role) e.role = t('validation.required');
      if (v.validTo && v.validFrom && v.validTo < v.validFrom)
        e.validTo = t('validation.endBeforeStart');
      return e;
    },
  });
  if (persons.isPending || organisations.isPending) return <Loading />;
  if (persons.isError) return <ErrorState error={persons.error} />;
  return (
    <form
      className="form panel"
      noValidate
      aria-labelledby="add-member-heading"
      onSubmit={form.handleSubmit(async (v) => {
        const m = await create.mutateAsync({
          bodyId,
          personId: v.personId,
          role: v.role as BodyRole,
          organisationId: v.organisationId || null,
          validFrom: v.validFrom || null,
          validTo: v.validTo || null,
        });
        const name =
          m.personName ?? persons.data?.items.find((p) => p.id === v.personId)?.name ?? '';
        announce(t('membership.added', { name }));
        onDone();
      })}
    >
      <Heading level={3} data-size="xs" id="add-member-heading">
        {t('membership.addTitle')}
      </Heading>
      <FormNotices form={form} labels={labels} />
      <SelectInput
        form={form}
        name="personId"
        label={labels.personId}
        required
        emptyLabel={t('form.choose')}
        options={(persons.data?.items ?? []).map((p) => ({ value: p.id, label: p.name }))}
      />
      <SelectInput
        form={form}
        name="role"
        label={labels.role}
        required
        options={BODY_ROLES.map((r) => ({ value: r, label: t(`bodyRole.${r}`) }))}
      />
      <SelectInput
        form={form}
        name="organisationId"
        label={labels.organisationId}
        description={t('membership.organisationHelp')}
        emptyLabel={t('membership.personsOrganisation')}
        options={(organisations.data?.items ?? []).map((o) => ({ value: o.id, label: o.name }))}
      />
      <div className="row">
        <TextInput form={form} name="validFrom" type="date" label={labels.validFrom} />
        <TextInput
          form={form}
          name="validTo"
          type="date"
          label={labels.validTo}
          description={t('membership.validToHelp')}
        />
      </div>
      <FormActions>
        <Button type="submit" disabled={form.status === 'submitting'}>
          {t('membership.add')}
        </Button>
        <Button type="button" variant="secondary" onClick={onDone}>
          {t('form.cancel')}
        </Button>
      </FormActions>
    </form>
  );
}

function ChangeRoleForm({
  membership,
  onDone,
  onReload,
}: {
  membership: Membership;
  onDone: () => void;
  onReload: () => void;
}) {
  const { t } = useTranslation();
  const announce = useAnnounce();
  const update = useUpdateMembership();
  const form = useForm<{ role: string }>({
    formId: `membership-role-${membership.id}`,
    initial: { role: membership.role },
    validate: (v) => (v.role ? {} : { role: t('validation.required') }),
  });
  if (form.status === 'conflict') {
    return (
      <ConflictAlert
        onReload={() => {
          onReload();
          onDone();
        }}
      />
    );
  }
  return (
    <form
      className="inline-form"
      noValidate
      onSubmit={form.handleSubmit(async (v) => {
        await update.mutateAsync({
          id: membership.id,
          version: membership.version,
          body: { role: v.role as BodyRole },
        });
        announce(t('membership.roleChanged'));
        onDone();
      })}
    >
      <SelectInput
        form={form}
        name="role"
        label={t('membership.newRoleFor', { name: membership.personName ?? '' })}
        options={BODY_ROLES.map((r) => ({ value: r, label: t(`bodyRole.${r}`) }))}
      />
      <Button type="submit" data-size="sm" disabled={form.status === 'submitting'}>
        {t('form.save')}
      </Button>
      <Button type="button" data-size="sm" variant="tertiary" onClick={onDone}>
        {t('form.cancel')}
      </Button>
      <FormError message={form.formError} />
    </form>
  );
}

function EndMembershipForm({ membership, onDone }: { membership: Membership; onDone: () => void }) {
  const { t } = useTranslation();
  const announce = useAnnounce();
  const end = useEndMembership();
  const form = useForm<{ on: string }>({
    formId: `membership-end-${membership.id}`,
    initial: { on: todayIso() },
    validate: (v) => {
      if (!v.on) return { on: t('validation.required') };
      if (v.on < membership.validFrom) return { on: t('validation.endBeforeStart') };
      return {};
    },
  });
  return (
    <form
      className="inline-form"
      noValidate
      onSubmit={form.handleSubmit(async (v) => {
        await end.mutateAsync({ id: membership.id, version: membership.version, on: v.on });
        announce(t('membership.ended', { name: membership.personName ?? '' }));
        onDone();
      })}
    >
      <TextInput
        form={form}
        name="on"
        type="date"
        label={t('membership.lastDayFor', { name: membership.personName ?? '' })}
      />
      <Button
        type="submit"
        data-size="sm"
        data-color="danger"
        disabled={form.status === 'submitting'}
      >
        {t('membership.end')}
      </Button>
      <Button type="button" data-size="sm" variant="tertiary" onClick={onDone}>
        {t('form.cancel')}
      </Button>
      <FormError message={form.formError} />
    </form>
  );
}

type RowMode = { id: string; mode: 'role' | 'end' } | null;

export default function BodyPage() {
  const { id = '' } = useParams();
  const { t, i18n } = useTranslation();
  const me = useMe();
  const body = useBody(id);
  const memberships = useMemberships({ bodyId: id }, Boolean(id));
  const canEditBody = canEditOrganisation(me);
  const canEditMembers = canEditMemberships(me, id);
  const [adding, setAdding] = useState(() =>
    hasDraft(draftKey(`/organer/${id}`, 'membership-add')),
  );
  const [rowMode, setRowMode] = useState<RowMode>(null);
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
  const represented = [
    ...new Set(active.map((m) => m.organisationName).filter((n): n is string => Boolean(n))),
  ].sort((a, c) => a.localeCompare(c, i18n.language));

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
          <Heading level={2} data-size="sm" id="members-heading">
            {t('body.membersHeading')}
          </Heading>
          {canEditMembers && !adding ? (
            <Button variant="primary" onClick={() => setAdding(true)}>
              {t('membership.addTitle')}
            </Button>
          ) : null}
        </div>
        {adding ? <AddMembershipForm bodyId={b.id} onDone={() => setAdding(false)} /> : null}
        {memberships.isPending ? <Loading /> : null}
        {memberships.isError ? (
          <ErrorState error={memberships.error} onRetry={() => void memberships.refetch()} />
        ) : null}
        {memberships.data && items.length === 0 ? <Empty>{t('body.noMembers')}</Empty> : null}
        {items.length > 0 ? (
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
                {items.map((m) => {
                  const ended = isEnded(m, today);
                  const mode = rowMode?.id === m.id ? rowMode.mode : null;
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
                              onDone={() => setRowMode(null)}
                              onReload={() => void memberships.refetch()}
                            />
                          ) : mode === 'end' ? (
                            <EndMembershipForm membership={m} onDone={() => setRowMode(null)} />
                          ) : ended ? null : (
                            <div className="row">
                              <Button
                                variant="secondary"
                                data-size="sm"
                                onClick={() => setRowMode({ id: m.id, mode: 'role' })}
                                aria-label={t('membership.changeRoleFor', {
                                  name: m.personName ?? '',
                                })}
                              >
                                {t('membership.changeRole')}
                              </Button>
                              <Button
                                variant="tertiary"
                                data-size="sm"
                                onClick={() => setRowMode({ id: m.id, mode: 'end' })}
                                aria-label={t('membership.endFor', { name: m.personName ?? '' })}
                              >
                                {t('membership.end')}
                              </Button>
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
