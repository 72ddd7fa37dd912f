import { Alert, Heading, Link as DsLink, Paragraph, Tag } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useHealth, usePicture } from '../api/queries';
import type { HealthCheck } from '../api/types';
import { PageHeading } from '../components/PageHeading';
import { ErrorState, Loading } from '../components/States';
import { formatDate } from '../i18n/format';

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

export default function HomePage() {
  const { t, i18n } = useTranslation();
  const health = useHealth();
  const picture = usePicture();
  const bodyNames = new Map<string, string>();
  for (const level of picture.data?.levels ?? []) {
    for (const b of level.bodies) bodyNames.set(b.body.id, b.body.name);
  }

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
          <Alert data-color={health.data.ok ? 'success' : 'warning'} data-testid="health-summary">
            <Heading level={2} data-size="xs">
              {health.data.ok ? t('home.allOk') : t('home.missing')}
            </Heading>
            <Paragraph>
              {t('home.counts', {
                missing: health.data.checks.filter((c) => !c.ok).length,
                total: health.data.checks.length,
              })}
            </Paragraph>
          </Alert>
          <section aria-labelledby="checklist-heading" className="stack">
            <Heading level={2} data-size="sm" id="checklist-heading">
              {t('home.checklist')}
            </Heading>
            <ul className="checklist">
              {sortChecks(health.data.checks).map((c, i) => {
                const bodyName = c.bodyId ? (bodyNames.get(c.bodyId) ?? t('home.aBody')) : '';
                const state = c.ok ? 'ok' : c.severity;
                return (
                  <li
                    key={`${c.code}-${c.bodyId ?? ''}-${c.membershipId ?? ''}-${i}`}
                    className="check"
                    data-state={state}
                    data-code={c.code}
                  >
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
                        {t(`health.${c.code}.title`, { body: bodyName, defaultValue: c.code })}
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
                            {t(`health.${c.code}.fix`, {
                              body: bodyName,
                              defaultValue: t('home.fix'),
                            })}
                          </Link>
                        </DsLink>
                      ) : null}
                    </div>
                  </li>
                );
              })}
            </ul>
          </section>
        </>
      ) : null}
    </div>
  );
}
