/** Consent room: one consent — its derived status, re-collection flag, scope, and each party's
 * latest event with the answers and the withdrawal that may be recorded next. */
import { Button, Heading, Table, Tag } from '@digdir/designsystemet-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../i18n/format';
import { EventDialog } from './EventDialog';
import type { CaseFacts, Consent, ConsentStatus, EventKind, Party } from './types';

const COLOUR: Record<ConsentStatus, string> = {
  effective: 'success',
  pending: 'warning',
  refused: 'danger',
  withdrawn: 'danger',
  expired: 'neutral',
};

export function StatusTag({ status }: { status: string }) {
  const { t } = useTranslation();
  return (
    <Tag data-color={COLOUR[status as ConsentStatus] ?? 'neutral'} data-testid="consent-status">
      {t(`consent.status.${status}`, { defaultValue: status })}
    </Tag>
  );
}

export function ConsentCard({
  consent: c,
  facts,
  names,
  index,
}: {
  consent: Consent;
  facts: CaseFacts;
  names: ReadonlyMap<string, string>;
  index: number;
}) {
  const { t, i18n } = useTranslation();
  const [asking, setAsking] = useState<{ party: Party; kind: Exclude<EventKind, 'expired'> }>();
  const day = (iso: string) => formatDate(iso, i18n.language);
  const guardian = new Map(facts.guardians.map((g) => [g.id, g.name]));
  const partyName = (p: Party) =>
    p.kind === 'subject'
      ? t('consent.party.subject')
      : (p.name ?? guardian.get(p.guardianId ?? '') ?? t('consent.party.guardian'));
  const orgs = (ids: string[]) => ids.map((id) => names.get(id) ?? '–').join(', ');
  const cats = (cs: string[]) => cs.map((x) => t(`consent.category.${x}`)).join(', ') || '–';
  const headingId = `consent-${c.id}`;
  const stopped = c.status === 'withdrawn' || c.status === 'expired';
  return (
    <section className="consent-card" aria-labelledby={headingId} data-testid="consent">
      <Heading level={2} data-size="xs" id={headingId}>
        {t('consent.cardTitle', {
          n: index,
          from: day(c.scope.validFrom),
          to: day(c.scope.validTo),
        })}
      </Heading>
      <div className="tag-row">
        <StatusTag status={c.status} />
        {c.recollect ? (
          <Tag data-color="warning" data-testid="recollect">
            {t('consent.recollect')}
          </Tag>
        ) : null}
      </div>
      <dl className="facts">
        <dt>{t('consent.field.allowedCategories')}</dt>
        <dd>{cats(c.scope.allowedCategories)}</dd>
        <dt>{t('consent.field.excludedCategories')}</dt>
        <dd>{cats(c.scope.excludedCategories)}</dd>
        <dt>{t('consent.field.sources')}</dt>
        <dd>{orgs(c.scope.sourceOrganisationIds)}</dd>
        <dt>{t('consent.field.recipients')}</dt>
        <dd>{orgs(c.scope.recipientOrganisationIds)}</dd>
        <dt>{t('consent.field.forums')}</dt>
        <dd>{c.scope.forums.map((f) => t(`consent.forum.${f}`)).join(', ')}</dd>
        <dt>{t('consent.field.onwardSharing')}</dt>
        <dd>{c.scope.onwardSharing ? t('consent.yes') : t('consent.no')}</dd>
        <dt>{t('consent.field.method')}</dt>
        <dd>{t(`consent.method.${c.method}`)}</dd>
        {c.childView ? (
          <>
            <dt>{t('consent.field.childView')}</dt>
            <dd>{c.childView}</dd>
          </>
        ) : null}
      </dl>
      <div className="table-wrap">
        <Table className="table-cards" data-testid="parties">
          <caption>{t('consent.partiesCaption')}</caption>
          <Table.Head>
            <Table.Row>
              <Table.HeaderCell>{t('consent.party.label')}</Table.HeaderCell>
              <Table.HeaderCell>{t('consent.party.verified')}</Table.HeaderCell>
              <Table.HeaderCell>{t('consent.party.latest')}</Table.HeaderCell>
              <Table.HeaderCell>{t('consent.party.actions')}</Table.HeaderCell>
            </Table.Row>
          </Table.Head>
          <Table.Body>
            {c.parties.map((p) => {
              const latest = p.latestEvent;
              const name = partyName(p);
              return (
                <Table.Row key={p.id} data-testid="party">
                  <Table.Cell data-label={t('consent.party.label')}>
                    {name}
                    {p.required === false ? (
                      <div className="muted">{t('consent.party.notRequired')}</div>
                    ) : null}
                  </Table.Cell>
                  <Table.Cell data-label={t('consent.party.verified')}>
                    {t(`consent.verification.${p.identityVerifiedBy}`, {
                      defaultValue: p.identityVerifiedBy,
                    })}
                  </Table.Cell>
                  <Table.Cell data-label={t('consent.party.latest')}>
                    {latest
                      ? t('consent.latest', {
                          kind: t(`consent.event.${latest.kind}`),
                          at: day(latest.at),
                        })
                      : t('consent.event.none')}
                  </Table.Cell>
                  <Table.Cell data-label={t('consent.party.actions')}>
                    {stopped ? null : (
                      <div className="tag-row">
                        {latest?.kind !== 'given' ? (
                          <Button
                            data-size="sm"
                            variant="secondary"
                            aria-label={t('consent.action.givenFor', { name })}
                            onClick={() => setAsking({ party: p, kind: 'given' })}
                          >
                            {t('consent.action.given')}
                          </Button>
                        ) : null}
                        {latest?.kind !== 'refused' && latest?.kind !== 'given' ? (
                          <Button
                            data-size="sm"
                            variant="secondary"
                            aria-label={t('consent.action.refusedFor', { name })}
                            onClick={() => setAsking({ party: p, kind: 'refused' })}
                          >
                            {t('consent.action.refused')}
                          </Button>
                        ) : null}
                        {latest?.kind === 'given' ? (
                          <Button
                            data-size="sm"
                            variant="secondary"
                            data-color="danger"
                            aria-label={t('consent.action.withdrawFor', { name })}
                            onClick={() => setAsking({ party: p, kind: 'withdrawn' })}
                          >
                            {t('consent.action.withdraw')}
                          </Button>
                        ) : null}
                      </div>
                    )}
                  </Table.Cell>
                </Table.Row>
              );
            })}
          </Table.Body>
        </Table>
      </div>
      {asking ? (
        <EventDialog
          consent={c}
          party={asking.party}
          partyName={partyName(asking.party)}
          kind={asking.kind}
          onClose={() => setAsking(undefined)}
        />
      ) : null}
    </section>
  );
}
