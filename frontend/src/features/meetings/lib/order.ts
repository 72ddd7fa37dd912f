/** Meetings: moving one agenda item up or down (the order the reorder request sends). */

/** ``ids`` with the one at ``index`` moved by ``by`` (−1 up, +1 down); unchanged at the ends. */
export function moved<T>(ids: readonly T[], index: number, by: -1 | 1): T[] {
  const target = index + by;
  if (index < 0 || index >= ids.length || target < 0 || target >= ids.length) return [...ids];
  const out = [...ids];
  const [item] = out.splice(index, 1);
  out.splice(target, 0, item as T);
  return out;
}
