import { Button, Heading, Link as DsLink, Table, Tag } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { FieldErrors } from '../../../api/problem';
import { useAllBodies, useCreateMembership, useMemberships } from '../api';
import { BODY_ROLES, type BodyRole } from '../types';
import { useAnnounce } from '../../shared/Announcer';
import { FormActions, FormNotices, SelectInput, TextInput } from '../../shared/form/fields';
import { useForm } from '../../shared/form/useForm';
import { InlineForm, useInlineForms } from '../../shared/InlineForm';
import { Empty, ErrorState, Loading } from '../../shared/States';
import { formatDate, todayIso } from '../../../i18n/format';

function AddToBodyForm({
  personId,
  personName,
  onDone,
}: {
  personId: string;
  personName: string;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const announce = useAnnounce();
  const bodies = useAllBodies();
  const create = useCreateMembership();
  const labels = {
    bodyId: t('tenure.body'),
    role: t('membership.role'),
    validFrom: t('membership.validFrom'),
  };
  const form = useForm<{ bodyId: string; role: string; validFrom: string }>({
    formId: 'person-add-to-body',
    initial: { bodyId: '', role: 'member', validFrom: todayIso() },
    validate: (v) => {
      const e: FieldErrors = {};
      if (!v.bodyId) e.bodyId = t('tenure.chooseBody');
      if (!v.role) e.role = t('validation.required');
      return e;
    },
  });
  return (
    <InlineForm
      id="person-add-to-body"
      className="form panel"
      labelledBy="add-to-body-heading"
      dirty={form.dirty}
      onCancel={onDone}
      onSubmit={form.handleSubmit(async (v) => {
        const m = await create.mutateAsync({
          body: {
            bodyId: v.bodyId,
            personId,
            role: v.role as BodyRole,
            validFrom: v.validFrom || null,
          },
        });
        announce(t('tenure.addedTo', { name: personName, body: m.bodyName ?? '' }));
        onDone();
      })}
    >
      <Heading level={3} data-size="xs" id="add-to-body-heading">
        {t('tenure.addToBody')}
      </Heading>
      <FormNotices form={form} labels={labels} />
      <SelectInput
        form={form}
        name="bodyId"
        label={labels.bodyId}
        required
        emptyLabel={t('form.choose')}
        options={(bodies.data?.items ?? []).map((b) => ({ value: b.id, label: b.name }))}
      />
      <SelectInput
        form={form}
        name="role"
        label={labels.role}
        required
        options={BODY_ROLES.map((r) => ({ value: r, label: t(`bodyRole.${r}`) }))}
      />
      <TextInput form={form} name="validFrom" type="date" label={labels.validFrom} />
      <FormActions>
        <Button type="submit" disabled={form.status === 'submitting'}>
          {t('membership.add')}
        </Button>
        <Button type="button" variant="secondary" onClick={onDone}>
          {t('form.cancel')}
        </Button>
      </FormActions>
    </InlineForm>
  );
}

/** A person's bodies (current and earlier terms) and, for those who may, adding them to one. */
export function PersonBodies({
  personId,
  personName,
  canEdit,
}: {
  personId: string;
  personName: string;
  canEdit: boolean;
}) {
  const { t, i18n } = useTranslation();
  const memberships = useMemberships({ personId });
  const forms = useInlineForms<'add'>('person-memberships');
  const today = todayIso();
  const items = memberships.data?.items ?? [];
  return (
    <section aria-labelledby="person-memberships" className="stack">
      <div className="page-head">
        <Heading level={2} data-size="sm" id="person-memberships" tabIndex={-1}>
          {t('personForm.memberships')}
        </Heading>
        {canEdit && forms.open !== 'add' ? (
          <Button
            id="open-add-to-body"
            variant="secondary"
            onClick={() => forms.openForm('add', 'open-add-to-body')}
          >
            {t('tenure.addToBody')}
          </Button>
        ) : null}
      </div>
      {forms.open === 'add' ? (
        <AddToBodyForm personId={personId} personName={personName} onDone={forms.close} />
      ) : null}
      {memberships.isPending ? <Loading /> : null}
      {memberships.isError ? <ErrorState error={memberships.error} /> : null}
      {memberships.data && items.length === 0 ? (
        <Empty>{t('personForm.noMemberships')}</Empty>
      ) : null}
      {items.length > 0 ? (
        <div className="table-wrap">
          <Table data-testid="person-memberships" className="table-cards">
            <caption className="sr-only">{t('personForm.memberships')}</caption>
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell>{t('tenure.body')}</Table.HeaderCell>
                <Table.HeaderCell>{t('membership.role')}</Table.HeaderCell>
                <Table.HeaderCell>{t('membership.period')}</Table.HeaderCell>
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {items.map((m) => (
                <Table.Row key={m.id}>
                  <Table.Cell data-label={t('tenure.body')}>
                    <DsLink asChild>
                      <Link to={`/organer/${m.bodyId}`}>{m.bodyName ?? m.bodyId}</Link>
                    </DsLink>
                  </Table.Cell>
                  <Table.Cell data-label={t('membership.role')}>
                    {t(`bodyRole.${m.role}`)}
                    {m.validTo != null && m.validTo < today ? (
                      <>
                        {' '}
                        <Tag data-color="neutral" data-size="sm">
                          {t('membership.endedTag')}
                        </Tag>
                      </>
                    ) : null}
                  </Table.Cell>
                  <Table.Cell data-label={t('membership.period')}>
                    {m.validTo
                      ? t('membership.fromTo', {
                          from: formatDate(m.validFrom, i18n.language),
                          to: formatDate(m.validTo, i18n.language),
                        })
                      : t('membership.fromOpen', { from: formatDate(m.validFrom, i18n.language) })}
                  </Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        </div>
      ) : null}
    </section>
  );
}
