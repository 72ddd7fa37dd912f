/** Consent room: one consent — its status per source regime as the server derived it, the
 * re-collection flag, the scope, and each party's latest event with the answer or withdrawal
 * that may be recorded next. A consent the reader may not see says so, and why, never what. */
import { Heading, Paragraph, Table, Tag } from '@digdir/designsystemet-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../i18n/format';
import { EventDialog, type EventDefaults } from './EventDialog';
import { PartyActions } from './PartyActions';
import { latestEvents, needsRecollect, relevant, requiredIds, statesOf, stopped } from './status';
import type {
  CaseFacts,
  Consent,
  ConsentItem,
  ConsentState,
  EventKind,
  Party,
  Regime,
} from './types';

const COLOUR: Record<ConsentState, string> = {
  effective: 'success',
  pending: 'warning',
  refused: 'danger',
  withdrawn: 'danger',
  expired: 'neutral',
};

function States({ statuses }: { statuses: Consent['statuses'] }) {
  const { t } = useTranslation();
  return (
    <div className="tag-row">
      {statesOf(statuses).map(({ regime, state }) => (
        <Tag key={regime ?? 'all'} data-color={COLOUR[state]} data-testid="consent-status">
          {regime
            ? t('consent.stateIn', {
                regime: t(`consent.regime.${regime}`),
                state: t(`consent.status.${state}`),
              })
            : t(`consent.status.${state}`)}
        </Tag>
      ))}
      {needsRecollect(statuses) ? (
        <Tag data-color="warning" data-testid="recollect">
          {t('consent.recollect')}
        </Tag>
      ) : null}
    </div>
  );
}

function Scope({ consent: c, names }: { consent: Consent; names: ReadonlyMap<string, string> }) {
  const { t } = useTranslation();
  const orgs = (ids: string[]) => ids.map((id) => names.get(id) ?? '–').join(', ');
  const cats = (cs: string[]) => cs.map((x) => t(`consent.category.${x}`)).join(', ') || '–';
  return (
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
      <dt>{t('consent.field.notice')}</dt>
      <dd>
        {t('consent.noticeText', {
          version: c.notice.version,
          language: t(`consent.language.${c.notice.language}`, { defaultValue: c.notice.language }),
        })}
        {c.notice.easyRead ? ` · ${t('consent.easyReadShort')}` : ''}
      </dd>
      {c.childView ? (
        <>
          <dt>{t('consent.field.childView')}</dt>
          <dd>{c.childView}</dd>
        </>
      ) : null}
    </dl>
  );
}

export function ConsentCard({
  item,
  facts,
  names,
  regimes,
  index,
  defaults,
}: {
  item: ConsentItem;
  facts: CaseFacts;
  names: ReadonlyMap<string, string>;
  /** Each organisation's source regime: the consent's sources say which statuses matter. */
  regimes: ReadonlyMap<string, Regime>;
  index: number;
  /** What the wizard already knows of how the answers were collected. */
  defaults?: EventDefaults;
}) {
  const { t, i18n } = useTranslation();
  const [asking, setAsking] = useState<{ party: Party; kind: Exclude<EventKind, 'expired'> }>();
  const headingId = `consent-${item.id}`;
  const c = item.consent;
  if (c.withheld)
    return (
      <section className="consent-card" aria-labelledby={headingId} data-testid="consent">
        <Heading level={2} data-size="xs" id={headingId}>
          {t('consent.cardWithheld', { n: index })}
        </Heading>
        <Paragraph>
          {t('consent.withheld', {
            reason: t(`consent.deny.${c.reason}`, { defaultValue: c.reason }),
          })}
        </Paragraph>
      </section>
    );
  const day = (iso: string) => formatDate(iso, i18n.language);
  const guardian = new Map(facts.guardians.map((g) => [g.id, g.name]));
  const partyName = (p: Party) =>
    p.kind === 'subject'
      ? t('consent.party.subject')
      : (guardian.get(p.guardianId ?? '') ?? t('consent.party.guardian'));
  const latest = latestEvents(c);
  const statuses = relevant(c, regimes);
  const required = requiredIds(statuses);
  const over = stopped(statuses);
  return (
    <section className="consent-card" aria-labelledby={headingId} data-testid="consent">
      <Heading level={2} data-size="xs" id={headingId}>
        {c.scope.validTo
          ? t('consent.cardTitle', {
              n: index,
              from: day(c.scope.validFrom),
              to: day(c.scope.validTo),
            })
          : t('consent.cardTitleOpen', { n: index, from: day(c.scope.validFrom) })}
      </Heading>
      <States statuses={statuses} />
      <Scope consent={c} names={names} />
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
              const last = latest.get(p.id);
              const name = partyName(p);
              return (
                <Table.Row key={p.id} data-testid="party">
                  <Table.Cell data-label={t('consent.party.label')}>
                    {name}
                    <div className="muted">
                      {required.has(p.id)
                        ? t('consent.party.required')
                        : t('consent.party.notRequired')}
                    </div>
                  </Table.Cell>
                  <Table.Cell data-label={t('consent.party.verified')}>
                    {t(`consent.verification.${p.identityVerifiedBy}`, {
                      defaultValue: p.identityVerifiedBy,
                    })}
                  </Table.Cell>
                  <Table.Cell data-label={t('consent.party.latest')}>
                    {last
                      ? t('consent.latest', {
                          kind: t(`consent.event.${last.kind}`),
                          at: day(last.at),
                        })
                      : t('consent.event.none')}
                  </Table.Cell>
                  <Table.Cell data-label={t('consent.party.actions')}>
                    {over ? null : (
                      <PartyActions
                        name={name}
                        latest={last?.kind}
                        onAsk={(kind) => setAsking({ party: p, kind })}
                      />
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
          expectedSeq={latest.get(asking.party.id)?.seq ?? 0}
          defaults={defaults}
          onClose={() => setAsking(undefined)}
        />
      ) : null}
    </section>
  );
}
