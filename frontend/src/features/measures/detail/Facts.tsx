/** Measures room: every field of a measure, read-only, with the decision's link to its meeting
 * and the registry warning. */
import { Alert, Link as DsLink, Paragraph } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDate, formatNumber } from '../../../i18n/format';
import { usePersonNames } from '../../meetings/people';
import { useAllOrganisations } from '../../organisation/api';
import { useFocusAreas, useGoals } from '../plans';
import type { Measure } from '../types';

export function DecisionLink({ measure }: { measure: Measure }) {
  const { t, i18n } = useTranslation();
  const d = measure.decision;
  if (!d) return <>{t('measures.detail.noDecision')}</>;
  return (
    <DsLink asChild>
      <Link to={`/moter/${d.meetingId}`} data-testid="decision-link">
        {t('measures.detail.decisionLink', {
          label: d.label ?? '',
          body: d.bodyName,
          date: formatDate(d.meetingDate, i18n.language),
        })}
      </Link>
    </DsLink>
  );
}

export function RegistryWarnings({ measure }: { measure: Measure }) {
  const { t } = useTranslation();
  const warns = measure.registryReferences.filter(
    (r) => r.verdict === 'ineffective' || r.verdict === 'harmful',
  );
  if (warns.length === 0) return null;
  return (
    <Alert data-color="danger" data-testid="registry-warning">
      {warns.map((r, i) => (
        <Paragraph key={i}>
          {t('measures.registry.warning', {
            registry: t(`measures.registry.${r.registry}`),
            verdict: t(`measures.verdict.${r.verdict}`),
          })}
        </Paragraph>
      ))}
    </Alert>
  );
}

export function Facts({ measure: m }: { measure: Measure }) {
  const { t, i18n } = useTranslation();
  const person = usePersonNames();
  const orgs = useAllOrganisations();
  const orgName = new Map((orgs.data?.items ?? []).map((o) => [o.id, o.name]));
  const areas = new Map(useFocusAreas().map((f) => [f.id, f.title]));
  const goals = new Map(useGoals().map((g) => [g.id, g.path]));
  const none = t('measures.detail.none');
  const list = (xs: string[], name: (x: string) => string | undefined) =>
    xs.length ? xs.map((x) => name(x) ?? x).join(', ') : none;
  const day = (d: string | null) => (d ? formatDate(d, i18n.language) : none);
  const yes = (b: boolean) => t(b ? 'measures.detail.yes' : 'measures.detail.no');
  const plan = m.evaluationPlan;
  const rows: [string, string][] = [
    ['problem', m.problem],
    ['tier', t(`measures.tier.${m.tier}`)],
    ['description', m.description ?? none],
    ['targetGroup', m.targetGroup ?? none],
    [
      'targetAgeMin',
      m.targetAgeMin !== null || m.targetAgeMax !== null
        ? t('measures.detail.ageRange', { min: m.targetAgeMin ?? '', max: m.targetAgeMax ?? '' })
        : none,
    ],
    ['ownerId', m.ownerId ? person(m.ownerId) : none],
    ['responsibleOrganisationIds', list(m.responsibleOrganisationIds, (x) => orgName.get(x))],
    ['partnerOrganisationIds', list(m.partnerOrganisationIds, (x) => orgName.get(x))],
    ['budgetNok', m.budgetNok !== null ? formatNumber(m.budgetNok, i18n.language) : none],
    ['staffHours', m.staffHours !== null ? formatNumber(m.staffHours, i18n.language) : none],
    ['startOn', day(m.startOn)],
    ['endOn', day(m.endOn)],
    ['focusAreaIds', list(m.focusAreaIds, (x) => areas.get(x))],
    ['goalIds', list(m.goalIds, (x) => goals.get(x))],
    ['riskFactors', list(m.riskFactors, (x) => t(`measures.factor.${x}`, { defaultValue: x }))],
    [
      'protectiveFactors',
      list(m.protectiveFactors, (x) => t(`measures.factor.${x}`, { defaultValue: x })),
    ],
    ['evidence', t(`measures.evidence.${m.evidence}`)],
    [
      'registryReferences',
      list(
        m.registryReferences.map(
          (r) =>
            `${t(`measures.registry.${r.registry}`)}: ${r.rating} (${t(`measures.verdict.${r.verdict}`)})`,
        ),
        (x) => x,
      ),
    ],
    [
      'evaluationPlan',
      plan
        ? `${plan.aspects.map((a) => t(`measures.aspect.${a}`)).join(', ')} – ${plan.method} – ${t(`measures.performer.${plan.performer}`)}${plan.performerName ? ` (${plan.performerName})` : ''} – ${day(plan.dueOn)}`
        : none,
    ],
    ['newOrTrial', yes(m.newOrTrial)],
    ['transferable', yes(m.transferable)],
    ['riskOfNegativeEffects', yes(m.riskOfNegativeEffects)],
    ['strategyAnchored', yes(m.strategyAnchored)],
    ['proposedBy', m.proposedBy ? person(m.proposedBy) : none],
  ];
  if (m.closingNote) rows.push(['closingNote', m.closingNote]);
  return (
    <dl className="facts" data-testid="measure-facts">
      <div className="facts-row">
        <dt>{t('measures.field.stage')}</dt>
        <dd data-testid="measure-stage">{t(`measures.stage.${m.stage}`)}</dd>
      </div>
      <div className="facts-row">
        <dt>{t('measures.field.decision')}</dt>
        <dd>
          <DecisionLink measure={m} />
        </dd>
      </div>
      {rows.map(([key, value]) => (
        <div key={key} className="facts-row">
          <dt>{t(`measures.field.${key}`)}</dt>
          <dd data-field={key}>{value}</dd>
        </div>
      ))}
      <div className="facts-row">
        <dt>{t('measures.section.flags')}</dt>
        <dd>
          {m.evaluationRequired
            ? t('measures.detail.evaluationRequired', {
                triggers: m.evaluationTriggers.map((x) => t(`measures.trigger.${x}`)).join(', '),
              })
            : t('measures.detail.evaluationOptional')}
        </dd>
      </div>
    </dl>
  );
}
