import { lazy, Suspense, type ReactNode } from 'react';
import { Route, Routes } from 'react-router';
import { Layout } from './components/Layout';
import { ErrorState, Loading } from './components/States';
import { useSession } from './auth/session';
import { LoggedOutPage, NoUnitPage } from './routes/LoggedOut';

const HomePage = lazy(() => import('./routes/HomePage'));
const OrganisationPage = lazy(() => import('./routes/OrganisationPage'));
const BodyPage = lazy(() => import('./routes/BodyPage'));
const BodyFormPage = lazy(() => import('./routes/BodyFormPage'));
const OrganisationsPage = lazy(() => import('./routes/OrganisationsPage'));
const OrganisationFormPage = lazy(() => import('./routes/OrganisationFormPage'));
const PersonsPage = lazy(() => import('./routes/PersonsPage'));
const PersonFormPage = lazy(() => import('./routes/PersonFormPage'));
const UnitPage = lazy(() => import('./routes/UnitPage'));
const AccessibilityPage = lazy(() => import('./routes/AccessibilityPage'));
const NotFoundPage = lazy(() => import('./routes/NotFoundPage'));
const AccessPage = lazy(() => import('./routes/AccessPage'));
const LoginFailedPage = lazy(() => import('./routes/LoginFailedPage'));

/** Routes that need a logged-in person with a unit. */
function Authenticated({ children }: { children: ReactNode }) {
  const session = useSession();
  switch (session.status) {
    case 'loading':
      return <Loading />;
    case 'anonymous':
      return <LoggedOutPage />;
    case 'no-unit':
      return <NoUnitPage />;
    case 'error':
      return <ErrorState error={session.error} onRetry={session.retry} />;
    case 'ready':
      return <>{children}</>;
  }
}

export function App() {
  return (
    <Layout>
      <Suspense fallback={<Loading />}>
        <Routes>
          <Route path="/tilgjengelighet" element={<AccessibilityPage />} />
          <Route path="/innlogging-feilet" element={<LoginFailedPage />} />
          <Route
            path="*"
            element={
              <Authenticated>
                <Routes>
                  <Route index element={<HomePage />} />
                  <Route path="organisasjon" element={<OrganisationPage />} />
                  <Route path="organer/ny" element={<BodyFormPage />} />
                  <Route path="organer/:id" element={<BodyPage />} />
                  <Route path="organer/:id/rediger" element={<BodyFormPage />} />
                  <Route path="organisasjoner" element={<OrganisationsPage />} />
                  <Route path="organisasjoner/ny" element={<OrganisationFormPage />} />
                  <Route path="organisasjoner/:id" element={<OrganisationFormPage />} />
                  <Route path="personer" element={<PersonsPage />} />
                  <Route path="personer/ny" element={<PersonFormPage />} />
                  <Route path="personer/:id" element={<PersonFormPage />} />
                  <Route path="enhet" element={<UnitPage />} />
                  <Route path="tilgang" element={<AccessPage />} />
                  <Route path="*" element={<NotFoundPage />} />
                </Routes>
              </Authenticated>
            }
          />
        </Routes>
      </Suspense>
    </Layout>
  );
}
