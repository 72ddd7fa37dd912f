/** Annual wheel room: the årshjul page — choose the year, generate it from the templates, the circle and the list. */
import { Alert, Button, Heading, Link as DsLink, Paragraph } from '@digdir/designsystemet-react';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ApiError, problemText } from '../../api/problem';
import { canEditOrganisation } from '../../auth/permissions';
import { useMe } from '../../auth/session';
import { formatLongDate, formatNumber, todayIso } from '../../i18n/format';
import { useAnnounce } from '../shared/Announcer';
import { PageHeading } from '../shared/PageHeading';
import { Empty, ErrorState, Loading } from '../shared/States';
import { sectorsOf, useGenerateYear, useNames, useWheel } from './api';
import { useOwnerLabel } from './labels';
import { TaskActions } from './TaskActions';
import { WheelCircle } from './WheelCircle';
import { StatusTag, WheelList } from './WheelList';
import { useYear, YearPicker } from './YearPicker';
import type { PlacedTask, WheelTask } from './types';
import './annual-wheel.css';

function GenerateButton({ year }: { year: number }) {
  const { t, i18n } = useTranslation();
  const announce = useAnnounce();
  const generate = useGenerateYear();
  const [result, setResult] = useState<{ text: string; ok: boolean } | null>(null);
  const run = async () => {
    setResult(null);
    try {
      const g = await generate.mutateAsync({ params: { path: { year } } });
      const existing = formatNumber(g.existing, i18n.language);
      const text =
        g.created > 0
          ? t('wheel.generated', {
              count: g.created,
              formatted: formatNumber(g.created, i18n.language),
              existing,
            })
          : g.existing > 0
            ? t('wheel.generatedNothing', { existing })
            : t('wheel.generatedNoTemplates');
      setResult({ text, ok: true });
      announce(text);
    } catch (err) {
      const text = err instanceof ApiError ? problemText(err.problem, t) : t('problem.generic');
      setResult({ text, ok: false });
    }
  };
  return (
    <div className="stack">
      <div>
        <Button variant="primary" onClick={() => void run()} disabled={generate.isPending}>
          {generate.isPending ? t('wheel.generating') : t('wheel.generate', { year })}
        </Button>
      </div>
      {result ? (
        <Alert data-color={result.ok ? 'success' : 'danger'} data-testid="generate-result">
          <Paragraph>{result.text}</Paragraph>
        </Alert>
      ) : null}
    </div>
  );
}

function SelectedTask({
  placed,
  owner,
  canChange,
  onChanged,
  onClose,
  onError,
}: {
  placed: PlacedTask;
  owner: string;
  canChange: boolean;
  onChanged: (task: WheelTask) => void;
  onClose: () => void;
  onError: (message: string) => void;
}) {
  const { t, i18n } = useTranslation();
  const { task } = placed;
  return (
    <section
      className="wheel-selected stack"
      aria-labelledby="wheel-selected-heading"
      data-testid="wheel-selected"
      tabIndex={-1}
      id="wheel-selected"
    >
      <Heading level={3} data-size="xs" id="wheel-selected-heading">
        {task.title}
      </Heading>
      <dl className="wheel-facts">
        <dt>{t('wheel.columns.due')}</dt>
        <dd>{formatLongDate(task.due, i18n.language)}</dd>
        <dt>{t('wheel.columns.owner')}</dt>
        <dd>{owner}</dd>
        <dt>{t('wheel.columns.status')}</dt>
        <dd>
          <StatusTag placed={placed} />
        </dd>
      </dl>
      {task.description ? <Paragraph>{task.description}</Paragraph> : null}
      <div className="wheel-actions">
        {canChange ? (
          <TaskActions task={task} idPrefix="circle" onChanged={onChanged} onError={onError} />
        ) : null}
        <Button variant="tertiary" data-size="sm" onClick={onClose}>
          {t('wheel.closeSelected')}
        </Button>
      </div>
    </section>
  );
}

