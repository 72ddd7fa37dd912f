import { useQuery, useQueryClient } from '@tanstack/react-query';
import { createContext, useContext, useEffect, useRef, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { setCsrfToken, setUnauthorizedHandler } from '../api/client';
import { ApiError } from '../api/problem';
import { $api, meQueryKey } from '../api/query';
import type { Me } from '../api/types';
import { isLang } from '../i18n';
import { reLogin } from './login';

export type SessionState =
  | { status: 'loading' }
  | { status: 'anonymous' }
  | { status: 'no-unit' }
  | { status: 'error'; error: unknown; retry: () => void }
  | { status: 'ready'; me: Me };

const SessionContext = createContext<SessionState>({ status: 'loading' });

const meQuery = $api.queryOptions('get', '/api/me', undefined, {
  retry: false,
  staleTime: 5 * 60_000,
});

export function SessionProvider({ children }: { children: ReactNode }) {
  const { i18n } = useTranslation();
  const qc = useQueryClient();
  const query = useQuery({
    ...meQuery,
    // The CSRF token comes with the session; every change sends it back.
    queryFn: async (context) => {
      const me = await meQuery.queryFn(context);
      setCsrfToken(me.csrfToken ?? null);
      return me;
    },
  });
  const loggedIn = useRef(false);
  const isSuccess = query.isSuccess;
  useEffect(() => {
    loggedIn.current = isSuccess;
  }, [isSuccess]);

  useEffect(() => {
    setUnauthorizedHandler(() => {
      if (loggedIn.current) {
        // The session ended while the user was working: keep drafts and log in again.
        loggedIn.current = false;
        reLogin(isLang(i18n.language) ? i18n.language : 'nb');
      } else {
        void qc.invalidateQueries({ queryKey: meQueryKey });
      }
    });
    return () => setUnauthorizedHandler(null);
  }, [i18n, qc]);

  let state: SessionState;
  if (query.isPending) state = { status: 'loading' };
  else if (query.isSuccess) state = { status: 'ready', me: query.data };
  else if (query.error instanceof ApiError && query.error.status === 401)
    state = { status: 'anonymous' };
  else if (query.error instanceof ApiError && query.error.status === 403)
    state = { status: 'no-unit' };
  else state = { status: 'error', error: query.error, retry: () => void query.refetch() };

  return <SessionContext.Provider value={state}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionState {
  return useContext(SessionContext);
}

/** The logged-in person (only inside the authenticated part of the app). */
export function useMe(): Me {
  const s = useSession();
  if (s.status !== 'ready') throw new Error('useMe outside an authenticated route');
  return s.me;
}

/** For tests: a fixed session. */
export function StaticSession({ state, children }: { state: SessionState; children: ReactNode }) {
  return <SessionContext.Provider value={state}>{children}</SessionContext.Provider>;
}
