import { useEffect, useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import { useBlocker } from 'react-router';
import { anyDirty, subscribeDirty } from '../../lib/unsaved';

/** Asks before leaving a page while one of its forms holds unsaved changes (in-app navigation
 * through the router, and closing or reloading the tab). */
export function UnsavedChangesGuard() {
  const { t } = useTranslation();
  const dirty = useSyncExternalStore(subscribeDirty, anyDirty);
  const blocker = useBlocker(
    ({ currentLocation, nextLocation }) =>
      anyDirty() && currentLocation.pathname !== nextLocation.pathname,
  );
  useEffect(() => {
    if (blocker.state !== 'blocked') return;
    if (window.confirm(t('tenure.leaveUnsaved'))) blocker.proceed();
    else blocker.reset();
  }, [blocker, t]);
  useEffect(() => {
    if (!dirty) return undefined;
    const warn = (e: BeforeUnloadEvent) => e.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [dirty]);
  return null;
}
