import { Button, Fieldset, Heading, Paragraph, Table } from '@digdir/designsystemet-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  organisationNumberOk,
  SCOPES,
  scopeKey,
  useMachineClients,
  useRegisterClient,
  useRevokeClient,
  type MachineClient,
  type Scope,
} from './api';
import { ifMatch } from '../../api/etag';
import { ApiError, problemCode, type FieldErrors } from '../../api/problem';
import { useAnnounce } from '../shared/Announcer';
import {
  CheckboxInput,
  FormActions,
  FormError,
  FormNotices,
  TextInput,
} from '../shared/form/fields';
import { useForm } from '../shared/form/useForm';
import { limitOf, textError } from '../shared/form/limits';
import { Empty, ErrorState, Loading } from '../shared/States';
import { ConfirmRow, TableScroll } from './shared';

type ScopeFlags = Record<Scope, boolean>;
type ClientValues = ScopeFlags & { organisationNumber: string; name: string };

function RegisterForm({ onDone }: { onDone: () => void }) {
  const { t } = useTranslation();
  const announce = useAnnounce();
  const register = useRegisterClient();
  const first = SCOPES[0] ?? 'samordna:organisation.read';
  const labels = {
    organisationNumber: t('access.organisationNumber'),
    name: t('access.clientName'),
    [first]: t('access.scopesLegend'),
  };
  const noScopes = Object.fromEntries(SCOPES.map((s) => [s, false])) as ScopeFlags;
  const form = useForm<ClientValues>({
    formId: 'access-client',
    initial: { organisationNumber: '', name: '', ...noScopes },
    persistDraft: false,
    validate: (v) => {
      const e: FieldErrors = {};
      const number = v.organisationNumber.replace(/\s/g, '');
      if (!number) e.organisationNumber = t('validation.required');
      else if (!organisationNumberOk(number))
        e.organisationNumber = t('access.invalidOrganisationNumber');
      e.name = textError(v.name, limitOf('MachineClientCreate', 'name'), t);
      if (!SCOPES.some((s) => v[s])) e[first] = t('access.chooseScope');
      return e;
    },
  });
  return (
    <form
      className="form"
      noValidate
      aria-labelledby="register-heading"
      onSubmit={form.handleSubmit(async (v) => {
        const saved = await register.mutateAsync({
          body: {
            organisationNumber: v.organisationNumber.replace(/\s/g, ''),
            name: v.name.trim(),
            scopes: SCOPES.filter((s) => v[s]),
          },
        });
        announce(t('access.registered', { name: saved.name }));
        onDone();
      })}
    >
      <Heading level={3} data-size="xs" id="register-heading">
        {t('access.registerTitle')}
      </Heading>
      <FormNotices form={form} labels={labels} />
      <TextInput
        form={form}
        name="organisationNumber"
        label={labels.organisationNumber}
        required
        inputMode="numeric"
        autoComplete="off"
      />
      <TextInput form={form} name="name" label={labels.name} required autoComplete="off" />
      <Fieldset>
        <Fieldset.Legend>{t('access.scopesLegend')}</Fieldset.Legend>
        {SCOPES.map((s) => (
          <CheckboxInput key={s} form={form} name={s} label={t(scopeKey(s))} />
        ))}
      </Fieldset>
      <FormActions>
        <Button type="submit" disabled={form.status === 'submitting'}>
          {t('access.register')}
        </Button>
        <Button type="button" variant="secondary" onClick={onDone}>
          {t('form.cancel')}
        </Button>
      </FormActions>
    </form>
  );
}

function RevokeClient({ client, onDone }: { client: MachineClient; onDone: () => void }) {
  const { t } = useTranslation();
  const announce = useAnnounce();
  const revoke = useRevokeClient();
  const [error, setError] = useState<string>();
  return (
    <>
      <ConfirmRow
        question={t('access.revokeClientConfirm', { name: client.name })}
        confirmLabel={t('access.revokeClient')}
        busy={revoke.isPending}
        onCancel={onDone}
        onConfirm={() => {
          setError(undefined);
          revoke.mutate(
            {
              params: {
                path: { organisation_number: client.organisationNumber },
                header: ifMatch(client.version),
              },
            },
            {
              onSuccess: () => {
                announce(t('access.clientRevoked', { name: client.name }));
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

export function ClientsSection() {
  const { t } = useTranslation();
  const clients = useMachineClients();
  const [registering, setRegistering] = useState(false);
  const [revoking, setRevoking] = useState<string | null>(null);
  return (
    <section aria-labelledby="clients-heading" className="stack">
      <div className="page-head">
        <Heading level={2} data-size="sm" id="clients-heading">
          {t('access.clientsHeading')}
        </Heading>
        {!registering ? (
          <Button onClick={() => setRegistering(true)}>{t('access.registerTitle')}</Button>
        ) : null}
      </div>
      <Paragraph>{t('access.clientsIntro')}</Paragraph>
      {registering ? <RegisterForm onDone={() => setRegistering(false)} /> : null}
      {clients.isPending ? <Loading /> : null}
      {clients.isError ? (
        <ErrorState error={clients.error} onRetry={() => void clients.refetch()} />
      ) : null}
      {clients.data?.length === 0 ? <Empty>{t('access.noClients')}</Empty> : null}
      {clients.data && clients.data.length > 0 ? (
        <TableScroll labelledBy="clients-heading">
          <Table data-testid="machine-clients">
            <caption className="sr-only">{t('access.clientsCaption')}</caption>
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell>{t('access.clientName')}</Table.HeaderCell>
                <Table.HeaderCell>{t('access.organisationNumber')}</Table.HeaderCell>
                <Table.HeaderCell>{t('access.scopes')}</Table.HeaderCell>
                <Table.HeaderCell>{t('access.actions')}</Table.HeaderCell>
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {clients.data.map((c) => (
                <Table.Row key={c.organisationNumber}>
                  <Table.Cell>{c.name}</Table.Cell>
                  <Table.Cell>{c.organisationNumber}</Table.Cell>
                  <Table.Cell>{c.scopes.map((s) => t(scopeKey(s))).join(', ')}</Table.Cell>
                  <Table.Cell>
                    {revoking === c.organisationNumber ? (
                      <RevokeClient client={c} onDone={() => setRevoking(null)} />
                    ) : (
                      <Button
                        variant="tertiary"
                        data-size="sm"
                        aria-label={t('access.revokeClientFor', { name: c.name })}
                        onClick={() => setRevoking(c.organisationNumber)}
                      >
                        {t('access.revokeClient')}
                      </Button>
                    )}
                  </Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        </TableScroll>
      ) : null}
    </section>
  );
}
