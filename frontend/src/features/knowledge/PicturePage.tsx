/** Knowledge room: "Situasjonsbilde" — the chosen indicators over time for an area and cohort,
 * each as a chart with its data table, and the measures that target the indicator's factors. */
import {
  Button,
  Checkbox,
  Fieldset,
  Heading,
  Paragraph,
  Textfield,
} from '@digdir/designsystemet-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FilterSelect } from '../shared/ListTools';
import { PageHeading } from '../shared/PageHeading';
import { Empty, ErrorState, Loading } from '../shared/States';
import { useAreas, useIndicators, usePicture, type PictureParams } from './api';
import { KnowledgeNav } from './KnowledgeNav';
import { SeriesCard } from './picture/SeriesCard';
import type { Indicator, Picture } from './types';
import { CATEGORIES, COHORTS, GENDERS, isPeriod } from './vocab';
import './knowledge.css';

interface Draft extends PictureParams {
  category: string;
  /** Filtered here: the API answers every gender's series. */
  gender: string;
}

const EMPTY: Draft = {
  category: '',
  indicator: [],
  area: '',
  cohort: '',
  gender: 'all',
  from: '',
  to: '',
};

/** The query the picture is read with: the picked indicators, else every one of the category. */
export function pictureQuery(d: Draft, indicators: readonly Indicator[]): PictureParams {
  const picked = d.indicator.length
    ? d.indicator
    : d.category
      ? indicators.filter((i) => i.category === d.category).map((i) => i.code)
      : [];
  return { indicator: picked, area: d.area, cohort: d.cohort, from: d.from, to: d.to };
}

function Result({ query, gender }: { query: PictureParams; gender: string }) {
  const { t } = useTranslation();
  const picture = usePicture(query);
  if (picture.isPending) return <Loading />;
  if (picture.isError)
    return <ErrorState error={picture.error} onRetry={() => void picture.refetch()} />;
  const data: Picture = picture.data;
  const series = data.series.filter((s) => !gender || s.gender === gender);
  if (series.length === 0) return <Empty>{t('knowledge.picture.empty')}</Empty>;
  return (
    <div className="stack" data-testid="picture">
      {series.map((s) => (
        <SeriesCard
          key={`${s.indicator.code}|${s.area.code}|${s.cohort}|${s.gender}`}
          series={s}
          byFactor={data.measuresByFactor}
        />
      ))}
    </div>
  );
}

export default function PicturePage() {
  const { t } = useTranslation();
  const indicators = useIndicators();
  const areas = useAreas();
  const [draft, setDraft] = useState<Draft>(EMPTY);
  const [applied, setApplied] = useState<Draft>(EMPTY);
  const [periodErrors, setPeriodErrors] = useState<{ from?: string; to?: string }>({});
  const all: Indicator[] = indicators.data?.items ?? [];
  const shown = draft.category ? all.filter((i) => i.category === draft.category) : all;
  const set = (patch: Partial<Draft>) => setDraft((d) => ({ ...d, ...patch }));
  const toggle = (code: string, on: boolean) =>
    set({ indicator: on ? [...draft.indicator, code] : draft.indicator.filter((c) => c !== code) });

  function apply() {
    const bad = (v: string) =>
      v && !isPeriod(v.trim()) ? t('knowledge.picture.badPeriod') : undefined;
    const errs = { from: bad(draft.from), to: bad(draft.to) };
    setPeriodErrors(errs);
    if (errs.from || errs.to) return;
    setApplied({ ...draft, from: draft.from.trim(), to: draft.to.trim() });
  }

  return (
    <div className="stack">
      <KnowledgeNav />
      <PageHeading>{t('knowledge.picture.title')}</PageHeading>
      <Paragraph>{t('knowledge.picture.intro')}</Paragraph>
      <form
        className="picture-filters stack"
        role="search"
        aria-label={t('knowledge.picture.filters')}
        onSubmit={(e) => {
          e.preventDefault();
          apply();
        }}
      >
        <div className="filters">
          <FilterSelect
            id="picture-category"
            label={t('knowledge.picture.categoryFilter')}
            value={draft.category}
            allLabel={t('knowledge.picture.allCategories')}
            options={CATEGORIES.map((c) => ({ value: c, label: t(`knowledge.category.${c}`) }))}
            onChange={(category) => set({ category, indicator: [] })}
          />
          <FilterSelect
            id="picture-area"
            label={t('knowledge.picture.area')}
            value={draft.area}
            allLabel={t('knowledge.picture.allAreas')}
            options={(areas.data ?? []).map((a) => ({ value: a.code, label: a.name }))}
            onChange={(area) => set({ area })}
          />
          <FilterSelect
            id="picture-cohort"
            label={t('knowledge.picture.cohort')}
            value={draft.cohort}
            allLabel={t('knowledge.cohort.all')}
            options={COHORTS.filter((c) => c !== 'all').map((c) => ({
              value: c,
              label: t(`knowledge.cohort.${c}`),
            }))}
            onChange={(cohort) => set({ cohort })}
          />
          <FilterSelect
            id="picture-gender"
            label={t('knowledge.picture.gender')}
            value={draft.gender}
            allLabel={t('knowledge.picture.allGenders')}
            options={GENDERS.map((g) => ({ value: g, label: t(`knowledge.gender.${g}`) }))}
            onChange={(gender) => set({ gender })}
          />
          <Textfield
            id="picture-from"
            label={t('knowledge.picture.from')}
            description={t('knowledge.picture.periodHelp')}
            value={draft.from}
            maxLength={16}
            error={periodErrors.from}
            onChange={(e) => set({ from: e.target.value })}
          />
          <Textfield
            id="picture-to"
            label={t('knowledge.picture.to')}
            value={draft.to}
            maxLength={16}
            error={periodErrors.to}
            onChange={(e) => set({ to: e.target.value })}
          />
        </div>
        {indicators.isPending ? <Loading /> : null}
        {indicators.isError ? (
          <ErrorState error={indicators.error} onRetry={() => void indicators.refetch()} />
        ) : null}
        {indicators.data && all.length === 0 ? (
          <Empty>{t('knowledge.picture.noIndicators')}</Empty>
        ) : null}
        {shown.length > 0 ? (
          <Fieldset data-size="sm">
            <Fieldset.Legend>{t('knowledge.picture.indicators')}</Fieldset.Legend>
            <Fieldset.Description>{t('knowledge.picture.indicatorsHelp')}</Fieldset.Description>
            <div className="indicator-choices">
              {shown.map((i) => (
                <Checkbox
                  key={i.id}
                  label={i.name}
                  value={i.code}
                  checked={draft.indicator.includes(i.code)}
                  onChange={(e) => toggle(i.code, e.target.checked)}
                />
              ))}
            </div>
          </Fieldset>
        ) : null}
        <div>
          <Button type="submit">{t('knowledge.picture.show')}</Button>
        </div>
      </form>
      <section className="stack" aria-labelledby="picture-result-heading">
        <Heading level={2} data-size="sm" id="picture-result-heading" className="sr-only">
          {t('knowledge.picture.title')}
        </Heading>
        {!indicators.data ? null : applied.indicator.length === 0 && !applied.category ? (
          <Paragraph data-testid="picture-choose">{t('knowledge.picture.choose')}</Paragraph>
        ) : (
          <Result query={pictureQuery(applied, all)} gender={applied.gender} />
        )}
      </section>
    </div>
  );
}
