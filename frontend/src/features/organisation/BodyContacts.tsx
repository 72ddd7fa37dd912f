import { Button, Heading, Link as DsLink, Paragraph } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import { useAllPersons } from './api';
import type { Membership } from './types';
import { isLang } from '../../i18n';

/** Print the page as it is: the print stylesheet leaves out the header, menus and buttons. */
export function PrintButton() {
  const { t } = useTranslation();
  return (
    <Button variant="secondary" className="no-print" onClick={() => window.print()}>
      {t('print.button')}
    </Button>
  );
}

/** Downloads of the member list, in the user's language. */
export function MemberExports({ bodyId }: { bodyId: string }) {
  const { t, i18n } = useTranslation();
  const lang = isLang(i18n.language) ? i18n.language : 'nb';
  const href = (ext: string) => `/api/bodies/${bodyId}/members.${ext}?lang=${lang}`;
  return (
    <ul className="link-row no-print" aria-label={t('contacts.downloads')}>
      <li>
        <DsLink href={href('csv')} download data-testid="export-csv">
          {t('contacts.csv')}
        </DsLink>
      </li>
      <li>
        <DsLink href={href('xlsx')} download data-testid="export-xlsx">
          {t('contacts.xlsx')}
        </DsLink>
      </li>
    </ul>
  );
}

/** Who to reach in a body: names, organisations, e-mail and phone as links. */
export function BodyContacts({ bodyId, members }: { bodyId: string; members: Membership[] }) {
  const { t } = useTranslation();
  const persons = useAllPersons();
  const byId = new Map((persons.data?.items ?? []).map((p) => [p.id, p]));
  // One line per person, even with two roles in the body.
  const people = [...new Map(members.map((m) => [m.personId, m])).values()];
  // With no members the member section already says so; there is nobody to list or export.
  if (people.length === 0) return null;
  return (
    <section aria-labelledby="contacts-heading" className="stack" data-testid="contacts">
      <Heading level={2} data-size="sm" id="contacts-heading">
        {t('contacts.heading')}
      </Heading>
      <MemberExports bodyId={bodyId} />
      <ul className="contact-list">
        {people.map((m) => {
          const p = byId.get(m.personId);
          return (
            <li key={m.personId}>
              <Paragraph className="contact-name">{m.personName ?? m.personId}</Paragraph>
              {m.organisationName ? (
                <Paragraph data-size="sm">{m.organisationName}</Paragraph>
              ) : null}
              {p?.email ? (
                <DsLink href={`mailto:${p.email}`}>
                  {t('contacts.email', { email: p.email })}
                </DsLink>
              ) : null}
              {p?.phone ? (
                <DsLink href={`tel:${p.phone.replace(/\s/g, '')}`}>
                  {t('contacts.phone', { phone: p.phone })}
                </DsLink>
              ) : null}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
