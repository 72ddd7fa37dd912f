/** Consent room: what may be recorded next for one party — an answer (given, refused) while none
 * is given, a withdrawal once it is. */
import { Button } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import type { EventKind } from './types';

export function PartyActions({
  name,
  latest,
  onAsk,
}: {
  name: string;
  latest: EventKind | undefined;
  onAsk: (kind: Exclude<EventKind, 'expired'>) => void;
}) {
  const { t } = useTranslation();
  if (latest === 'given')
    return (
      <Button
        data-size="sm"
        variant="secondary"
        data-color="danger"
        aria-label={t('consent.action.withdrawFor', { name })}
        onClick={() => onAsk('withdrawn')}
      >
        {t('consent.action.withdraw')}
      </Button>
    );
  return (
    <div className="tag-row">
      <Button
        data-size="sm"
        variant="secondary"
        aria-label={t('consent.action.givenFor', { name })}
        onClick={() => onAsk('given')}
      >
        {t('consent.action.given')}
      </Button>
      {latest !== 'refused' ? (
        <Button
          data-size="sm"
          variant="secondary"
          aria-label={t('consent.action.refusedFor', { name })}
          onClick={() => onAsk('refused')}
        >
          {t('consent.action.refused')}
        </Button>
      ) : null}
    </div>
  );
}
