import { Alert, Paragraph } from '@digdir/designsystemet-react';
import { useLocation, useNavigate } from 'react-router';

interface FlashState {
  flash?: string;
}

/** Go to ``to`` and show ``message`` there once, on screen (the Announcer reads it aloud). */
export function useFlashNavigate(): (to: string, message: string) => void {
  const navigate = useNavigate();
  return (to, message) => void navigate(to, { state: { flash: message } satisfies FlashState });
}

/** The confirmation a save left for the page it went on to. */
export function Flash() {
  const location = useLocation();
  const message = (location.state as FlashState | null)?.flash;
  if (!message) return null;
  return (
    <Alert data-color="success" data-testid="flash">
      <Paragraph>{message}</Paragraph>
    </Alert>
  );
}
