/**
 * Which open forms hold unsaved changes. Forms report themselves; one guard (UnsavedChangesGuard)
 * asks before the user navigates away from them.
 */

const dirty = new Set<string>();
const listeners = new Set<() => void>();

export function setDirty(key: string, on: boolean): void {
  const had = dirty.has(key);
  if (on) dirty.add(key);
  else dirty.delete(key);
  if (had !== on) listeners.forEach((l) => l());
}

export function anyDirty(): boolean {
  return dirty.size > 0;
}

export function subscribeDirty(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
