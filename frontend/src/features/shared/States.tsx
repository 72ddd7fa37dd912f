import {
  Alert,
  Button,
  Heading,
  Link as DsLink,
  Paragraph,
  Spinner,
} from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PageHeading } from './PageHeading';
import { ApiError, problemText } from '../../api/problem';

export function Loading({ label }: { label?: string }) {
  const { t } = useTranslation();
  const text = label ?? t('state.loading');
  return (
    <div className="state-loading" role="status">
      <Spinner aria-hidden="true" data-size="md" />
      <span>{text}</span>
    </div>
  );
}

export function Empty({ children }: { children: string }) {
  return (
    <Paragraph className="state-empty" data-testid="empty">
      {children}
    </Paragraph>
  );
}

/** An error from a read, with the server's explanation and a retry button. */
export function ErrorState({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t } = useTranslation();
  let detail = t('state.errorGeneric');
  if (error instanceof ApiError) {
    if (error.isForbidden) detail = t('state.errorForbidden');
    else if (error.isNotFound) detail = t('state.errorNotFound');
    else detail = problemText(error.problem, t);
  }
  return (
    <Alert data-color="danger" role="alert">
      <Heading level={2} data-size="xs">
        {t('state.errorTitle')}
      </Heading>
      <Paragraph>{detail}</Paragraph>
      {onRetry && (
        <Button variant="secondary" data-size="sm" onClick={onRetry}>
          {t('state.retry')}
        </Button>
      )}
    </Alert>
  );
}

/** 404, or an id in the address that cannot be one (the server answers 422 ``uuid``). */
export function isMissing(error: unknown): boolean {
  if (!(error instanceof ApiError)) return false;
  if (error.isNotFound) return true;
  return error.status === 422 && (error.problem.errors ?? []).some((e) => e.code === 'uuid');
}

/** A page for an id that leads nowhere: a heading and title, and the way back to the list. */
export function MissingPage({ back, backLabel }: { back: string; backLabel: string }) {
  const { t } = useTranslation();
  return (
    <div className="stack" data-testid="missing">
      <PageHeading>{t('notFound.recordTitle')}</PageHeading>
      <Paragraph>{t('notFound.recordBody')}</Paragraph>
      <DsLink asChild>
        <Link to={back}>{backLabel}</Link>
      </DsLink>
    </div>
  );
}

/** A failed read of one record: the missing page when it does not exist, else the error. */
export function LoadError({
  error,
  onRetry,
  back,
  backLabel,
}: {
  error: unknown;
  onRetry: () => void;
  back: string;
  backLabel: string;
}) {
  if (isMissing(error)) return <MissingPage back={back} backLabel={backLabel} />;
  return <ErrorState error={error} onRetry={onRetry} />;
}
