/** Cases room: the frame of one case — heading, facts, the break-glass banner and the tabs. The
 * tabs are routes: Oversikt /saker/:id, Ungdomsplan …/ungdomsplan, Notater …/notater, Team …/team
 * (this room), Samtykke …/samtykke and Logg …/logg (the consent room's pages, which wrap their
 * content in this same `CaseShell`). Nothing else is shared between the two rooms. */
import { Alert, Paragraph, Tag } from '@digdir/designsystemet-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, NavLink } from 'react-router';
import { formatDate } from '../../i18n/format';
import { Flash } from '../shared/Flash';
import { PageHeading } from '../shared/PageHeading';
import { ErrorState, isMissing, Loading } from '../shared/States';
import { useCase } from './api';
import { grantExpiry } from './breakGlass';
import { CaseClosure } from './CloseCase';
import { CaseMissing } from './CaseMissing';
import type { CaseView } from './types';
import './cases.css';

export type CaseTab = 'overview' | 'plan' | 'notes' | 'consent' | 'team' | 'log';

const TABS: readonly { key: CaseTab; path: string }[] = [
  { key: 'overview', path: '' },
  { key: 'plan', path: '/ungdomsplan' },
  { key: 'notes', path: '/notater' },
  { key: 'consent', path: '/samtykke' },
  { key: 'team', path: '/team' },
  { key: 'log', path: '/logg' },
];

/** The address of a case's tab. */
export function caseTabPath(caseId: string, tab: CaseTab): string {
  const found = TABS.find((x) => x.key === tab);
  return `/saker/${caseId}${found?.path ?? ''}`;
}

/** The case's tabs as a navigation (each tab is a page; the current one is aria-current). */
export function CaseTabs({ caseId, current }: { caseId: string; current: CaseTab }) {
  const { t } = useTranslation();
  return (
    <nav aria-label={t('cases.tabs.label')} className="case-tabs">
      <ul>
        {TABS.map((tab) => (
          <li key={tab.key}>
            <NavLink
              to={caseTabPath(caseId, tab.key)}
              end
              aria-current={tab.key === current ? 'page' : undefined}
            >
              {t(`cases.tabs.${tab.key}`)}
            </NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}

function BreakGlassBanner({ view }: { view: CaseView }) {
  const { t, i18n } = useTranslation();
  if (!view.breakGlassId) return null;
  const expires = grantExpiry(view.breakGlassId);
  return (
    <Alert data-color="warning" data-testid="break-glass-active">
      <Paragraph>
        {expires
          ? t('cases.breakGlass.active', { until: new Date(expires).toLocaleString(i18n.language) })
          : t('cases.breakGlass.activeNoExpiry')}
      </Paragraph>
    </Alert>
  );
}

/** One case's page: loads the case (404 → the missing page with the break-glass offer) and
 * renders `children` for the current tab under the heading and tabs. */
export function CaseShell({
  caseId,
  tab,
  children,
}: {
  caseId: string;
  tab: CaseTab;
  children: (view: CaseView) => ReactNode;
}) {
  const { t, i18n } = useTranslation();
  const view = useCase(caseId);
  if (view.isPending) return <Loading />;
  if (view.isError) {
    if (isMissing(view.error)) return <CaseMissing caseId={caseId} />;
    return <ErrorState error={view.error} onRetry={() => void view.refetch()} />;
  }
  const c = view.data;
  return (
    <div className="stack">
      <Link to="/saker">{t('cases.back')}</Link>
      <PageHeading>{`${c.reference} – ${t(`cases.tabs.${tab}`)}`}</PageHeading>
      <div className="row">
        <Tag data-color={c.status === 'open' ? 'success' : 'neutral'}>
          {t(`cases.status.${c.status}`)}
        </Tag>
        <Tag data-color="info">{t(`cases.kind.${c.kind}`)}</Tag>
        <span className="muted">
          {c.bodyName} · {formatDate(c.startOn, i18n.language)}
          {c.endOn ? ` – ${formatDate(c.endOn, i18n.language)}` : ''}
        </span>
      </div>
      <CaseClosure view={c} />
      <Flash />
      <BreakGlassBanner view={c} />
      <CaseTabs caseId={c.id} current={tab} />
      <div className="stack" data-testid={`case-${tab}`}>
        {children(c)}
      </div>
    </div>
  );
}
