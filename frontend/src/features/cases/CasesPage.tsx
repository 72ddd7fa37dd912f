/** Cases room: the list of MY cases (the team's only; others see an empty list) — reference, kind,
 * status, body, dates and the subject's name or a withheld marker. */
import { Button, Link as DsLink, Paragraph, Table, Tag } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useMe } from '../../auth/session';
import { formatDate } from '../../i18n/format';
import { Flash } from '../shared/Flash';
import { PageHeading } from '../shared/PageHeading';
import { Empty, ErrorState, Loading } from '../shared/States';
import { useExecutiveSeats, useMyCases } from './api';
import { isAccessController } from './permissions';
import { WithheldMarker } from './view/Access';
import { isWithheld, type CaseSummary } from './types';
import './cases.css';

function Row({ c }: { c: CaseSummary }) {
  const { t, i18n } = useTranslation();
  const day = (iso: string | null | undefined) => formatDate(iso, i18n.language);
  return (
    <Table.Row>
      <Table.Cell data-label={t('cases.reference')}>
        <DsLink asChild>
          <Link to={`/saker/${c.id}`}>{c.reference}</Link>
        </DsLink>
      </Table.Cell>
      <Table.Cell data-label={t('cases.subject')}>
        {isWithheld(c.subject) ? <WithheldMarker item={c.subject} /> : c.subject.name}
      </Table.Cell>
      <Table.Cell data-label={t('cases.kindLabel')}>{t(`cases.kind.${c.kind}`)}</Table.Cell>
      <Table.Cell data-label={t('cases.statusLabel')}>
        <Tag data-color={c.status === 'open' ? 'success' : 'neutral'} data-size="sm">
          {t(`cases.status.${c.status}`)}
        </Tag>
      </Table.Cell>
      <Table.Cell data-label={t('cases.body')}>{c.bodyName}</Table.Cell>
      <Table.Cell data-label={t('cases.dates')}>
        {day(c.startOn)}
        {c.endOn ? ` – ${day(c.endOn)}` : ''}
      </Table.Cell>
      <Table.Cell data-label={t('cases.myRole')}>
        {c.myRole ? t(`cases.role.${c.myRole}`) : ''}
      </Table.Cell>
    </Table.Row>
  );
}

export default function CasesPage() {
  const { t } = useTranslation();
  const me = useMe();
  const cases = useMyCases();
  const seats = useExecutiveSeats(me);
  return (
    <div className="stack">
      <div className="page-head">
        <PageHeading>{t('cases.title')}</PageHeading>
        {seats.bodies.length > 0 ? (
          <Button asChild>
            <Link to="/saker/ny">{t('cases.new')}</Link>
          </Button>
        ) : null}
      </div>
      <Flash />
      <Paragraph>{t('cases.intro')}</Paragraph>
      {isAccessController(me) ? (
        <nav aria-label={t('cases.reviews.nav')} className="row">
          <DsLink asChild>
            <Link to="/saker/nodtilganger">{t('cases.reviews.title')}</Link>
          </DsLink>
          <DsLink asChild>
            <Link to="/saker/sletting">{t('cases.retention.title')}</Link>
          </DsLink>
        </nav>
      ) : null}
      {cases.isPending ? <Loading /> : null}
      {cases.isError ? (
        <ErrorState error={cases.error} onRetry={() => void cases.refetch()} />
      ) : null}
      {cases.data && cases.data.length === 0 ? <Empty>{t('cases.empty')}</Empty> : null}
      {cases.data && cases.data.length > 0 ? (
        <div className="table-wrap">
          <Table zebra data-testid="cases" className="table-cards">
            <caption className="sr-only">{t('cases.title')}</caption>
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell>{t('cases.reference')}</Table.HeaderCell>
                <Table.HeaderCell>{t('cases.subject')}</Table.HeaderCell>
                <Table.HeaderCell>{t('cases.kindLabel')}</Table.HeaderCell>
                <Table.HeaderCell>{t('cases.statusLabel')}</Table.HeaderCell>
                <Table.HeaderCell>{t('cases.body')}</Table.HeaderCell>
                <Table.HeaderCell>{t('cases.dates')}</Table.HeaderCell>
                <Table.HeaderCell>{t('cases.myRole')}</Table.HeaderCell>
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {cases.data.map((c) => (
                <Row key={c.id} c={c} />
              ))}
            </Table.Body>
          </Table>
        </div>
      ) : null}
    </div>
  );
}
