/** Consent room: consents to see to — expiring within 30 days, or the subject turns 15, 16 or 18
 * (re-collect) — across the cases the reader is on; the reminders can be sent by mail. */
import { Button, Link as DsLink, Paragraph, Table } from '@digdir/designsystemet-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ApiError, problemText } from '../../api/problem';
import { formatDate } from '../../i18n/format';
import { FormError } from '../shared/form/fields';
import { PageHeading } from '../shared/PageHeading';
import { ErrorState, Loading } from '../shared/States';
import { useReminders, useSendReminders } from './api';
import './consent.css';

export default function RemindersPage() {
  const { t, i18n } = useTranslation();
  const reminders = useReminders();
  const send = useSendReminders();
  const [error, setError] = useState<string>();
  const [sent, setSent] = useState(false);
  const rows = reminders.data ?? [];
  return (
    <div className="stack">
      <PageHeading>{t('consent.reminders.title')}</PageHeading>
      <Paragraph>{t('consent.reminders.intro')}</Paragraph>
      {reminders.isPending ? <Loading /> : null}
      {reminders.isError ? (
        <ErrorState error={reminders.error} onRetry={() => void reminders.refetch()} />
      ) : null}
      {reminders.data && rows.length === 0 ? (
        <Paragraph data-testid="no-reminders">{t('consent.reminders.empty')}</Paragraph>
      ) : null}
      {rows.length ? (
        <>
          <div className="table-wrap">
            <Table zebra className="table-cards" data-testid="reminders">
              <caption className="sr-only">{t('consent.reminders.title')}</caption>
              <Table.Head>
                <Table.Row>
                  <Table.HeaderCell>{t('consent.reminders.case')}</Table.HeaderCell>
                  <Table.HeaderCell>{t('consent.reminders.reason')}</Table.HeaderCell>
                  <Table.HeaderCell>{t('consent.reminders.due')}</Table.HeaderCell>
                </Table.Row>
              </Table.Head>
              <Table.Body>
                {rows.map((r) => (
                  <Table.Row key={`${r.consentId}-${r.kind}-${r.turns ?? ''}`}>
                    <Table.Cell data-label={t('consent.reminders.case')}>
                      <DsLink asChild>
                        <Link to={`/saker/${r.caseId}/samtykke`}>{r.reference}</Link>
                      </DsLink>
                    </Table.Cell>
                    <Table.Cell data-label={t('consent.reminders.reason')}>
                      {r.kind === 'birthday'
                        ? t('consent.reminders.turns', { age: r.turns ?? '' })
                        : t('consent.reminders.expiring')}
                    </Table.Cell>
                    <Table.Cell data-label={t('consent.reminders.due')}>
                      {formatDate(r.dueOn, i18n.language)}
                    </Table.Cell>
                  </Table.Row>
                ))}
              </Table.Body>
            </Table>
          </div>
          <FormError message={error} />
          {sent ? <Paragraph role="status">{t('consent.reminders.sent')}</Paragraph> : null}
          <div>
            <Button
              variant="secondary"
              disabled={send.isPending}
              onClick={() => {
                setError(undefined);
                send.mutate(
                  {},
                  {
                    // The status paragraph below announces it.
                    onSuccess: () => setSent(true),
                    onError: (e) =>
                      setError(
                        e instanceof ApiError ? problemText(e.problem, t) : t('problem.generic'),
                      ),
                  },
                );
              }}
            >
              {t('consent.reminders.send')}
            </Button>
          </div>
        </>
      ) : null}
    </div>
  );
}
