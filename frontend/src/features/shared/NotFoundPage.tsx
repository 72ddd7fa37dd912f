import { Link as DsLink, Paragraph } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PageHeading } from './PageHeading';

export default function NotFoundPage() {
  const { t } = useTranslation();
  return (
    <div className="stack">
      <PageHeading>{t('notFound.title')}</PageHeading>
      <Paragraph>{t('notFound.body')}</Paragraph>
      <DsLink asChild>
        <Link to="/">{t('notFound.home')}</Link>
      </DsLink>
    </div>
  );
}
