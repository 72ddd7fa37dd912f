/**
 * Form drafts that survive a trip to the login page.
 *
 * Open forms register a getter. When the session ends (a 401), `persistDrafts()` writes every
 * open form's values to sessionStorage keyed by route and form, before the browser leaves for the
 * identity provider. When the user is back on the same route, `takeDraft()` returns the values once.
 */

const PREFIX = 'samordna:draft:';

type Getter = () => unknown;

const open = new Map<string, Getter>();

export function draftKey(route: string, formId: string): string {
  return `${PREFIX}${route}#${formId}`;
}

/** Register an open form; returns the unregister function. */
export function registerDraft(key: string, get: Getter): () => void {
  open.set(key, get);
  return () => {
    if (open.get(key) === get) open.delete(key);
  };
}

/** Write every open form's values to sessionStorage. Returns how many were saved. */
export function persistDrafts(storage: Storage = sessionStorage): number {
  let saved = 0;
  for (const [key, get] of open) {
    try {
      const value = get();
      if (value === undefined) continue;
      storage.setItem(key, JSON.stringify({ savedAt: Date.now(), value }));
      saved += 1;
    } catch {
      // A full or unavailable storage must not stop the login redirect.
    }
  }
  return saved;
}

/** Read and remove a saved draft (one use). */
export function takeDraft<T>(key: string, storage: Storage = sessionStorage): T | undefined {
  let raw: string | null = null;
  try {
    raw = storage.getItem(key);
    if (raw !== null) storage.removeItem(key);
  } catch {
    return undefined;
  }
  if (raw === null) return undefined;
  try {
    const parsed = JSON.parse(raw) as { value?: T };
    return parsed.value;
  } catch {
    return undefined;
  }
}

/** Is a draft waiting for this form? (does not consume it) */
export function hasDraft(key: string, storage: Storage = sessionStorage): boolean {
  try {
    return storage.getItem(key) !== null;
  } catch {
    return false;
  }
}

export function openDraftCount(): number {
  return open.size;
}

/** Read a saved draft without removing it (safe in render / StrictMode double calls). */
export function peekDraft<T>(key: string, storage: Storage = sessionStorage): T | undefined {
  try {
    const raw = storage.getItem(key);
    if (raw === null) return undefined;
    return (JSON.parse(raw) as { value?: T }).value;
  } catch {
    return undefined;
  }
}

export function discardDraft(key: string, storage: Storage = sessionStorage): void {
  try {
    storage.removeItem(key);
  } catch {
    // storage unavailable
  }
}
