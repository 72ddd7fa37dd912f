/** Consent room: the frame of a case's consent pages — loads the case (404 when the reader may not
 * see it), names it in the heading, and links back to the case and between the consent pages. */
import { Link as DsLink } from '@digdir/designsystemet-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useMe } from '../../auth/session';
import { PageHeading } from '../shared/PageHeading';
import { LoadError, Loading } from '../shared/States';
import { useCase } from './api';
import { caseFacts } from './facts';
import type { CaseFacts } from './types';

export function CaseFrame({
  title,
  children,
}: {
  /** The page's name; the heading says it with the case reference. */
  title: string;
  children: (facts: CaseFacts) => ReactNode;
}) {
  const { t } = useTranslation();
  const id = useParams().id ?? '';
  const me = useMe();
  const view = useCase(id);
  if (view.isPending) return <Loading />;
  if (view.isError)
    return (
      <LoadError
        error={view.error}
        onRetry={() => void view.refetch()}
        back="/saker"
        backLabel={t('consent.backToCases')}
      />
    );
  const facts = caseFacts(view.data, me.personId);
  return (
    <div className="stack">
      <PageHeading>
        {t('consent.pageTitle', { page: title, reference: facts.reference })}
      </PageHeading>
      <nav aria-label={t('consent.caseNav')} className="inline-links">
        <DsLink asChild>
          <Link to={`/saker/${id}`}>{t('consent.backToCase')}</Link>
        </DsLink>
        <DsLink asChild>
          <Link to={`/saker/${id}/samtykke`}>{t('consent.title')}</Link>
        </DsLink>
        <DsLink asChild>
          <Link to={`/saker/${id}/hjemler`}>{t('consent.bases.title')}</Link>
        </DsLink>
        <DsLink asChild>
          <Link to={`/saker/${id}/logg`}>{t('consent.report.title')}</Link>
        </DsLink>
      </nav>
      {children(facts)}
    </div>
  );
}
