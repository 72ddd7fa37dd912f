/** Action plans room: "Trenger oppfølging" for the home page — measures without an owner,
 * evaluations due or overdue, and adopted plans about to expire, each linking to where it is fixed. */
import { Heading, Link as DsLink, Paragraph, Tag } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ApiError } from '../../api/problem';
import { formatDate } from '../../i18n/format';
import { Empty, ErrorState, Loading } from '../shared/States';
import { useAttention } from './api';
import './action-plans.css';

export default function NeedsAttention() {
  const { t, i18n } = useTranslation();
  const attention = useAttention();
  const a = attention.data;
  // Someone who reads no measures (no unit role, no seat) is not shown an error on the home page.
  if (attention.error instanceof ApiError && attention.error.isForbidden) return null;
  const empty = a && a.withoutOwner.length + a.evaluationsDue.length + a.plansExpiring.length === 0;
  const due = [...(a?.evaluationsDue ?? [])].sort(
    (x, y) =>
      Number(y.overdue) - Number(x.overdue) ||
      (x.evaluation.dueOn ?? '').localeCompare(y.evaluation.dueOn ?? ''),
  );
  return (
    <section aria-labelledby="attention-heading" className="stack" data-testid="needs-attention">
      <Heading level={2} data-size="sm" id="attention-heading">
        {t('needsAttention.title')}
      </Heading>
      {attention.isPending ? <Loading /> : null}
      {attention.isError ? (
        <ErrorState error={attention.error} onRetry={() => void attention.refetch()} />
      ) : null}
      {empty ? <Empty>{t('needsAttention.none')}</Empty> : null}
      {a && a.withoutOwner.length > 0 ? (
        <div className="stack" data-testid="attention-without-owner">
          <Heading level={3} data-size="2xs">
            {t('needsAttention.withoutOwner', { n: a.withoutOwner.length })}
          </Heading>
          <ul className="attention-list">
            {a.withoutOwner.map((m) => (
              <li key={m.id}>
                <DsLink asChild>
                  <Link to={`/tiltak/${m.id}`}>{m.title}</Link>
                </DsLink>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      {due.length > 0 ? (
        <div className="stack" data-testid="attention-evaluations">
          <Heading level={3} data-size="2xs">
            {t('needsAttention.evaluationsDue', { n: due.length })}
          </Heading>
          <ul className="attention-list">
            {due.map((d) => (
              <li key={d.evaluation.id} data-overdue={d.overdue || undefined}>
                <DsLink asChild>
                  <Link to={`/tiltak/${d.evaluation.measureId}/evalueringer/${d.evaluation.id}`}>
                    {t('needsAttention.evaluationOf', { name: d.measureTitle })}
                  </Link>
                </DsLink>{' '}
                <Tag data-size="sm" data-color={d.overdue ? 'danger' : 'warning'}>
                  {d.overdue
                    ? t('needsAttention.overdue', {
                        date: formatDate(d.evaluation.dueOn, i18n.language),
                      })
                    : t('needsAttention.dueOn', {
                        date: formatDate(d.evaluation.dueOn, i18n.language),
                      })}
                </Tag>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      {a && a.plansExpiring.length > 0 ? (
        <div className="stack" data-testid="attention-plans">
          <Heading level={3} data-size="2xs">
            {t('needsAttention.plansExpiring', { n: a.plansExpiring.length })}
          </Heading>
          <ul className="attention-list">
            {a.plansExpiring.map((p) => (
              <li key={p.id}>
                <DsLink asChild>
                  <Link to={`/handlingsplaner/${p.id}`}>{p.title}</Link>
                </DsLink>{' '}
                <Paragraph asChild data-size="sm">
                  <span>
                    {t('needsAttention.endsOn', { date: formatDate(p.periodEnd, i18n.language) })}
                  </span>
                </Paragraph>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </section>
  );
}
