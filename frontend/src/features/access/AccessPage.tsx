import { Paragraph } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import { canAdministerAccess } from '../../auth/permissions';
import { useMe } from '../../auth/session';
import { PageHeading } from '../shared/PageHeading';
import { AccountsSection } from './AccountsSection';
import { ChangeLog } from './ChangeLog';
import { ClientsSection } from './ClientsSection';

/** "Tilgang": who may act in the unit, the machine clients, and the log of changes. */
export default function AccessPage() {
  const { t } = useTranslation();
  const me = useMe();
  if (!canAdministerAccess(me)) {
    return (
      <div className="stack">
        <PageHeading>{t('access.title')}</PageHeading>
        <Paragraph>{t('state.errorForbidden')}</Paragraph>
      </div>
    );
  }
  return (
    <div className="stack">
      <PageHeading>{t('access.title')}</PageHeading>
      <Paragraph>{t('access.intro')}</Paragraph>
      <AccountsSection />
      <ClientsSection />
      <ChangeLog />
    </div>
  );
}
