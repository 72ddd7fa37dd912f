import { Button, Heading, Paragraph, Table } from '@digdir/designsystemet-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  identityNumberOk,
  useAccounts,
  useChangeAccount,
  useGrantAccess,
  useRevokeAccount,
  type Account,
} from './api';
import { ifMatch } from '../../api/etag';
import { ApiError, problemCode } from '../../api/problem';
import { useAllPersons } from '../organisation/api';
import { useAnnounce } from '../shared/Announcer';
import { FormActions, FormError, FormNotices, SelectInput, TextInput } from '../shared/form/fields';
import { useForm } from '../shared/form/useForm';
import { Empty, ErrorState, Loading } from '../shared/States';
import type { FieldErrors } from '../../api/problem';
import {
  chosenRoles,
  ConfirmRow,
  formatDateTime,
  RoleCheckboxes,
  roleFlags,
  TableScroll,
  type RoleFlags,
} from './shared';

type GrantValues = RoleFlags & { identityNumber: string; personId: string };

function GrantForm({ onDone }: { onDone: () => void }) {
  const { t } = useTranslation();
  const announce = useAnnounce();
  const persons = useAllPersons();
  const grant = useGrantAccess();
  const labels = {
    identityNumber: t('access.identityNumber'),
    personId: t('access.linkPerson'),
    unit_admin: t('access.rolesLegend'),
  };
  const form = useForm<GrantValues>({
    formId: 'access-grant',
    initial: { identityNumber: '', personId: '', ...roleFlags([]) },
    // Never kept as a draft: it holds an identity number.
    persistDraft: false,
    validate: (v) => {
      const e: FieldErrors = {};
      const number = v.identityNumber.replace(/\s/g, '');
      if (!number) e.identityNumber = t('validation.required');
      else if (!identityNumberOk(number)) e.identityNumber = t('access.invalidIdentityNumber');
      if (chosenRoles(v).length === 0 && !v.personId) e.unit_admin = t('access.chooseRole');
      return e;
    },
  });
  return (
    <form
      className="form"
      noValidate
      aria-labelledby="grant-heading"
      onSubmit={form.handleSubmit(async (v) => {
        await grant.mutateAsync({
          body: {
            identityNumber: v.identityNumber.replace(/\s/g, ''),
            roles: chosenRoles(v),
            personId: v.personId || null,
          },
        });
        announce(t('access.granted'));
        onDone();
      })}
    >
      <Heading level={3} data-size="xs" id="grant-heading">
        {t('access.grantTitle')}
      </Heading>
      <Paragraph data-size="sm">{t('access.grantIntro')}</Paragraph>
      <FormNotices form={form} labels={labels} />
      <TextInput
        form={form}
        name="identityNumber"
        label={labels.identityNumber}
        required
        inputMode="numeric"
        autoComplete="off"
      />
      <SelectInput
        form={form}
        name="personId"
        label={labels.personId}
        emptyLabel={t('list.none')}
        options={(persons.data?.items ?? []).map((p) => ({ value: p.id, label: p.name }))}
      />
      <RoleCheckboxes form={form} legend={t('access.rolesLegend')} />
      <FormActions>
        <Button type="submit" disabled={form.status === 'submitting'}>
          {t('access.grant')}
        </Button>
        <Button type="button" variant="secondary" onClick={onDone}>
          {t('form.cancel')}
        </Button>
      </FormActions>
    </form>
  );
}

