/** Consent room: a case's consents — status derived by the server, each party's latest event,
 * re-collection flags — with the way to register a new consent. */
import { Button, Link as DsLink, Paragraph } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorState, Loading } from '../shared/States';
import { useConsents, useOrganisations, useRegimes } from './api';
import { CaseFrame } from './CaseFrame';
import { ConsentCard } from './ConsentCard';
import type { CaseFacts } from './types';
import './consent.css';

function Consents({ facts }: { facts: CaseFacts }) {
  const { t } = useTranslation();
  const consents = useConsents(facts.id);
  const names = new Map((useOrganisations().data?.items ?? []).map((o) => [o.id, o.name]));
  const items = consents.data ?? [];
  const regimes = useRegimes();
  return (
    <>
      <Paragraph>{t('consent.intro')}</Paragraph>
      <div className="inline-links">
        <Button asChild>
          <Link to={`/saker/${facts.id}/samtykke/ny`}>{t('consent.new')}</Link>
        </Button>
        <DsLink asChild>
          <Link to="/samtykker/paminnelser">{t('consent.reminders.title')}</Link>
        </DsLink>
      </div>
      {consents.isPending ? <Loading /> : null}
      {consents.isError ? (
        <ErrorState error={consents.error} onRetry={() => void consents.refetch()} />
      ) : null}
      {consents.data && items.length === 0 ? (
        <Paragraph data-testid="no-consents">{t('consent.empty')}</Paragraph>
      ) : null}
      {items.map((c, i) => (
        <ConsentCard
          key={c.id}
          item={c}
          facts={facts}
          names={names}
          regimes={regimes}
          index={i + 1}
        />
      ))}
    </>
  );
}

export default function ConsentsPage() {
  return <CaseFrame tab="consent">{(facts) => <Consents facts={facts} />}</CaseFrame>;
}
