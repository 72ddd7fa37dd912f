/** Consent room: the guided consent wizard — scope, the parties the policy requires (one step per
 * guardian with parental responsibility), the child's own view, method and evidence, summary —
 * then, the consent registered, each party's answer recorded in the same flow. */
import { Button, Heading, Paragraph } from '@digdir/designsystemet-react';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { todayIso } from '../../../i18n/format';
import { useAnnounce } from '../../shared/Announcer';
import { FormActions, FormNotices } from '../../shared/form/fields';
import { useForm } from '../../shared/form/useForm';
import { useOrganisations, usePolicy, useRegimes, useRegisterConsent } from '../api';
import { CaseFrame } from '../CaseFrame';
import { NOTICE_VERSION, noticeText, sha256Hex } from '../notice';
import { ageOn } from '../policy';
import { CATEGORIES, type CaseFacts } from '../types';
import { Answers } from './Answers';
import { MethodStep, SummaryStep } from './MethodSteps';
import { ChildStep, GuardianStep, PartiesStep } from './PartySteps';
import { ScopeStep } from './ScopeStep';
import {
  initialValues,
  required,
  stepsOf,
  toBody,
  validateStep,
  type Step,
  type WizardValues,
} from './values';
import '../consent.css';

function Wizard({ facts }: { facts: CaseFacts }) {
  const { t, i18n } = useTranslation();
  const announce = useAnnounce();
  const policy = usePolicy();
  const organisations = useOrganisations().data?.items ?? [];
  const register = useRegisterConsent();
  const names = new Map(organisations.map((o) => [o.id, o.name]));
  const regimes = useRegimes();
  const [index, setIndex] = useState(0);
  const [registered, setRegistered] = useState<string>();
  const heading = useRef<HTMLHeadingElement>(null);
  const today = todayIso();
  const stepAt = (v: WizardValues, i: number): { steps: Step[]; step: Step } => {
    const r = required(v, regimes, ageOn(facts.birthDate, v.validFrom || today));
    const steps = stepsOf(facts, r);
    return { steps, step: steps[Math.min(i, steps.length - 1)] ?? { kind: 'summary' } };
  };
  const form = useForm<WizardValues>({
    formId: 'consent-wizard',
    initial: initialValues(facts, today, NOTICE_VERSION),
    validate: (v) => {
      const r = required(v, regimes, ageOn(facts.birthDate, v.validFrom || today));
      return validateStep(v, stepAt(v, index).step, r, t);
    },
  });
  const v = form.values;
  const age = ageOn(facts.birthDate, v.validFrom || today);
  const req = required(v, regimes, age);
  const { steps, step } = stepAt(v, index);
  const at = Math.min(index, steps.length - 1);
  const last = at === steps.length - 1;
  const total = steps.length + 1;
  const stepName = (s: Step | undefined) =>
    !s
      ? t('consent.wizard.step.answers')
      : s.kind === 'guardian'
        ? t('consent.wizard.step.guardian', { name: s.name })
        : t(`consent.wizard.step.${s.kind}`);
  const moved = useRef(false);
  useEffect(() => {
    if (moved.current) heading.current?.focus();
    moved.current = true;
  }, [at, registered]);
  const categories = policy.data?.categories.length ? policy.data.categories : CATEGORIES;
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
    collectedByOrganisationId: t('consent.field.collectedBy'),
  };
  const progress = (
    <ol className="wizard-steps" aria-label={t('consent.wizard.progress')}>
      {[...steps, undefined].map((s, i) => (
        <li
          key={i}
          aria-current={(registered ? i === steps.length : i === at) ? 'step' : undefined}
        >
          {stepName(s)}
        </li>
      ))}
    </ol>
  );

  if (registered)
    return (
      <div className="stack">
        {progress}
        <Heading level={2} data-size="xs" id="wizard-step" ref={heading} tabIndex={-1}>
          {t('consent.wizard.stepOf', { n: total, total, name: stepName(undefined) })}
        </Heading>
        <Answers
          facts={facts}
          consentId={registered}
          names={names}
          regimes={regimes}
          defaults={{ method: v.method, evidenceRef: v.evidenceRef }}
        />
      </div>
    );

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
        const text = noticeText(i18n, values.noticeLanguage, values.easyRead);
        const saved = await register.mutateAsync({
          params: { path: { id: facts.id } },
          body: toBody(values, facts, req, await sha256Hex(text)),
        });
        announce(t('consent.registered'));
        setRegistered(saved.id);
      })}
    >
      {progress}
      <Heading level={2} data-size="xs" id="wizard-step" ref={heading} tabIndex={-1}>
        {t('consent.wizard.stepOf', { n: at + 1, total, name: stepName(step) })}
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
  return <CaseFrame tab="consent">{(facts) => <Wizard facts={facts} />}</CaseFrame>;
}
