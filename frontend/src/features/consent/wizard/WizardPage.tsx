/** Consent room: the guided consent wizard — scope, the parties the policy requires (one step per
 * guardian with parental responsibility), the child's own view, method and evidence, summary. */
import { Button, Heading, Paragraph } from '@digdir/designsystemet-react';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { todayIso } from '../../../i18n/format';
import { useAnnounce } from '../../shared/Announcer';
import { useFlashNavigate } from '../../shared/Flash';
import { FormActions, FormNotices } from '../../shared/form/fields';
import { useForm } from '../../shared/form/useForm';
import { itemsOf, useOrganisations, usePolicy, useRegisterConsent } from '../api';
import { CaseFrame } from '../CaseFrame';
import { ageOn, regimeOf } from '../policy';
import { CATEGORIES, type CaseFacts, type Regime } from '../types';
import { MethodStep, SummaryStep } from './MethodSteps';
import { ChildStep, GuardianStep, PartiesStep } from './PartySteps';
import { ScopeStep } from './ScopeStep';
import {
  initialValues,
  required,
  stepsOf,
  toBody,
  validateStep,
  type WizardValues,
} from './values';
import '../consent.css';

function Wizard({ facts }: { facts: CaseFacts }) {
  const { t } = useTranslation();
  const announce = useAnnounce();
  const flashTo = useFlashNavigate();
  const policy = usePolicy();
  const organisations = itemsOf(useOrganisations().data);
  const register = useRegisterConsent();
  const names = new Map(organisations.map((o) => [o.id, o.name]));
  const regimes = new Map<string, Regime>(organisations.map((o) => [o.id, regimeOf(o.type)]));
  const version = policy.data?.policyVersion ?? '2026-1';
  const [index, setIndex] = useState(0);
  const heading = useRef<HTMLHeadingElement>(null);
  const form = useForm<WizardValues>({
    formId: 'consent-wizard',
    initial: initialValues(facts, todayIso(), version),
    validate: (v) => {
      const r = required(v, regimes, ageOn(facts.birthDate, v.validFrom || todayIso()));
      const all = stepsOf(facts, r);
      return validateStep(v, all[Math.min(index, all.length - 1)] ?? { kind: 'summary' }, r, t);
    },
  });
  const v = form.values;
  const age = ageOn(facts.birthDate, v.validFrom || todayIso());
  const req = required(v, regimes, age);
  const steps = stepsOf(facts, req);
  const at = Math.min(index, steps.length - 1);
  const step = steps[at] ?? { kind: 'summary' as const };
  const last = at === steps.length - 1;
  const stepName = (i: number) => {
    const s = steps[i];
    if (!s) return '';
    return s.kind === 'guardian'
      ? t('consent.wizard.step.guardian', { name: s.name })
      : t(`consent.wizard.step.${s.kind}`);
  };
  const moved = useRef(false);
  useEffect(() => {
    if (moved.current) heading.current?.focus();
    moved.current = true;
  }, [at]);
  const categories = policy.data?.categories?.length ? policy.data.categories : CATEGORIES;
  const labels = {
    purposes: t('consent.field.purposes'),
    allowedCategories: t('consent.field.allowedCategories'),
    sourceOrganisationIds: t('consent.field.sources'),
    recipientOrganisationIds: t('consent.field.recipients'),
    forums: t('consent.field.forums'),
    validFrom: t('consent.field.validFrom'),
    validTo: t('consent.field.validTo'),
    guardianVerification: t('consent.field.guardianVerification'),
    subjectVerification: t('consent.field.subjectVerification'),
    childView: t('consent.field.childView'),
    method: t('consent.field.method'),
    evidenceRef: t('consent.field.evidenceRef'),
    noticeVersion: t('consent.field.noticeVersion'),
    collectedByOrganisationId: t('consent.field.collectedBy'),
  };

  return (
    <form
      className="form"
      noValidate
      aria-labelledby="wizard-step"
      onSubmit={form.handleSubmit(async (values) => {
        if (!last) {
          setIndex(at + 1);
          form.reset(values);
          return;
        }
        await register.mutateAsync({ caseId: facts.id, body: toBody(values, facts, req) });
        const message = t('consent.registered');
        announce(message);
        flashTo(`/saker/${facts.id}/samtykke`, message);
      })}
    >
      <ol className="wizard-steps" aria-label={t('consent.wizard.progress')}>
        {steps.map((_, i) => (
          <li key={i} aria-current={i === at ? 'step' : undefined}>
            {stepName(i)}
          </li>
        ))}
      </ol>
      <Heading level={2} data-size="xs" id="wizard-step" ref={heading} tabIndex={-1}>
        {t('consent.wizard.stepOf', { n: at + 1, total: steps.length, name: stepName(at) })}
      </Heading>
      <FormNotices form={form} labels={labels} />
      {step.kind === 'scope' ? (
        <ScopeStep form={form} categories={categories} organisations={organisations} />
      ) : null}
      {step.kind === 'parties' ? <PartiesStep facts={facts} req={req} age={age} /> : null}
      {step.kind === 'guardian' ? (
        <GuardianStep
          key={step.guardianId}
          form={form}
          guardianId={step.guardianId}
          name={step.name}
        />
      ) : null}
      {step.kind === 'child' ? <ChildStep form={form} req={req} /> : null}
      {step.kind === 'method' ? <MethodStep form={form} organisations={organisations} /> : null}
      {step.kind === 'summary' ? (
        <>
          <Paragraph>{t('consent.wizard.summaryIntro')}</Paragraph>
          <SummaryStep values={v} facts={facts} req={req} names={names} />
        </>
      ) : null}
      <FormActions>
        {at > 0 ? (
          <Button type="button" variant="secondary" onClick={() => setIndex(at - 1)}>
            {t('consent.wizard.back')}
          </Button>
        ) : null}
        <Button type="submit" disabled={form.status === 'submitting'}>
          {last ? t('consent.wizard.register') : t('consent.wizard.next')}
        </Button>
        <Button asChild variant="tertiary">
          <Link to={`/saker/${facts.id}/samtykke`}>{t('form.cancel')}</Link>
        </Button>
      </FormActions>
    </form>
  );
}

export default function WizardPage() {
  const { t } = useTranslation();
  return (
    <CaseFrame title={t('consent.wizard.title')}>{(facts) => <Wizard facts={facts} />}</CaseFrame>
  );
}
