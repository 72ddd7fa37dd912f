/** Cases room: the Ungdomsplan tab — commitments (kind, responsible service, status) with their
 * descriptions and breaches, each shown with its "why" or withheld; add a commitment, record a
 * breach. */
import { Button, Heading, List, Paragraph, Tag } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../../i18n/format';
import { InlineForm, useInlineForms } from '../../shared/InlineForm';
import { useAnnounce } from '../../shared/Announcer';
import {
  FormActions,
  FormError,
  FormNotices,
  SelectInput,
  TextInput,
} from '../../shared/form/fields';
import { limitOf, textError } from '../../shared/form/limits';
import { useForm } from '../../shared/form/useForm';
import { useAddCommitment, useOrganisationNames, useOrganisations } from '../api';
import {
  COMMITMENT_KINDS,
  isWithheld,
  type CaseView,
  type CommitmentKind,
  type CommitmentView,
} from '../types';
import { useRefusal } from '../problems';
import { Shown } from './Access';
import { BreachForm } from './BreachForm';

interface CommitmentValues {
  kind: string;
  description: string;
  responsibleOrganisationId: string;
}

function CommitmentForm({ view, onDone }: { view: CaseView; onDone: () => void }) {
  const { t } = useTranslation();
  const announce = useAnnounce();
  const add = useAddCommitment();
  const refusal = useRefusal();
  const organisations = useOrganisations();
  const labels = {
    kind: t('cases.plan.kindLabel'),
    description: t('cases.plan.description'),
    responsibleOrganisationId: t('cases.plan.responsible'),
  };
  const form = useForm<CommitmentValues>({
    formId: `commitment-${view.id}`,
    persistDraft: false,
    initial: { kind: '', description: '', responsibleOrganisationId: view.myOrganisationId ?? '' },
    validate: (v) => ({
      kind: v.kind ? undefined : t('validation.required'),
      description: textError(v.description, limitOf('CommitmentCreate', 'description'), t),
      responsibleOrganisationId: v.responsibleOrganisationId ? undefined : t('validation.required'),
    }),
  });
  return (
    <InlineForm
      id={`commitment-form-${view.id}`}
      dirty={form.dirty}
      onCancel={onDone}
      labelledBy="plan-add-heading"
      onSubmit={(e) =>
        void form.handleSubmit((v) =>
          refusal.guard(async () => {
            await add.mutateAsync({
              params: { path: { id: view.id } },
              body: {
                kind: v.kind as CommitmentKind,
                description: v.description.trim(),
                responsibleOrganisationId: v.responsibleOrganisationId,
                status: 'planned',
              },
            });
            announce(t('cases.plan.added'));
            onDone();
          }),
        )(e)
      }
    >
      <Heading level={3} data-size="2xs" id="plan-add-heading">
        {t('cases.plan.add')}
      </Heading>
      <FormNotices form={form} labels={labels} />
      <FormError message={refusal.message} />
      <SelectInput
        form={form}
        name="kind"
        label={labels.kind}
        required
        emptyLabel={t('form.choose')}
        options={COMMITMENT_KINDS.map((k) => ({ value: k, label: t(`cases.plan.kind.${k}`) }))}
      />
      <TextInput form={form} name="description" label={labels.description} multiline required />
      <SelectInput
        form={form}
        name="responsibleOrganisationId"
        label={labels.responsibleOrganisationId}
        required
        emptyLabel={t('form.choose')}
        options={(organisations.data?.items ?? []).map((o) => ({ value: o.id, label: o.name }))}
      />
      <FormActions>
        <Button type="submit" disabled={form.status === 'submitting'}>
          {t('cases.plan.add')}
        </Button>
        <Button type="button" variant="secondary" onClick={onDone}>
          {t('form.cancel')}
        </Button>
      </FormActions>
    </InlineForm>
  );
}

function CommitmentItem({
  item,
  breachOpen,
  onBreach,
  onClose,
}: {
  item: CommitmentView;
  breachOpen: boolean;
  onBreach: () => void;
  onClose: () => void;
}) {
  const { t, i18n } = useTranslation();
  const names = useOrganisationNames();
  const c = isWithheld(item.commitment) ? null : item.commitment;
  const kind = c ? t(`cases.plan.kind.${c.kind}`) : '';
  return (
    <List.Item data-testid="commitment">
      <Shown item={item.commitment}>
        {(value) => (
          <div className="row">
            <strong>{t(`cases.plan.kind.${value.kind}`)}</strong>
            <Tag data-size="sm" data-color={value.status === 'breached' ? 'danger' : 'info'}>
              {t(`cases.plan.status.${value.status}`)}
            </Tag>
            <span className="muted">{names.get(value.responsibleOrganisationId) ?? ''}</span>
          </div>
        )}
      </Shown>
      <Shown item={item.description}>{(d) => <Paragraph>{d.text}</Paragraph>}</Shown>
      {c ? (
        <div className="stack">
          <Heading level={4} data-size="2xs">
            {t('cases.plan.breaches')}
          </Heading>
          {c.breaches.length === 0 ? (
            <Paragraph data-size="sm">{t('cases.plan.noBreaches')}</Paragraph>
          ) : (
            <List.Unordered data-testid="breaches">
              {c.breaches.map((b) => (
                <List.Item key={b.id}>
                  {formatDate(b.occurredOn, i18n.language)} ·{' '}
                  {t(`cases.plan.consequence.${b.consequence}`)}
                  {b.description ? ` · ${b.description}` : ''}
                </List.Item>
              ))}
            </List.Unordered>
          )}
          {breachOpen ? (
            <BreachForm commitment={item} kind={kind} onDone={onClose} />
          ) : (
            <div>
              <Button
                id={`breach-${item.id}`}
                variant="secondary"
                data-size="sm"
                onClick={onBreach}
              >
                {t('cases.plan.recordBreach')}
              </Button>
            </div>
          )}
        </div>
      ) : null}
    </List.Item>
  );
}

export function Plan({ view }: { view: CaseView }) {
  const { t } = useTranslation();
  const forms = useInlineForms<string>('plan-heading');
  return (
    <section className="stack" aria-labelledby="plan-heading">
      <Heading level={2} data-size="xs" id="plan-heading" tabIndex={-1}>
        {t('cases.plan.title')}
      </Heading>
      {view.commitments.length === 0 ? <Paragraph>{t('cases.plan.none')}</Paragraph> : null}
      {view.commitments.length > 0 ? (
        <List.Unordered data-testid="commitments" className="case-list">
          {view.commitments.map((c) => (
            <CommitmentItem
              key={`${c.id}-${c.version}`}
              item={c}
              breachOpen={forms.open === c.id}
              onBreach={() => forms.openForm(c.id, `breach-${c.id}`)}
              onClose={forms.close}
            />
          ))}
        </List.Unordered>
      ) : null}
      {forms.open === 'new' ? (
        <CommitmentForm view={view} onDone={forms.close} />
      ) : (
        <div>
          <Button id="plan-add" onClick={() => forms.openForm('new', 'plan-add')}>
            {t('cases.plan.add')}
          </Button>
        </div>
      )}
    </section>
  );
}
