/** Annual wheel room: a task's status buttons (done, cancel, reopen), each sent with If-Match. */
import { Button } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import { ifMatch } from '../../api/etag';
import { ApiError, problemText } from '../../api/problem';
import { useAnnounce } from '../shared/Announcer';
import { useSetTaskStatus } from './api';
import type { TaskStatus, WheelTask } from './types';

/** What a task in `status` can move to, and the button's words. */
export function moves(status: TaskStatus): { to: TaskStatus; key: string }[] {
  if (status === 'open') {
    return [
      { to: 'done', key: 'wheel.markDone' },
      { to: 'cancelled', key: 'wheel.cancel' },
    ];
  }
  return [{ to: 'open', key: 'wheel.reopen' }];
}

export function TaskActions({
  task,
  onChanged,
  onError,
  idPrefix,
}: {
  task: WheelTask;
  onChanged?: (task: WheelTask) => void;
  onError: (message: string) => void;
  idPrefix: string;
}) {
  const { t } = useTranslation();
  const announce = useAnnounce();
  const change = useSetTaskStatus();
  const move = async (to: TaskStatus) => {
    try {
      await change.mutateAsync({
        params: { path: { id: task.id }, header: ifMatch(task.version) },
        body: { status: to },
      });
      const message = t('wheel.statusChanged', {
        title: task.title,
        status: t(`wheel.status.${to}`).toLocaleLowerCase(),
      });
      announce(message);
      onChanged?.({ ...task, status: to, version: task.version + 1 });
    } catch (err) {
      if (!(err instanceof ApiError)) onError(t('problem.generic'));
      else onError(err.isConflict ? t('wheel.statusConflict') : problemText(err.problem, t));
    }
  };
  return (
    <div className="wheel-actions">
      {moves(task.status).map((m) => (
        <Button
          key={m.to}
          id={`${idPrefix}-${task.id}-${m.to}`}
          variant={m.to === 'done' ? 'primary' : 'secondary'}
          data-size="sm"
          disabled={change.isPending}
          aria-label={t('wheel.actionFor', { action: t(m.key), title: task.title })}
          onClick={() => void move(m.to)}
        >
          {t(m.key)}
        </Button>
      ))}
    </div>
  );
}
