import { Heading, Link as DsLink, List, Paragraph } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import { PageHeading } from './PageHeading';
import { formatLongDate } from '../../i18n/format';

/** The date this statement was last reviewed (update it whenever it is reviewed). */
export const STATEMENT_DATE = '2026-11-21';
const FEEDBACK_EMAIL = 'tilgjengelighet@samordna.example';

export default function AccessibilityPage() {
  const { t, i18n } = useTranslation();
  const limitations = t('a11y.limitations', { returnObjects: true }) as unknown;
  const items = Array.isArray(limitations) ? (limitations as string[]) : [];
  return (
    <article className="stack">
      <PageHeading>{t('a11y.title')}</PageHeading>
      <Paragraph>{t('a11y.intro')}</Paragraph>
      <section aria-labelledby="a11y-status" className="stack">
        <Heading level={2} data-size="sm" id="a11y-status">
          {t('a11y.statusTitle')}
        </Heading>
        <Paragraph>{t('a11y.status')}</Paragraph>
      </section>
      <section aria-labelledby="a11y-limitations" className="stack">
        <Heading level={2} data-size="sm" id="a11y-limitations">
          {t('a11y.limitationsTitle')}
        </Heading>
        <List.Unordered>
          {items.map((item) => (
            <List.Item key={item}>{item}</List.Item>
          ))}
        </List.Unordered>
      </section>
      <section aria-labelledby="a11y-feedback" className="stack">
        <Heading level={2} data-size="sm" id="a11y-feedback">
          {t('a11y.feedbackTitle')}
        </Heading>
        <Paragraph>{t('a11y.feedback')}</Paragraph>
        <Paragraph>
          <DsLink href={`mailto:${FEEDBACK_EMAIL}`}>{FEEDBACK_EMAIL}</DsLink>
        </Paragraph>
      </section>
      <section aria-labelledby="a11y-supervision" className="stack">
        <Heading level={2} data-size="sm" id="a11y-supervision">
          {t('a11y.supervisionTitle')}
        </Heading>
        <Paragraph>{t('a11y.supervision')}</Paragraph>
        <Paragraph>{t('a11y.supervisionAddress')}</Paragraph>
      </section>
      <section aria-labelledby="a11y-date" className="stack">
        <Heading level={2} data-size="sm" id="a11y-date">
          {t('a11y.dateTitle')}
        </Heading>
        <Paragraph>
          {t('a11y.date', { date: formatLongDate(STATEMENT_DATE, i18n.language) })}
        </Paragraph>
      </section>
    </article>
  );
}
