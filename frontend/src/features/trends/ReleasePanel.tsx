/** Trends room: "Publiser periode" for a coordinator or unit admin — builds, audits and freezes
 * every table of an ended period, then shows the audit's summary. */
import { Alert, Button, Heading, List, Paragraph, Textfield } from '@digdir/designsystemet-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, problemCode, problemText } from '../../api/problem';
import { useAnnounce } from '../shared/Announcer';
import { useRelease } from './api';
import { RELEASE_PERIOD, releaseOf, type ReleaseRow } from './releases';

export function AuditSummary({ release }: { release: ReleaseRow }) {
  const { t } = useTranslation();
  const a = release.audit;
  return (
    <div className="stack" data-testid="audit-summary">
      <Paragraph>
        {t('trends.release.audit', {
          rounds: a.rounds,
          actions: a.actions.length,
          cells: a.suppressedCells,
        })}{' '}
        {a.passed ? t('trends.release.auditPassed') : t('trends.release.auditFailed')}
      </Paragraph>
      {a.actions.length > 0 ? (
        <>
          <Heading level={4} data-size="2xs">
            {t('trends.release.actions')}
          </Heading>
          <List.Unordered>
            {a.actions.map((x, i) => (
              <List.Item key={i}>
                {t(`trends.release.action.${x.kind}`, {
                  table: t(`trends.table.${x.table}`, { defaultValue: x.table }),
                  defaultValue: x.kind,
                })}
              </List.Item>
            ))}
          </List.Unordered>
        </>
      ) : null}
    </div>
  );
}

export function ReleasePanel({ onReleased }: { onReleased: (period: string) => void }) {
  const { t } = useTranslation();
  const announce = useAnnounce();
  const release = useRelease();
  const [period, setPeriod] = useState('');
  const [error, setError] = useState<string>();
  const [refusal, setRefusal] = useState<string | null>(null);
  const [done, setDone] = useState<ReleaseRow | null>(null);

  async function submit() {
    const p = period.trim().toUpperCase();
    setRefusal(null);
    if (!RELEASE_PERIOD.test(p)) {
      setError(t('trends.release.badPeriod'));
      return;
    }
    setError(undefined);
    try {
      const answer: unknown = await release.mutateAsync({ body: { period: p } });
      const row = releaseOf(answer);
      setDone(row);
      const message = t('trends.release.done', { period: row.period || p, revision: row.revision });
      announce(message);
      onReleased(row.period || p);
    } catch (err) {
      if (err instanceof ApiError) {
        const code = problemCode(err.problem);
        setRefusal(
          t(`trends.release.problem.${code}`, { defaultValue: problemText(err.problem, t) }),
        );
      } else setRefusal(t('problem.generic'));
    }
  }

  return (
    <section className="stack" aria-labelledby="trend-release-heading">
      <Heading level={2} data-size="sm" id="trend-release-heading">
        {t('trends.release.title')}
      </Heading>
      <Paragraph>{t('trends.release.intro')}</Paragraph>
      <form
        className="form"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        <Textfield
          id="trend-release-period"
          label={t('trends.release.period')}
          description={t('trends.release.periodHelp')}
          value={period}
          maxLength={16}
          error={error}
          onChange={(e) => setPeriod(e.target.value)}
        />
        {refusal ? (
          <Alert data-color="danger" role="alert" data-testid="release-refused">
            <Paragraph>{refusal}</Paragraph>
          </Alert>
        ) : null}
        <div className="form-actions">
          <Button type="submit" disabled={release.isPending}>
            {release.isPending ? t('trends.release.publishing') : t('trends.release.submit')}
          </Button>
        </div>
      </form>
      {done ? (
        <Alert data-color="success" data-testid="release-done">
          <Paragraph>
            {t('trends.release.done', { period: done.period, revision: done.revision })}
          </Paragraph>
          <AuditSummary release={done} />
        </Alert>
      ) : null}
    </section>
  );
}
