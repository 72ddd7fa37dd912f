import { Alert, Button, Link as DsLink, Paragraph } from '@digdir/designsystemet-react';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { loginUrl } from '../../auth/login';
import { PageHeading } from '../shared/PageHeading';
import { isLang, type Lang } from '../../i18n';

const REASONS = new Set(['cancelled', 'expired', 'failed']);

/** Where a login that did not complete lands (the server redirects here), in the login's language. */
export default function LoginFailedPage() {
  const { t, i18n } = useTranslation();
  const [params] = useSearchParams();
  const asked = params.get('lang');
  useEffect(() => {
    if (isLang(asked) && asked !== i18n.language) void i18n.changeLanguage(asked);
  }, [asked, i18n]);
  const reason = params.get('reason') ?? 'failed';
  const lang: Lang = isLang(i18n.language) ? i18n.language : 'nb';
  return (
    <div className="stack" data-testid="login-failed">
      <PageHeading>{t('loginFailed.title')}</PageHeading>
      <Alert data-color={reason === 'cancelled' ? 'info' : 'warning'}>
        <Paragraph>{t(`loginFailed.${REASONS.has(reason) ? reason : 'failed'}`)}</Paragraph>
      </Alert>
      <div className="row">
        <Button asChild>
          <a href={loginUrl('/', lang)}>{t('loginFailed.retry')}</a>
        </Button>
        <DsLink asChild>
          <Link to="/">{t('loginFailed.home')}</Link>
        </DsLink>
      </div>
    </div>
  );
}
