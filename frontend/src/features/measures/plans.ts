/** Measures room: the focus areas and goals of the unit's action plans, to file a measure under
 * and to filter the board by (read from the plans' contract path). */
import { usePlans } from './api';

export interface Named {
  id: string;
  title: string;
}

export interface GoalOption extends Named {
  focusAreaId: string;
  /** "Plan › Focus area › Goal", so goals of the same name in two plans stay apart. */
  path: string;
}

export function useFocusAreas(): Named[] {
  const plans = usePlans();
  return (plans.data ?? []).flatMap((p) =>
    p.focusAreas.map((f) => ({ id: f.id, title: `${f.title} (${p.title})` })),
  );
}

export function useGoals(): GoalOption[] {
  const plans = usePlans();
  return (plans.data ?? []).flatMap((p) =>
    p.focusAreas.flatMap((f) =>
      f.goals.map((g) => ({
        id: g.id,
        title: g.title,
        focusAreaId: f.id,
        path: `${p.title} › ${f.title} › ${g.title}`,
      })),
    ),
  );
}
