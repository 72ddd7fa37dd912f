/** Meetings: "Mine oppfølgingspunkter" for the home page — the person's own action items, overdue
 * ones first and marked in words. */
import { Heading, Link as DsLink, Paragraph } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useMyActionItems } from './api';
import { ActionStatusButtons, ActionTags } from './minutes/ActionStatus';
import type { ActionItem } from './types';
import { Empty, ErrorState, Loading } from '../shared/States';
import './meetings.css';

function order(a: ActionItem, b: ActionItem): number {
  return (
    Number(b.overdue) - Number(a.overdue) ||
    Number(b.status === 'open') - Number(a.status === 'open') ||
    (a.due ?? '9999').localeCompare(b.due ?? '9999')
  );
}

export default function MyActionItems() {
  const { t } = useTranslation();
  const mine = useMyActionItems();
  const items = [...(mine.data ?? [])].sort(order);
  const open = items.filter((a) => a.status === 'open');
  const overdue = items.filter((a) => a.overdue).length;
  return (
    <section aria-labelledby="my-actions-heading" className="stack" data-testid="my-action-items">
      <Heading level={2} data-size="sm" id="my-actions-heading">
        {t('myActions.title')}
      </Heading>
      {mine.isPending ? <Loading /> : null}
      {mine.isError ? <ErrorState error={mine.error} onRetry={() => void mine.refetch()} /> : null}
      {mine.data && open.length === 0 ? <Empty>{t('myActions.none')}</Empty> : null}
      {overdue > 0 ? (
        <Paragraph data-testid="my-overdue">
          {t('myActions.overdueCount', { count: overdue })}
        </Paragraph>
      ) : null}
      {items.length > 0 ? (
        <ul className="action-list">
          {items.map((a) => (
            <li key={a.id} data-testid="my-action-item" data-overdue={a.overdue || undefined}>
              <span className="pre-line">{a.text}</span>
              <ActionTags item={a} />
              <DsLink asChild>
                <Link to={`/moter/${a.meetingId}`}>{t('myActions.meeting')}</Link>
              </DsLink>
              <ActionStatusButtons item={a} />
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}
