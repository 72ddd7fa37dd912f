/** Consent room: the frame of a case's consent pages — the cases room's CaseShell (heading, facts,
 * break-glass banner, tabs; the missing page with its break-glass offer), and under the Samtykke
 * tab the way between the consents, a new consent and the other legal bases. */
import { Link as DsLink } from '@digdir/designsystemet-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useParams } from 'react-router';
import { useMe } from '../../auth/session';
import { CaseShell } from '../cases/CaseShell';
import { caseFacts } from './facts';
import type { CaseFacts } from './types';

function ConsentNav({ id }: { id: string }) {
  const { t } = useTranslation();
  const { pathname } = useLocation();
  const links = [
    { to: `/saker/${id}/samtykke`, label: t('consent.title') },
    { to: `/saker/${id}/samtykke/ny`, label: t('consent.wizard.title') },
    { to: `/saker/${id}/hjemler`, label: t('consent.bases.title') },
  ];
  return (
    <nav aria-label={t('consent.caseNav')} className="inline-links">
      {links.map((l) => (
        <DsLink key={l.to} asChild>
          <Link to={l.to} aria-current={pathname === l.to ? 'page' : undefined}>
            {l.label}
          </Link>
        </DsLink>
      ))}
    </nav>
  );
}

export function CaseFrame({
  tab,
  children,
}: {
  tab: 'consent' | 'log';
  children: (facts: CaseFacts) => ReactNode;
}) {
  const id = useParams().id ?? '';
  const me = useMe();
  return (
    <CaseShell caseId={id} tab={tab}>
      {(view) => (
        <>
          {tab === 'consent' ? <ConsentNav id={view.id} /> : null}
          {children(caseFacts(view, me.personId))}
        </>
      )}
    </CaseShell>
  );
}