function RolesForm({
  account,
  name,
  onDone,
}: {
  account: Account;
  name: string;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const announce = useAnnounce();
  const change = useChangeAccount();
  const form = useForm<RoleFlags>({
    formId: `access-roles-${account.id}`,
    initial: roleFlags(account.roles),
    persistDraft: false,
    validate: (v) =>
      chosenRoles(v).length === 0 && !account.personId
        ? { unit_admin: t('access.chooseRole') }
        : {},
  });
  return (
    <form
      className="stack"
      noValidate
      onSubmit={form.handleSubmit(async (v) => {
        await change.mutateAsync({
          params: { path: { id: account.id }, header: ifMatch(account.version) },
          body: { roles: chosenRoles(v) },
        });
        announce(t('access.rolesChanged'));
        onDone();
      })}
    >
      <FormNotices form={form} labels={{ unit_admin: t('access.rolesFor', { name }) }} />
      <RoleCheckboxes form={form} legend={t('access.rolesFor', { name })} />
      <div className="row">
        <Button type="submit" data-size="sm" disabled={form.status === 'submitting'}>
          {t('form.save')}
        </Button>
        <Button type="button" data-size="sm" variant="tertiary" onClick={onDone}>
          {t('form.cancel')}
        </Button>
      </div>
    </form>
  );
}

function RevokeAccount({
  account,
  name,
  onDone,
}: {
  account: Account;
  name: string;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const announce = useAnnounce();
  const revoke = useRevokeAccount();
  const [error, setError] = useState<string>();
  return (
    <>
      <ConfirmRow
        question={t('access.revokeConfirm', { name })}
        confirmLabel={t('access.revoke')}
        busy={revoke.isPending}
        onCancel={onDone}
        onConfirm={() => {
          setError(undefined);
          revoke.mutate(
            { params: { path: { id: account.id }, header: ifMatch(account.version) } },
            {
              onSuccess: () => {
                announce(t('access.revoked', { name }));
                onDone();
              },
              onError: (err) =>
                setError(
                  err instanceof ApiError
                    ? t(`problem.${problemCode(err.problem)}`, { defaultValue: err.problem.title })
                    : String(err),
                ),
            },
          );
        }}
      />
      <FormError message={error} />
    </>
  );
}

type RowMode = { id: string; mode: 'roles' | 'revoke' } | null;

export function AccountsSection() {
  const { t, i18n } = useTranslation();
  const accounts = useAccounts();
  const [granting, setGranting] = useState(false);
  const [rowMode, setRowMode] = useState<RowMode>(null);
  const nameOf = (a: Account) => a.personName ?? t('access.unlinked');
  return (
    <section aria-labelledby="accounts-heading" className="stack">
      <div className="page-head">
        <Heading level={2} data-size="sm" id="accounts-heading">
          {t('access.accountsHeading')}
        </Heading>
        {!granting ? (
          <Button onClick={() => setGranting(true)}>{t('access.grantTitle')}</Button>
        ) : null}
      </div>
      {granting ? <GrantForm onDone={() => setGranting(false)} /> : null}
      {accounts.isPending ? <Loading /> : null}
      {accounts.isError ? (
        <ErrorState error={accounts.error} onRetry={() => void accounts.refetch()} />
      ) : null}
      {accounts.data?.length === 0 ? <Empty>{t('access.unlinked')}</Empty> : null}
      {accounts.data && accounts.data.length > 0 ? (
        <TableScroll labelledBy="accounts-heading">
          <Table data-testid="accounts">
            <caption className="sr-only">{t('access.accountsCaption')}</caption>
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell>{t('access.person')}</Table.HeaderCell>
                <Table.HeaderCell>{t('access.roles')}</Table.HeaderCell>
                <Table.HeaderCell>{t('access.since')}</Table.HeaderCell>
                <Table.HeaderCell>{t('access.actions')}</Table.HeaderCell>
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {accounts.data.map((a) => {
                const name = nameOf(a);
                const mode = rowMode?.id === a.id ? rowMode.mode : null;
                return (
                  <Table.Row key={a.id} data-testid={`account-${a.id}`}>
                    <Table.Cell>{name}</Table.Cell>
                    <Table.Cell>
                      {a.roles.length > 0
                        ? a.roles.map((r) => t(`role.${r}`)).join(', ')
                        : t('access.noRoles')}
                    </Table.Cell>
                    <Table.Cell>{formatDateTime(a.createdAt, i18n.language)}</Table.Cell>
                    <Table.Cell>
                      {mode === 'roles' ? (
                        <RolesForm account={a} name={name} onDone={() => setRowMode(null)} />
                      ) : mode === 'revoke' ? (
                        <RevokeAccount account={a} name={name} onDone={() => setRowMode(null)} />
                      ) : (
                        <div className="row">
                          <Button
                            variant="secondary"
                            data-size="sm"
                            aria-label={t('access.changeRolesFor', { name })}
                            onClick={() => setRowMode({ id: a.id, mode: 'roles' })}
                          >
                            {t('access.changeRoles')}
                          </Button>
                          <Button
                            variant="tertiary"
                            data-size="sm"
                            aria-label={t('access.revokeFor', { name })}
                            onClick={() => setRowMode({ id: a.id, mode: 'revoke' })}
                          >
                            {t('access.revoke')}
                          </Button>
                        </div>
                      )}
                    </Table.Cell>
                  </Table.Row>
                );
              })}
            </Table.Body>
          </Table>
        </TableScroll>
      ) : null}
    </section>
  );
}
