/** Cases room: the Team tab — who is on the case (each member shown with its "why" or withheld),
 * the lead adds a person with the organisation they represent and removes a member. */
import { Button, Heading, Paragraph, Table } from '@digdir/designsystemet-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PersonPicker, type Picked } from '../../organisation/PersonPicker';
import { useAnnounce } from '../../shared/Announcer';
import { ConfirmDelete } from '../../shared/ConfirmDelete';
import { InlineForm, useInlineForms } from '../../shared/InlineForm';
import { FormActions, FormError, FormNotices, SelectInput } from '../../shared/form/fields';
import { useForm } from '../../shared/form/useForm';
import { useAddMember, useOrganisationNames, useOrganisations, useRemoveMember } from '../api';
import { caseProblemText, useRefusal } from '../problems';
import { isWithheld, type CaseView, type MemberRole, type MemberView } from '../types';
import { Shown } from './Access';

interface Values {
  organisationId: string;
  role: string;
}

function AddMember({ view, onDone }: { view: CaseView; onDone: () => void }) {
  const { t } = useTranslation();
  const announce = useAnnounce();
  const add = useAddMember();
  const refusal = useRefusal();
  const organisations = useOrganisations();
  const [person, setPerson] = useState<Picked | null>(null);
  const [personError, setPersonError] = useState<string>();
  const labels = {
    personId: t('cases.team.person'),
    organisationId: t('cases.team.organisation'),
    role: t('cases.team.roleLabel'),
  };
  const form = useForm<Values>({
    formId: `team-${view.id}`,
    persistDraft: false,
    initial: { organisationId: '', role: 'member' },
    validate: (v) => ({
      organisationId: v.organisationId ? undefined : t('validation.required'),
    }),
  });
  return (
    <InlineForm
      id={`team-form-${view.id}`}
      dirty={form.dirty || person !== null}
      onCancel={onDone}
      labelledBy="team-add-heading"
      onSubmit={(e) => {
        if (!person) {
          e.preventDefault();
          setPersonError(t('validation.required'));
          return;
        }
        void form.handleSubmit((v) =>
          refusal.guard(async () => {
            await add.mutateAsync({
              params: { path: { id: view.id } },
              body: {
                personId: person.id,
                organisationId: v.organisationId,
                role: v.role as MemberRole,
              },
            });
            announce(t('cases.team.added', { name: person.name }));
            onDone();
          }),
        )(e);
      }}
    >
      <Heading level={3} data-size="2xs" id="team-add-heading">
        {t('cases.team.add')}
      </Heading>
      <FormNotices form={form} labels={labels} />
      <FormError message={refusal.message} />
      <PersonPicker
        id={`team-${view.id}-personId`}
        label={labels.personId}
        required
        error={personError}
        value={person}
        onChange={(p) => {
          setPerson(p);
          setPersonError(undefined);
        }}
      />
      <SelectInput
        form={form}
        name="organisationId"
        label={labels.organisationId}
        required
        emptyLabel={t('form.choose')}
        options={(organisations.data?.items ?? []).map((o) => ({ value: o.id, label: o.name }))}
      />
      <SelectInput
        form={form}
        name="role"
        label={labels.role}
        options={(['member', 'lead'] as const).map((r) => ({
          value: r,
          label: t(`cases.role.${r}`),
        }))}
      />
      <FormActions>
        <Button type="submit" disabled={form.status === 'submitting'}>
          {t('cases.team.add')}
        </Button>
        <Button type="button" variant="secondary" onClick={onDone}>
          {t('form.cancel')}
        </Button>
      </FormActions>
    </InlineForm>
  );
}

function RemoveMember({ view, member }: { view: CaseView; member: MemberView }) {
  const { t } = useTranslation();
  const remove = useRemoveMember();
  const organisations = useOrganisationNames();
  const name = isWithheld(member.member)
    ? t('cases.team.withheldMember', {
        organisation: (member.organisationId && organisations.get(member.organisationId)) || '—',
      })
    : member.member.name;
  return (
    <ConfirmDelete
      label={t('cases.team.remove', { name })}
      question={t('cases.team.removeQuestion', { name })}
      confirmLabel={t('cases.team.remove', { name })}
      remove={() => remove.mutateAsync({ params: { path: { id: view.id, member_id: member.id } } })}
      pending={remove.isPending}
      done={t('cases.team.removed', { name })}
      to={`/saker/${view.id}/team`}
      errorText={(e) => caseProblemText(e, t)}
    />
  );
}

export function Team({ view }: { view: CaseView }) {
  const { t } = useTranslation();
  const forms = useInlineForms<'add'>('team-heading');
  const lead = view.myRole === 'lead';
  const names = useOrganisationNames();
  return (
    <section className="stack" aria-labelledby="team-heading">
      <Heading level={2} data-size="xs" id="team-heading" tabIndex={-1}>
        {t('cases.team.title')}
      </Heading>
      {view.team.length === 0 ? <Paragraph>{t('cases.team.none')}</Paragraph> : null}
      {view.team.length > 0 ? (
        <div className="table-wrap">
          <Table data-testid="team" className="table-cards">
            <caption className="sr-only">{t('cases.team.title')}</caption>
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell>{t('cases.team.name')}</Table.HeaderCell>
                <Table.HeaderCell>{t('cases.team.organisation')}</Table.HeaderCell>
                <Table.HeaderCell>{t('cases.team.roleLabel')}</Table.HeaderCell>
                {lead ? <Table.HeaderCell>{t('cases.team.actions')}</Table.HeaderCell> : null}
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {view.team.map((m) => (
                <Table.Row key={m.id}>
                  <Table.Cell data-label={t('cases.team.name')}>
                    <Shown item={m.member}>{(value) => value.name}</Shown>
                  </Table.Cell>
                  <Table.Cell data-label={t('cases.team.organisation')}>
                    {(m.organisationId && names.get(m.organisationId)) ?? ''}
                  </Table.Cell>
                  <Table.Cell data-label={t('cases.team.roleLabel')}>
                    {t(`cases.role.${m.role}`)}
                  </Table.Cell>
                  {lead ? (
                    <Table.Cell data-label={t('cases.team.actions')}>
                      <RemoveMember view={view} member={m} />
                    </Table.Cell>
                  ) : null}
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        </div>
      ) : null}
      {lead ? (
        forms.open === 'add' ? (
          <AddMember view={view} onDone={forms.close} />
        ) : (
          <div>
            <Button id="team-add" onClick={() => forms.openForm('add', 'team-add')}>
              {t('cases.team.add')}
            </Button>
          </div>
        )
      ) : null}
    </section>
  );
}
