import { Heading, Link as DsLink } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useMemberships, usePersons } from './api';
import { Empty, ErrorState, Loading } from '../shared/States';
import { todayIso } from '../../i18n/format';

/** An organisation's people, and the bodies it sits in today (through whom, in which role). */
export function OrganisationPeople({ organisationId }: { organisationId: string }) {
  const { t, i18n } = useTranslation();
  const people = usePersons({ organisationId });
  const seats = useMemberships({ organisationId, activeOn: todayIso() });
  const byBody = new Map<string, { name: string; lines: string[] }>();
  for (const m of seats.data?.items ?? []) {
    const entry = byBody.get(m.bodyId) ?? { name: m.bodyName ?? m.bodyId, lines: [] };
    entry.lines.push(
      t('tenure.seatLine', { person: m.personName ?? '', role: t(`bodyRole.${m.role}`) }),
    );
    byBody.set(m.bodyId, entry);
  }
  const bodies = [...byBody.entries()].sort((a, b) =>
    a[1].name.localeCompare(b[1].name, i18n.language),
  );
  return (
    <>
      <section aria-labelledby="organisation-people" className="stack">
        <Heading level={2} data-size="sm" id="organisation-people">
          {t('tenure.people')}
        </Heading>
        {people.isPending ? <Loading /> : null}
        {people.isError ? <ErrorState error={people.error} /> : null}
        {people.data && people.data.items.length === 0 ? (
          <Empty>{t('tenure.noPeople')}</Empty>
        ) : null}
        {people.data && people.data.items.length > 0 ? (
          <ul data-testid="organisation-people">
            {people.data.items.map((p) => (
              <li key={p.id}>
                <DsLink asChild>
                  <Link to={`/personer/${p.id}`}>{p.name}</Link>
                </DsLink>
                {p.title ? ` – ${p.title}` : null}
              </li>
            ))}
          </ul>
        ) : null}
      </section>
      <section aria-labelledby="organisation-seats" className="stack">
        <Heading level={2} data-size="sm" id="organisation-seats">
          {t('tenure.seats')}
        </Heading>
        {seats.isPending ? <Loading /> : null}
        {seats.isError ? <ErrorState error={seats.error} /> : null}
        {seats.data && bodies.length === 0 ? <Empty>{t('tenure.noSeats')}</Empty> : null}
        {bodies.length > 0 ? (
          <ul data-testid="organisation-seats">
            {bodies.map(([bodyId, entry]) => (
              <li key={bodyId}>
                <DsLink asChild>
                  <Link to={`/organer/${bodyId}`}>{entry.name}</Link>
                </DsLink>
                {`: ${entry.lines.join('; ')}`}
              </li>
            ))}
          </ul>
        ) : null}
      </section>
    </>
  );
}
