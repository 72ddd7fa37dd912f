/** Meetings: an action item's status — shown with overdue marked in words, and moved on (open →
 * done | cancelled, back to open) by its owner or whoever manages the meeting. */
import { Button, Tag } from '@digdir/designsystemet-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSetActionStatus } from '../api';
import type { ActionItem, ActionStatus } from '../types';
import { ifMatch } from '../../../api/etag';
import { ApiError, problemText } from '../../../api/problem';
import { formatDate } from '../../../i18n/format';
import { useAnnounce } from '../../shared/Announcer';
import { FormError } from '../../shared/form/fields';

const NEXT: Record<ActionStatus, { to: ActionStatus; label: string }[]> = {
  open: [
    { to: 'done', label: 'actionStatus.markDone' },
    { to: 'cancelled', label: 'actionStatus.markCancelled' },
  ],
  done: [{ to: 'open', label: 'actionStatus.reopen' }],
  cancelled: [{ to: 'open', label: 'actionStatus.reopen' }],
};

export function ActionTags({ item }: { item: ActionItem }) {
  const { t, i18n } = useTranslation();
  return (
    <>
      <Tag data-size="sm" data-color={item.status === 'done' ? 'success' : 'neutral'}>
        {t(`actionStatus.${item.status}`)}
      </Tag>
      {item.overdue ? (
        <Tag data-size="sm" data-color="danger" data-testid="overdue">
          {t('actionStatus.overdue')}
        </Tag>
      ) : null}
      <span className="muted">
        {item.due
          ? t('actionStatus.due', { date: formatDate(item.due, i18n.language) })
          : t('actionStatus.noDue')}
      </span>
    </>
  );
}

export function ActionStatusButtons({ item }: { item: ActionItem }) {
  const { t } = useTranslation();
  const announce = useAnnounce();
  const set = useSetActionStatus();
  const [error, setError] = useState<string>();
  return (
    <>
      {NEXT[item.status].map(({ to, label }) => (
        <Button
          key={to}
          variant="secondary"
          data-size="sm"
          disabled={set.isPending}
          aria-label={`${t(label)}: ${item.text}`}
          onClick={() => {
            setError(undefined);
            set
              .mutateAsync({
                params: { path: { id: item.id }, header: ifMatch(item.version) },
                body: { status: to },
              })
              .then(() =>
                announce(
                  t('actionStatus.changed', { text: item.text, status: t(`actionStatus.${to}`) }),
                ),
              )
              .catch((err: unknown) =>
                setError(err instanceof ApiError ? problemText(err.problem, t) : String(err)),
              );
          }}
        >
          {t(label)}
        </Button>
      ))}
      <FormError message={error} />
    </>
  );
}
