/** Action plans room: adopt a draft with a steering body's numbered decision from approved
 * minutes (picked from the decision register), confirmed by the button. */
import {
  Button,
  Field,
  Heading,
  Label,
  Paragraph,
  Select,
  ValidationMessage,
} from '@digdir/designsystemet-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ifMatch } from '../../api/etag';
import { ApiError, problemCode } from '../../api/problem';
import { formatDate } from '../../i18n/format';
import { useAnnounce } from '../shared/Announcer';
import { FormError } from '../shared/form/fields';
import { useAdoptPlan, useDecisions } from './api';
import type { DecisionRef, Plan } from './types';

export function decisionLabel(
  d: Pick<DecisionRef, 'label' | 'bodyName' | 'meetingDate'>,
  lng: string,
): string {
  return `${d.label ?? ''} – ${d.bodyName}, ${formatDate(d.meetingDate, lng)}`;
}

export function AdoptPlan({ plan }: { plan: Plan }) {
  const { t, i18n } = useTranslation();
  const announce = useAnnounce();
  const decisions = useDecisions('steering');
  const adopt = useAdoptPlan();
  const [decisionId, setDecisionId] = useState('');
  const [error, setError] = useState<string>();
  const [fieldError, setFieldError] = useState<string>();
  const items = decisions.data ?? [];
  const chosen = items.find((d) => d.id === decisionId);

  async function submit() {
    setError(undefined);
    setFieldError(undefined);
    if (!decisionId) return setFieldError(t('actionPlans.adopt.choose'));
    try {
      await adopt.mutateAsync({
        params: { path: { id: plan.id }, header: ifMatch(plan.version) },
        body: { decisionId },
      });
      announce(t('actionPlans.adopt.done', { name: plan.title }));
    } catch (e) {
      const code = e instanceof ApiError ? problemCode(e) : 'generic';
      setError(
        e instanceof ApiError && e.status === 412
          ? t('actionPlans.adopt.conflict')
          : t(`actionPlans.problem.${code}`, { defaultValue: t('problem.generic') }),
      );
    }
  }

  return (
    <section className="stack adopt-panel" aria-labelledby="adopt-heading">
      <Heading level={2} data-size="xs" id="adopt-heading">
        {t('actionPlans.adopt.title')}
      </Heading>
      <Paragraph data-size="sm">{t('actionPlans.adopt.help')}</Paragraph>
      {decisions.data && items.length === 0 ? (
        <Paragraph data-testid="no-decisions">{t('actionPlans.adopt.none')}</Paragraph>
      ) : (
        <Field>
          <Label htmlFor="adopt-decision">{t('actionPlans.adopt.decision')}</Label>
          <Select
            id="adopt-decision"
            value={decisionId}
            aria-invalid={fieldError ? true : undefined}
            onChange={(e) => setDecisionId(e.target.value)}
          >
            <Select.Option value="">{t('form.choose')}</Select.Option>
            {items.map((d) => (
              <Select.Option key={d.id} value={d.id}>
                {decisionLabel(d, i18n.language)}
              </Select.Option>
            ))}
          </Select>
          {fieldError ? <ValidationMessage>{fieldError}</ValidationMessage> : null}
        </Field>
      )}
      {chosen?.text ? (
        <blockquote className="decision-text pre-line" data-testid="decision-text">
          {chosen.text}
        </blockquote>
      ) : null}
      <FormError message={error} />
      <div>
        <Button onClick={() => void submit()} disabled={adopt.isPending || items.length === 0}>
          {t('actionPlans.adopt.submit')}
        </Button>
      </div>
    </section>
  );
}
