/** Annual wheel room: a new feed's link, shown once — the address to copy and what it means. */
import { Alert, Button, Heading, Paragraph, Textfield } from '@digdir/designsystemet-react';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAnnounce } from '../shared/Announcer';

export function FeedLink({ url }: { url: string }) {
  const { t } = useTranslation();
  const announce = useAnnounce();
  const ref = useRef<HTMLDivElement>(null);
  const input = useRef<HTMLInputElement>(null);
  const [copied, setCopied] = useState<string | null>(null);
  useEffect(() => {
    ref.current?.focus();
  }, [url]);
  const copy = async () => {
    let text = t('wheelFeeds.copied');
    try {
      await navigator.clipboard.writeText(url);
    } catch {
      input.current?.select();
      text = t('wheelFeeds.copyFailed');
    }
    setCopied(text);
    announce(text);
  };
  return (
    <Alert data-color="success" ref={ref} tabIndex={-1} data-testid="feed-created">
      <div className="stack">
        <Heading level={3} data-size="xs">
          {t('wheelFeeds.createdHeading')}
        </Heading>
        <Paragraph>{t('wheelFeeds.createdOnce')}</Paragraph>
        <Textfield
          ref={input}
          label={t('wheelFeeds.link')}
          value={url}
          readOnly
          className="feed-url"
          onFocus={(e) => e.currentTarget.select()}
        />
        <div className="wheel-actions">
          <Button variant="primary" data-size="sm" onClick={() => void copy()}>
            {t('wheelFeeds.copy')}
          </Button>
          {copied ? <Paragraph data-size="sm">{copied}</Paragraph> : null}
        </div>
        <Paragraph data-size="sm">{t('wheelFeeds.secret')}</Paragraph>
      </div>
    </Alert>
  );
}
