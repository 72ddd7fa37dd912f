/** Annual wheel room: the words for a task (its accessible name, its owner, its status). */
import { useTranslation } from 'react-i18next';
import { formatLongDate } from '../../i18n/format';
import type { PlacedTask, WheelTask } from './types';

/** "Title, frist 15. mars 2026, Åpen, forfalt": what a mark in the wheel is called. */
export function useTaskLabel(): (placed: PlacedTask) => string {
  const { t, i18n } = useTranslation();
  return (placed) => {
    const status = t(`wheel.status.${placed.task.status}`);
    return t('wheel.taskLabel', {
      title: placed.task.title,
      due: formatLongDate(placed.task.due, i18n.language),
      status: placed.overdue ? `${status}, ${t('wheel.overdue').toLocaleLowerCase()}` : status,
    });
  };
}

/** Who owns a task: the person's name when one is named, else the role (and its level). */
export function useOwnerLabel(names: ReadonlyMap<string, string>): (task: WheelTask) => string {
  const { t } = useTranslation();
  return (task) => {
    // The API names the owner (ownerName); the persons list is the fallback.
    const named = 'ownerName' in task && typeof task.ownerName === 'string' ? task.ownerName : null;
    const person = named ?? (task.ownerPersonId ? names.get(task.ownerPersonId) : undefined);
    const role = t(`wheel.ownerRole.${task.ownerRole}`);
    const seat = task.bodyLevel
      ? t('wheel.ownerRoleAt', { role, level: t(`level.${task.bodyLevel}`).toLocaleLowerCase() })
      : role;
    return person ? `${person} (${seat})` : `${seat}: ${t('wheel.noOwner').toLocaleLowerCase()}`;
  };
}
