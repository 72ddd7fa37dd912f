/** Annual wheel room: the year's tasks as a list, month by month (the same data as the circle). */
import { Heading, Table, Tag } from '@digdir/designsystemet-react';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../i18n/format';
import { moves, TaskActions } from './TaskActions';
import type { MonthSector, PlacedTask, WheelTask } from './types';

export function StatusTag({ placed }: { placed: PlacedTask }) {
  const { t } = useTranslation();
  const { status } = placed.task;
  const color = placed.overdue
    ? 'danger'
    : status === 'done'
      ? 'success'
      : status === 'cancelled'
        ? 'neutral'
        : 'info';
  return (
    <span className="wheel-status">
      <Tag data-color={color} data-size="sm">
        {t(`wheel.status.${status}`)}
      </Tag>
      {placed.overdue ? (
        <Tag data-color="danger" data-size="sm">
          {t('wheel.overdue')}
        </Tag>
      ) : null}
    </span>
  );
}

export function WheelList({
  sectors,
  ownerOf,
  canChange,
  onError,
}: {
  sectors: readonly MonthSector[];
  ownerOf: (task: WheelTask) => string;
  canChange: (task: WheelTask) => boolean;
  onError: (message: string) => void;
}) {
  const { t, i18n } = useTranslation();
  // The button pressed is gone with the old status: focus goes to the row's new first button,
  // once the refetched wheel has rendered it (the query cache notifies after a timer, so the
  // next animation frame can still show the old row).
  const pendingFocus = useRef<string | null>(null);
  const focusPending = () => {
    const target = pendingFocus.current ? document.getElementById(pendingFocus.current) : null;
    if (target) {
      target.focus();
      pendingFocus.current = null;
    }
  };
  useEffect(focusPending, [sectors]);
  const focusNextAction = (task: WheelTask) => {
    pendingFocus.current = `list-${task.id}-${moves(task.status)[0]?.to ?? 'open'}`;
    focusPending(); // already rendered when the refetch came first
  };
  return (
    <div className="stack" data-testid="wheel-list">
      {sectors
        .filter((s) => s.tasks.length > 0)
        .map((s) => (
          <section key={s.month} aria-labelledby={`wheel-month-${s.month}`} className="stack">
            <Heading level={3} data-size="2xs" id={`wheel-month-${s.month}`}>
              {t(`wheelMonth.${s.month}`)}
            </Heading>
            <div className="table-wrap">
              <Table zebra className="table-cards wheel-table">
                <Table.Head>
                  <Table.Row>
                    <Table.HeaderCell>{t('wheel.columns.due')}</Table.HeaderCell>
                    <Table.HeaderCell>{t('wheel.columns.title')}</Table.HeaderCell>
                    <Table.HeaderCell>{t('wheel.columns.owner')}</Table.HeaderCell>
                    <Table.HeaderCell>{t('wheel.columns.status')}</Table.HeaderCell>
                    <Table.HeaderCell>{t('wheel.columns.actions')}</Table.HeaderCell>
                  </Table.Row>
                </Table.Head>
                <Table.Body>
                  {s.tasks.map((placed) => (
                    <Table.Row key={placed.task.id} data-task-id={placed.task.id}>
                      <Table.Cell data-label={t('wheel.columns.due')}>
                        {formatDate(placed.task.due, i18n.language)}
                      </Table.Cell>
                      <Table.Cell data-label={t('wheel.columns.title')}>
                        {placed.task.title}
                      </Table.Cell>
                      <Table.Cell data-label={t('wheel.columns.owner')}>
                        {ownerOf(placed.task)}
                      </Table.Cell>
                      <Table.Cell data-label={t('wheel.columns.status')}>
                        <StatusTag placed={placed} />
                      </Table.Cell>
                      <Table.Cell data-label={t('wheel.columns.actions')}>
                        {canChange(placed.task) ? (
                          <TaskActions
                            task={placed.task}
                            idPrefix="list"
                            onError={onError}
                            onChanged={focusNextAction}
                          />
                        ) : null}
                      </Table.Cell>
                    </Table.Row>
                  ))}
                </Table.Body>
              </Table>
            </div>
          </section>
        ))}
    </div>
  );
}
