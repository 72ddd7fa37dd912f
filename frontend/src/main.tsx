import '@fontsource/inter/latin-400.css';
import '@fontsource/inter/latin-500.css';
import '@fontsource/inter/latin-600.css';
import '@digdir/designsystemet-css';
import '@digdir/designsystemet-css/theme';
import './styles.css';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { I18nextProvider } from 'react-i18next';
import { createBrowserRouter, RouterProvider } from 'react-router';
import { App } from './App';
import { ApiError } from './api/problem';
import { SessionProvider } from './auth/session';
import { AnnouncerProvider } from './features/shared/Announcer';
import { UnsavedChangesGuard } from './features/shared/UnsavedChangesGuard';
import { createI18n } from './i18n';

const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      staleTime: 15_000,
      refetchOnWindowFocus: false,
      retry: (count, error) =>
        !(error instanceof ApiError && error.status >= 400 && error.status < 500) && count < 2,
    },
  },
});

// A data router, so a form with unsaved changes can hold a navigation (useBlocker).
const router = createBrowserRouter([
  {
    path: '*',
    element: (
      <SessionProvider>
        <AnnouncerProvider>
          <UnsavedChangesGuard />
          <App />
        </AnnouncerProvider>
      </SessionProvider>
    ),
  },
]);

const i18n = createI18n();
const root = document.getElementById('root');
if (!root) throw new Error('#root missing');

createRoot(root).render(
  <StrictMode>
    <I18nextProvider i18n={i18n}>
      <QueryClientProvider client={queryClient}>
        <RouterProvider router={router} />
      </QueryClientProvider>
    </I18nextProvider>
  </StrictMode>,
);
