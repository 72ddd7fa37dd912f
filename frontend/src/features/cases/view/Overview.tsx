/** Cases room: the Oversikt tab — the subject (name, birth date, age, identity number) and the
 * guardians, each shown with its "why" or withheld. */
import { Heading, List, Paragraph } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../../i18n/format';
import type { CaseView } from '../types';
import { Shown } from './Access';

export function Overview({ view }: { view: CaseView }) {
  const { t, i18n } = useTranslation();
  const { subject } = view;
  return (
    <>
      <section className="stack" aria-labelledby="subject-heading" data-testid="subject">
        <Heading level={2} data-size="xs" id="subject-heading">
          {t('cases.overview.subject')}
        </Heading>
        <Shown item={subject.identity}>
          {(id) => (
            <dl className="facts">
              <dt>{t('cases.subjectName')}</dt>
              <dd data-testid="subject-name">{id.name}</dd>
              <dt>{t('cases.birthDate')}</dt>
              <dd>
                {formatDate(id.birthDate, i18n.language)} (
                {t('cases.overview.age', { age: id.age })})
              </dd>
              {id.identityNumber ? (
                <>
                  <dt>{t('cases.identityNumberShown')}</dt>
                  <dd>{id.identityNumber}</dd>
                </>
              ) : null}
            </dl>
          )}
        </Shown>
      </section>
      <section className="stack" aria-labelledby="guardians-heading" data-testid="guardians">
        <Heading level={2} data-size="xs" id="guardians-heading">
          {t('cases.overview.guardians')}
        </Heading>
        <Shown item={subject.guardians}>
          {({ items: guardians }) =>
            guardians.length === 0 ? (
              <Paragraph>{t('cases.noGuardians')}</Paragraph>
            ) : (
              <List.Unordered>
                {guardians.map((g) => (
                  <List.Item key={g.id}>
                    <strong>{g.name}</strong>
                    {g.relation ? ` (${g.relation})` : ''}
                    {' · '}
                    {t('cases.overview.parental')}:{' '}
                    {g.parentalResponsibility ? t('cases.overview.yes') : t('cases.overview.no')}
                    {g.phone ? ` · ${g.phone}` : ''}
                    {g.email ? ` · ${g.email}` : ''}
                  </List.Item>
                ))}
              </List.Unordered>
            )
          }
        </Shown>
      </section>
    </>
  );
}
