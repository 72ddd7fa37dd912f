/** Measures room: the board — every measure in its stage's lane; cards move only along legal
 * transitions (drag and drop, keyboard, menu), otherwise the reason is shown. */
import { Alert, Button, Checkbox, Paragraph } from '@digdir/designsystemet-react';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { useMe } from '../../auth/session';
import { isLang } from '../../i18n';
import { usePersonNames } from '../meetings/people';
import { Flash } from '../shared/Flash';
import { FilterSelect } from '../shared/ListTools';
import { PageHeading } from '../shared/PageHeading';
import { ErrorState, Loading } from '../shared/States';
import { useBoard, useDueEvaluations, useInvalidateMeasures } from './api';
import { Lane } from './board/Lane';
import { TransitionDialog } from './board/TransitionDialog';
import { useBoardMoves } from './board/useBoardMoves';
import { byStage, COLUMNS, matches, type BoardFilter } from './moves';
import { canManage, canPropose } from './permissions';
import { useFocusAreas } from './plans';
import { TIERS } from './types';
import './measures.css';

function Filters({ filter, set }: { filter: BoardFilter; set: (f: BoardFilter) => void }) {
  const { t } = useTranslation();
  const focusAreas = useFocusAreas();
  return (
    <div role="search" className="filters" aria-label={t('list.filters')}>
      <FilterSelect
        id="filter-tier"
        label={t('measures.filter.tier')}
        value={filter.tier}
        allLabel={t('measures.filter.allTiers')}
        options={TIERS.map((x) => ({ value: x, label: t(`measures.tier.${x}`) }))}
        onChange={(tier) => set({ ...filter, tier })}
      />
      <FilterSelect
        id="filter-focus-area"
        label={t('measures.filter.focusArea')}
        value={filter.focusAreaId}
        allLabel={t('measures.filter.allFocusAreas')}
        options={focusAreas.map((f) => ({ value: f.id, label: f.title }))}
        onChange={(focusAreaId) => set({ ...filter, focusAreaId })}
      />
      <Checkbox
        label={t('measures.filter.withoutOwner')}
        checked={filter.withoutOwner}
        onChange={(e) => set({ ...filter, withoutOwner: e.target.checked })}
      />
    </div>
  );
}

/** The measure list as CSV with the board's filters, headings in the user's language. */
function csvUrl(filter: BoardFilter, language: string): string {
  const q = new URLSearchParams({ lang: isLang(language) ? language : 'nb' });
  if (filter.tier) q.set('tier', filter.tier);
  if (filter.focusAreaId) q.set('focusAreaId', filter.focusAreaId);
  if (filter.withoutOwner) q.set('withoutOwner', 'true');
  return `/api/measures/export.csv?${q}`;
}

export default function BoardPage() {
  const { t, i18n } = useTranslation();
  const me = useMe();
  const board = useBoard();
  const due = useDueEvaluations();
  const reload = useInvalidateMeasures();
  const ownerName = usePersonNames();
  // The filters live in the address too: a reload or a shared link shows the same board.
  const [params, setParams] = useSearchParams();
  const [filter, setFilterState] = useState<BoardFilter>(() => ({
    tier: params.get('nivaa') ?? '',
    focusAreaId: params.get('innsatsomraade') ?? '',
    withoutOwner: params.get('utenEier') === '1',
  }));
  const setFilter = (f: BoardFilter) => {
    setFilterState(f);
    const next = new URLSearchParams();
    if (f.tier) next.set('nivaa', f.tier);
    if (f.focusAreaId) next.set('innsatsomraade', f.focusAreaId);
    if (f.withoutOwner) next.set('utenEier', '1');
    setParams(next, { replace: true });
  };
  const all = useMemo(() => board.data ?? [], [board.data]);
  const byId = useMemo(() => new Map(all.map((m) => [m.id, m])), [all]);
  const moves = useBoardMoves(byId);
  const dueIds = useMemo(
    () => new Set((due.data ?? []).map((d) => d.evaluation.measureId)),
    [due.data],
  );
  const lanes = byStage(all.filter((m) => matches(m, filter)));
  const dragged = moves.dragging ? byId.get(moves.dragging) : undefined;

  return (
    <div className="stack">
      <div className="page-head">
        <PageHeading>{t('measures.title')}</PageHeading>
        {canPropose(me) ? (
          <Button asChild>
            <Link to="/tiltak/ny">{t('measures.new')}</Link>
          </Button>
        ) : null}
        <Button asChild variant="secondary">
          <a href={csvUrl(filter, i18n.language)} download>
            {t('measures.exportCsv')}
          </a>
        </Button>
      </div>
      <Flash />
      <Paragraph>{t('measures.intro')}</Paragraph>
      <Paragraph id="board-keyboard-help" className="sr-only">
        {t('measures.card.keyboardHelp')}
      </Paragraph>
      <Filters filter={filter} set={setFilter} />
      {moves.refused ? (
        <Alert data-color="warning" role="alert" data-testid="move-refused">
          <Paragraph>{moves.refused}</Paragraph>
        </Alert>
      ) : null}
      {board.isPending ? <Loading /> : null}
      {board.isError ? (
        <ErrorState error={board.error} onRetry={() => void board.refetch()} />
      ) : null}
      {board.data ? (
        <div className="board" data-testid="board">
          {COLUMNS.map((c) => (
            <div
              key={c.key}
              className="board-column"
              data-lanes={c.lanes.length}
              {...(c.lanes.length > 1
                ? { role: 'group', 'aria-label': t(`measures.column.${c.key}`) }
                : {})}
            >
              {c.lanes.map((s) => (
                <Lane
                  key={s}
                  stage={s}
                  items={lanes.get(s) ?? []}
                  moves={moves}
                  dragged={dragged}
                  ownerName={ownerName}
                  due={dueIds}
                  canMove={canManage(me)}
                />
              ))}
            </div>
          ))}
        </div>
      ) : null}
      {moves.pending ? (
        <TransitionDialog
          measure={moves.pending.measure}
          target={moves.pending.target}
          onClose={moves.close}
          onStale={() => {
            moves.stale();
            void reload();
          }}
        />
      ) : null}
    </div>
  );
}