export default function WheelPage() {
  const { t } = useTranslation();
  const me = useMe();
  const [year, setYear] = useYear();
  const wheel = useWheel(year);
  const names = useNames();
  const ownerOf = useOwnerLabel(names.persons);
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const returnTo = useRef<string | null>(null);
  const editor = canEditOrganisation(me);
  const canChange = (task: WheelTask) =>
    editor || Boolean(me.personId && me.personId === task.ownerPersonId);
  const sectors = wheel.data ? sectorsOf(wheel.data) : [];
  const selected = sectors.flatMap((s) => s.tasks).find((p) => p.task.id === selectedId) ?? null;
  const markOf = (id: string) =>
    document.querySelector<SVGGElement>(`.wheel-mark[data-task-id="${id}"]`);

  return (
    <div className="stack">
      <PageHeading>{t('wheel.title', { year })}</PageHeading>
      <Paragraph>{t('wheel.intro')}</Paragraph>
      <nav aria-label={t('wheel.nav')} className="wheel-links">
        <DsLink asChild>
          <Link to="/arshjul/maler">{t('wheel.templatesLink')}</Link>
        </DsLink>
        <DsLink asChild>
          <Link to="/kalenderabonnement">{t('wheel.feedsLink')}</Link>
        </DsLink>
      </nav>
      <YearPicker
        year={year}
        onChange={(y) => {
          setSelectedId(null);
          setYear(y);
        }}
      />
      {editor ? <GenerateButton key={year} year={year} /> : null}
      {error ? (
        <Alert data-color="danger" role="alert" data-testid="wheel-error">
          <Paragraph>{error}</Paragraph>
        </Alert>
      ) : null}
      {wheel.isPending ? <Loading /> : null}
      {wheel.isError ? (
        <ErrorState error={wheel.error} onRetry={() => void wheel.refetch()} />
      ) : null}
      {wheel.data && wheel.data.tasks.length === 0 ? (
        <div className="stack">
          <Empty>{t('wheel.empty', { year })}</Empty>
          {editor ? <Paragraph>{t('wheel.emptyHint')}</Paragraph> : null}
        </div>
      ) : null}
      {wheel.data && wheel.data.tasks.length > 0 ? (
        <>
          <section aria-labelledby="wheel-circle-heading" className="stack">
            <Heading level={2} data-size="sm" id="wheel-circle-heading">
              {t('wheel.circleHeading')}
            </Heading>
            <div className="wheel-layout">
              <WheelCircle
                key={year}
                year={year}
                sectors={sectors}
                today={todayIso()}
                selectedId={selectedId}
                onSelect={(placed) => {
                  setError(null);
                  returnTo.current = placed.task.id;
                  setSelectedId(placed.task.id);
                  requestAnimationFrame(() => document.getElementById('wheel-selected')?.focus());
                }}
              />
              {selected ? (
                <SelectedTask
                  placed={selected}
                  owner={ownerOf(selected.task)}
                  canChange={canChange(selected.task)}
                  onError={setError}
                  onChanged={(task) => {
                    setError(null);
                    // The button pressed is gone: focus goes back to the task's mark.
                    requestAnimationFrame(() => markOf(task.id)?.focus());
                  }}
                  onClose={() => {
                    const id = returnTo.current;
                    setSelectedId(null);
                    if (id) requestAnimationFrame(() => markOf(id)?.focus());
                  }}
                />
              ) : null}
            </div>
          </section>
          <section aria-labelledby="wheel-list-heading" className="stack">
            <Heading level={2} data-size="sm" id="wheel-list-heading">
              {t('wheel.listHeading')}
            </Heading>
            <WheelList
              sectors={sectors}
              ownerOf={ownerOf}
              canChange={canChange}
              onError={setError}
            />
          </section>
        </>
      ) : null}
    </div>
  );
}
