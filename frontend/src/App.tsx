import { lazy, Suspense, type ReactNode } from 'react';
import { Navigate, Route, Routes } from 'react-router';
import { Layout } from './Layout';
import { ErrorState, Loading } from './features/shared/States';
import { useSession } from './auth/session';
import { LoggedOutPage, NoUnitPage } from './features/shared/LoggedOut';

const HomePage = lazy(() => import('./features/organisation/HomePage'));
const MyActionItems = lazy(() => import('./features/meetings/MyActionItems'));
const MeetingsPage = lazy(() => import('./features/meetings/MeetingsPage'));
const MeetingPage = lazy(() => import('./features/meetings/MeetingPage'));
const MeetingFormPage = lazy(() => import('./features/meetings/MeetingFormPage'));
const OrganisationPage = lazy(() => import('./features/organisation/OrganisationPage'));
const BodyPage = lazy(() => import('./features/organisation/BodyPage'));
const BodyFormPage = lazy(() => import('./features/organisation/BodyFormPage'));
const OrganisationsPage = lazy(() => import('./features/organisation/OrganisationsPage'));
const OrganisationFormPage = lazy(() => import('./features/organisation/OrganisationFormPage'));
const PersonsPage = lazy(() => import('./features/organisation/PersonsPage'));
const PersonFormPage = lazy(() => import('./features/organisation/PersonFormPage'));
const UnitPage = lazy(() => import('./features/organisation/UnitPage'));
const AccessibilityPage = lazy(() => import('./features/shared/AccessibilityPage'));
const NotFoundPage = lazy(() => import('./features/shared/NotFoundPage'));
const AccessPage = lazy(() => import('./features/access/AccessPage'));
const LoginFailedPage = lazy(() => import('./features/access/LoginFailedPage'));
const AgreementsPage = lazy(() => import('./features/agreements/AgreementsPage'));
const AgreementFormPage = lazy(() => import('./features/agreements/AgreementFormPage'));
const WheelPage = lazy(() => import('./features/annual_wheel/WheelPage'));
const TemplatesPage = lazy(() => import('./features/annual_wheel/TemplatesPage'));
const TemplateFormPage = lazy(() => import('./features/annual_wheel/TemplateFormPage'));
const FeedsPage = lazy(() => import('./features/annual_wheel/FeedsPage'));
const NormsPanel = lazy(() => import('./features/annual_wheel/NormsPanel'));
const BoardPage = lazy(() => import('./features/measures/BoardPage'));
const MeasureFormPage = lazy(() => import('./features/measures/MeasureFormPage'));
const MeasureDetailPage = lazy(() => import('./features/measures/MeasureDetailPage'));
const PlansPage = lazy(() => import('./features/action_plans/PlansPage'));
const PlanPage = lazy(() => import('./features/action_plans/PlanPage'));
const PlanFormPage = lazy(() => import('./features/action_plans/PlanFormPage'));
const MeasureSettingsPage = lazy(() => import('./features/action_plans/SettingsPage'));
const EvaluationFormPage = lazy(() => import('./features/action_plans/EvaluationFormPage'));
const NeedsAttention = lazy(() => import('./features/action_plans/NeedsAttention'));
const CasesPage = lazy(() => import('./features/cases/CasesPage'));
const CaseFormPage = lazy(() => import('./features/cases/CaseFormPage'));
const CasePage = lazy(() => import('./features/cases/CasePage'));
const BreakGlassReviewsPage = lazy(() => import('./features/cases/BreakGlassReviewsPage'));
const RetentionPage = lazy(() => import('./features/cases/RetentionPage'));
const ConsentsPage = lazy(() => import('./features/consent/ConsentsPage'));
const ConsentWizardPage = lazy(() => import('./features/consent/wizard/WizardPage'));
const LegalBasesPage = lazy(() => import('./features/consent/LegalBasesPage'));
const AccessReportPage = lazy(() => import('./features/consent/AccessReportPage'));
const ConsentRemindersPage = lazy(() => import('./features/consent/RemindersPage'));
const ArchivePage = lazy(() => import('./features/archive/ArchivePage'));
const PicturePage = lazy(() => import('./features/knowledge/PicturePage'));
const IndicatorsPage = lazy(() => import('./features/knowledge/IndicatorsPage'));
const IndicatorFormPage = lazy(() => import('./features/knowledge/IndicatorFormPage'));
const ImportPage = lazy(() => import('./features/knowledge/ImportPage'));
const TrendsPage = lazy(() => import('./features/trends/TrendsPage'));

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
                  <Route
                    index
                    element={
                      <HomePage>
                        <NeedsAttention />
                        <MyActionItems />
                        <NormsPanel />
                      </HomePage>
                    }
                  />
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
                  <Route path="moter" element={<MeetingsPage />} />
                  <Route path="moter/ny" element={<MeetingFormPage />} />
                  <Route path="moter/:id" element={<MeetingPage />} />
                  <Route path="moter/:id/rediger" element={<MeetingFormPage />} />
                  <Route path="enhet" element={<UnitPage />} />
                  <Route path="tilgang" element={<AccessPage />} />
                  <Route path="avtaler" element={<AgreementsPage />} />
                  <Route path="avtaler/ny" element={<AgreementFormPage />} />
                  <Route path="avtaler/:id" element={<AgreementFormPage />} />
                  <Route path="arshjul" element={<WheelPage />} />
                  <Route path="arshjul/maler" element={<TemplatesPage />} />
                  <Route path="arshjul/maler/ny" element={<TemplateFormPage />} />
                  <Route path="arshjul/maler/:id" element={<TemplateFormPage />} />
                  <Route path="kalenderabonnement" element={<FeedsPage />} />
                  <Route path="tiltak" element={<BoardPage />} />
                  <Route path="tiltak/ny" element={<MeasureFormPage />} />
                  <Route path="tiltak/:id" element={<MeasureDetailPage />} />
                  <Route path="tiltak/:id/rediger" element={<MeasureFormPage />} />
                  <Route path="handlingsplaner" element={<PlansPage />} />
                  <Route path="handlingsplaner/ny" element={<PlanFormPage />} />
                  <Route path="handlingsplaner/:id" element={<PlanPage />} />
                  <Route path="handlingsplaner/:id/rediger" element={<PlanFormPage />} />
                  <Route path="tiltaksinnstillinger" element={<MeasureSettingsPage />} />
                  <Route path="tiltak/:id/evalueringer/ny" element={<EvaluationFormPage />} />
                  <Route path="tiltak/:id/evalueringer/:evalId" element={<EvaluationFormPage />} />
                  <Route path="saker" element={<CasesPage />} />
                  <Route path="saker/ny" element={<CaseFormPage />} />
                  <Route path="saker/nodtilganger" element={<BreakGlassReviewsPage />} />
                  <Route path="saker/sletting" element={<RetentionPage />} />
                  <Route path="saker/:id" element={<CasePage tab="overview" />} />
                  <Route path="saker/:id/ungdomsplan" element={<CasePage tab="plan" />} />
                  <Route path="saker/:id/notater" element={<CasePage tab="notes" />} />
                  <Route path="saker/:id/team" element={<CasePage tab="team" />} />
                  <Route path="saker/:id/samtykke" element={<ConsentsPage />} />
                  <Route path="saker/:id/samtykke/ny" element={<ConsentWizardPage />} />
                  <Route path="saker/:id/hjemler" element={<LegalBasesPage />} />
                  <Route path="saker/:id/logg" element={<AccessReportPage />} />
                  <Route path="samtykker/paminnelser" element={<ConsentRemindersPage />} />
                  <Route path="arkiv" element={<ArchivePage />} />
                  <Route
                    path="kunnskap"
                    element={<Navigate to="/kunnskap/situasjonsbilde" replace />}
                  />
                  <Route path="kunnskap/situasjonsbilde" element={<PicturePage />} />
                  <Route path="kunnskap/indikatorer" element={<IndicatorsPage />} />
                  <Route path="kunnskap/indikatorer/ny" element={<IndicatorFormPage />} />
                  <Route path="kunnskap/indikatorer/:id" element={<IndicatorFormPage />} />
                  <Route path="kunnskap/import" element={<ImportPage />} />
                  <Route path="kunnskap/trender" element={<TrendsPage />} />
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
