import { Alert, Heading, Link as DsLink, Paragraph, Tag } from '@digdir/designsystemet-react';
import { Suspense, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useHealth, usePicture } from './api';
import type { HealthCheck } from './types';
import { PageHeading } from '../shared/PageHeading';
import { ErrorState, Loading } from '../shared/States';
import { formatDate, formatNumber } from '../../i18n/format';

const SEVERITY_ORDER: Record<string, number> = { required: 0, recommended: 1, notice: 2 };

/** Where to go to fix a check. */
export function fixLink(check: HealthCheck): string {
  switch (check.code) {
    case 'not_established':
    case 'no_coordinator':
    case 'no_police_contact':
      return '/enhet';
    case 'no_steering_body':
      return '/organer/ny?level=steering';
    case 'no_coordinating_body':
      return '/organer/ny?level=coordinating';
    case 'no_executive_body':
      return '/organer/ny?level=executive';
    default:
      if (check.bodyId) {
        return check.membershipId
          ? `/organer/${check.bodyId}#m-${check.membershipId}`
          : `/organer/${check.bodyId}`;
      }
      return '/organisasjon';
  }
}

function sortChecks(checks: HealthCheck[]): HealthCheck[] {
  return [...checks].sort(
    (a, b) =>
      Number(a.ok) - Number(b.ok) ||
      (SEVERITY_ORDER[a.severity] ?? 9) - (SEVERITY_ORDER[b.severity] ?? 9),
  );
}

function CheckItem({ check: c, bodyName }: { check: HealthCheck; bodyName: string }) {
  const { t, i18n } = useTranslation();
  const state = c.ok ? 'ok' : c.severity;
  return (
    <li className="check" data-state={state} data-code={c.code}>
      <Tag
        data-color={
          c.ok
            ? 'success'
            : c.severity === 'required'
              ? 'danger'
              : c.severity === 'recommended'
                ? 'warning'
                : 'info'
        }
      >
        {c.ok
          ? t('health.status.ok')
          : t(`health.status.${c.severity}`, { defaultValue: c.severity })}
      </Tag>
      <div className="check-body">
        <Heading level={3} data-size="2xs">
          {/* A failing item says what is missing, never the requirement as if it were met. */}
          {t(`health.${c.code}.${c.ok ? 'title' : 'problemTitle'}`, {
            body: bodyName,
            defaultValue: c.code,
          })}
        </Heading>
        <Paragraph data-size="sm">
          {c.ok
            ? t(`health.${c.code}.ok`, { body: bodyName, defaultValue: '' })
            : t(`health.${c.code}.missing`, {
                body: bodyName,
                due: formatDate(c.due, i18n.language),
                defaultValue: '',
              })}
        </Paragraph>
        {!c.ok ? (
          <DsLink asChild>
            <Link to={fixLink(c)}>
              {t(`health.${c.code}.fix`, { body: bodyName, defaultValue: t('home.fix') })}
            </Link>
          </DsLink>
        ) : null}
      </div>
    </li>
  );
}

function checkKey(c: HealthCheck): string {
  return `${c.code}-${c.bodyId ?? ''}-${c.membershipId ?? ''}`;
}

/** The summary says what the items say: green only when nothing needs attention. */
function Summary({ checks }: { checks: HealthCheck[] }) {
  const { t, i18n } = useTranslation();
  const open = checks.filter((c) => !c.ok);
  const required = open.filter((c) => c.severity === 'required').length;
  const n = (x: number) => formatNumber(x, i18n.language);
  const color = open.length === 0 ? 'success' : required > 0 ? 'danger' : 'warning';
  const heading =
    open.length === 0
      ? t('home.summaryOk')
      : required > 0
        ? t('home.summaryRequired', { count: required, formatted: n(required) })
        : t('home.summaryRecommended');
  return (
    <Alert data-color={color} data-testid="health-summary">
      <Heading level={2} data-size="xs">
        {heading}
      </Heading>
      <Paragraph>
        {open.length === 0
          ? t('home.allDone', { total: n(checks.length) })
          : t('home.counts', { missing: n(open.length), total: n(checks.length) })}
      </Paragraph>
    </Alert>
  );
}

/** `children`: panels of other contexts (the meeting norms), composed in by the app's routes. */
export default function HomePage({ children }: { children?: ReactNode }) {
  const { t, i18n } = useTranslation();
  const health = useHealth();
  const picture = usePicture();
  const bodyNames = new Map<string, string>();
  for (const level of picture.data?.levels ?? []) {
    for (const b of level.bodies) bodyNames.set(b.body.id, b.body.name);
  }
  const nameOf = (c: HealthCheck) => (c.bodyId ? (bodyNames.get(c.bodyId) ?? t('home.aBody')) : '');
  const sorted = health.data ? sortChecks(health.data.checks) : [];
  const open = sorted.filter((c) => !c.ok);
  const done = sorted.filter((c) => c.ok);

  return (
    <div className="stack">
      <PageHeading>{t('home.title')}</PageHeading>
      <Paragraph>{t('home.intro')}</Paragraph>
      {health.isPending ? <Loading /> : null}
      {health.isError ? (
        <ErrorState error={health.error} onRetry={() => void health.refetch()} />
      ) : null}
      {health.data ? (
        <>
          <Summary checks={health.data.checks} />
          {open.length > 0 ? (
            <section aria-labelledby="needs-action-heading" className="stack">
              <Heading level={2} data-size="sm" id="needs-action-heading">
                {t('home.needsAction')}
              </Heading>
              <ul className="checklist" data-testid="needs-action">
                {open.map((c) => (
                  <CheckItem key={checkKey(c)} check={c} bodyName={nameOf(c)} />
                ))}
              </ul>
            </section>
          ) : null}
          {done.length > 0 ? (
            <details className="in-order" data-testid="in-order">
              <summary>
                {t('home.inOrder', {
                  count: done.length,
                  formatted: formatNumber(done.length, i18n.language),
                })}
              </summary>
              <ul className="checklist">
                {done.map((c) => (
                  <CheckItem key={checkKey(c)} check={c} bodyName={nameOf(c)} />
                ))}
              </ul>
            </details>
          ) : null}
        </>
      ) : null}
      {/* Panels load on their own: the page does not wait for them, nor blank while they load. */}
      <Suspense fallback={<Loading />}>{children}</Suspense>
    </div>
  );
}
