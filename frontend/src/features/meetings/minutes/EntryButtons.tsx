/** Meetings: the edit and remove buttons of one decision or action item in the draft minutes. */
import { Button } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import { ApiError, problemText } from '../../../api/problem';
import { useAnnounce } from '../../shared/Announcer';

export function EntryButtons({
  editLabel,
  removeLabel,
  removedMessage,
  removing,
  onEdit,
  onRemove,
  onError,
}: {
  editLabel: string;
  removeLabel: string;
  removedMessage: string;
  removing: boolean;
  onEdit: () => void;
  onRemove: () => Promise<unknown>;
  onError: (message: string | undefined) => void;
}) {
  const { t } = useTranslation();
  const announce = useAnnounce();
  return (
    <>
      <Button variant="tertiary" data-size="sm" aria-label={editLabel} onClick={onEdit}>
        {t('minutes.edit')}
      </Button>
      <Button
        variant="tertiary"
        data-size="sm"
        aria-label={removeLabel}
        disabled={removing}
        onClick={() => {
          onError(undefined);
          onRemove()
            .then(() => announce(removedMessage))
            .catch((err: unknown) =>
              onError(err instanceof ApiError ? problemText(err.problem, t) : String(err)),
            );
        }}
      >
        {t('minutes.remove')}
      </Button>
    </>
  );
}
