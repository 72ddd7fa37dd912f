import { Alert, Button, Heading, Paragraph, Spinner } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/problem';

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
    else if (error.problem.detail) detail = error.problem.detail;
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
