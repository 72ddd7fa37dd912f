import { Paragraph } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import { LoginButton } from '../../Layout';
import { PageHeading } from './PageHeading';

export function LoggedOutPage() {
  const { t } = useTranslation();
  return (
    <div className="stack">
      <PageHeading>{t('loggedOut.title')}</PageHeading>
      <Paragraph>{t('loggedOut.body')}</Paragraph>
      <div>
        <LoginButton />
      </div>
    </div>
  );
}

export function NoUnitPage() {
  const { t } = useTranslation();
  return (
    <div className="stack">
      <PageHeading>{t('noUnit.title')}</PageHeading>
      <Paragraph>{t('noUnit.body')}</Paragraph>
    </div>
  );
}
