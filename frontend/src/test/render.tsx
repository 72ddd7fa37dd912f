import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render } from '@testing-library/react';
import type { ReactNode } from 'react';
import { I18nextProvider } from 'react-i18next';
import { MemoryRouter } from 'react-router';
import type { Me } from '../api/types';
import { StaticSession } from '../auth/session';
import { AnnouncerProvider } from '../features/shared/Announcer';
import { createI18n, type Lang } from '../i18n';

export const coordinator: Me = {
  kind: 'person',
  displayName: 'Kari Koordinator',
  unit: { id: 'u1', name: 'SLT Lillestrøm (demo)' },
  roles: ['coordinator'],
  bodyRoles: [],
  scopes: [],
  assurance: 'idporten-loa-high',
  csrfToken: 'csrf',
};

export function renderApp(
  ui: ReactNode,
  { route = '/', me = coordinator, lang = 'nb' }: { route?: string; me?: Me; lang?: Lang } = {},
) {
  const i18n = createI18n(lang);
  const qc = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  return render(
    <I18nextProvider i18n={i18n}>
      <QueryClientProvider client={qc}>
        <MemoryRouter initialEntries={[route]}>
          <StaticSession state={{ status: 'ready', me }}>
            <AnnouncerProvider>{ui}</AnnouncerProvider>
          </StaticSession>
        </MemoryRouter>
      </QueryClientProvider>
    </I18nextProvider>,
  );
}
