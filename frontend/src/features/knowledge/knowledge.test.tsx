import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiError } from '../../api/problem';
import { createI18n } from '../../i18n';
import { coordinator, renderApp } from '../../test/render';
import { initialValues, toBody, validateIndicator } from './indicators/values';
import { col } from './testKinds';
import { UploadForm } from './imports/UploadForm';
import { pictureQuery } from './PicturePage';
import { canManageKnowledge, canReadTrends } from './permissions';
import { measuresFor, SeriesCard } from './picture/SeriesCard';
import { importProblemText } from './problems';
import type { ImportKind, Indicator, Series } from './types';
import { isPeriod, periodKey } from './vocab';

const t = createI18n('nb').t;

afterEach(() => vi.unstubAllGlobals());

const indicator: Indicator = {
  id: 'i1',
  code: 'ungdata.alkohol',
  name: 'Drukket seg beruset siste år',
  source: 'ungdata',
  category: 'substance_use',
  measureUnit: 'percent',
  factors: ['early-substance-use', 'positive-leisure'],
  description: null,
  higherIsBetter: false,
  version: 3,
};

const series: Series = {
  indicator,
  area: { id: 'a1', code: 'lillestrom', name: 'Lillestrøm' },
  cohort: 'grade-8-10',
  gender: 'all',
  points: [
    { period: '2022', value: '14.5', count: 120, denominator: 830 },
    { period: '2024', value: '11', count: null, denominator: null },
  ],
};

const measure = {
  id: 'm1',
  title: 'Rusfri russ',
  stage: 'active',
  factors: ['early-substance-use'],
};

describe('the situational picture', () => {
  it('shows a chart, its data table and the measures that target the factors', async () => {
    renderApp(
      <SeriesCard
        series={series}
        byFactor={{ 'early-substance-use': [measure], 'positive-leisure': [measure] }}
      />,
    );
    const chart = screen.getByRole('group', { name: /2 målinger fra 2022 til 2024/ });
    expect(chart).toHaveAccessibleName(/Fra 14,5 % til 11 %/);
    const points = within(chart).getAllByRole('img');
    expect(points.map((p) => p.getAttribute('aria-label'))).toEqual(['2022: 14,5 %', '2024: 11 %']);
    await userEvent.tab();
    expect(points[0]).toHaveFocus();
    const table = screen.getByTestId('series-table');
    expect(within(table).getAllByRole('row')).toHaveLength(3);
    expect(within(table).getByText('830')).toBeVisible();
    const link = screen.getByRole('link', { name: 'Rusfri russ' });
    expect(link).toHaveAttribute('href', '/tiltak/m1');
    expect(screen.getAllByRole('link')).toHaveLength(1); // once, though it targets two factors
    expect(
      screen.getByRole('heading', { name: /Lillestrøm, 8\.–10\. trinn, Alle kjønn/ }),
    ).toBeVisible();
  });

  it('lists each measure once and reads a category as all its indicators', () => {
    expect(measuresFor(['a', 'b'], { a: [measure], b: [measure] })).toEqual([measure]);
    const other: Indicator = { ...indicator, id: 'i2', code: 'x', category: 'crime' };
    const draft = {
      category: 'crime',
      indicator: [],
      area: '',
      cohort: '',
      gender: 'all',
      from: '',
      to: '',
    };
    expect(pictureQuery(draft, [indicator, other]).indicator).toEqual(['x']);
    expect(pictureQuery({ ...draft, indicator: ['y'] }, [indicator]).indicator).toEqual(['y']);
  });

  it('knows the periods the domain writes and sorts them', () => {
    expect(['2024', '2024H2', '2023Q4', '1999'].map(isPeriod)).toEqual([true, true, true, true]);
    expect(['24', '2024H3', '2024-1', ''].map(isPeriod)).toEqual([false, false, false, false]);
    expect(['2024H2', '2024', '2023Q4'].sort((a, b) => periodKey(a) - periodKey(b))).toEqual([
      '2023Q4',
      '2024',
      '2024H2',
    ]);
  });
});

describe('the indicator form', () => {
  it('checks code, name and choices against the contract', () => {
    const errors = validateIndicator({ ...initialValues(), code: 'Ikke Gyldig' }, t);
    expect(errors.code).toBe('Bruk små bokstaver, tall, punktum, bindestrek eller understrek.');
    expect(errors.name).toBe('Fyll ut dette feltet.');
    expect(errors.source).toBe('Fyll ut dette feltet.');
    const ok = validateIndicator(initialValues(indicator), t);
    expect(Object.values(ok).filter(Boolean)).toEqual([]);
  });

  it('sends the direction as higherIsBetter', () => {
    expect(initialValues(indicator).direction).toBe('lower');
    expect(toBody({ ...initialValues(indicator), direction: 'higher' }).higherIsBetter).toBe(true);
    expect(toBody({ ...initialValues(indicator), direction: '' }).higherIsBetter).toBeNull();
    expect(toBody({ ...initialValues(indicator), description: '  ' }).description).toBeNull();
  });
});

describe('who does what', () => {
  it('lets coordinators manage and the four trend roles read trends', () => {
    expect(canManageKnowledge(coordinator)).toBe(true);
    const police = { ...coordinator, roles: ['police_contact'] };
    expect(canManageKnowledge(police)).toBe(false);
    expect(canReadTrends(police)).toBe(true);
    expect(
      canReadTrends({ ...coordinator, roles: [], bodyRoles: [{ bodyId: 'b', role: 'member' }] }),
    ).toBe(false);
  });
});

const observations: ImportKind = {
  kind: 'observations',
  key: ['indicator', 'area', 'period'],
  columns: [
    col('indicator'),
    col('area', { aliases: ['område'] }),
    col('period', { type: 'period' }),
    col('value', { type: 'decimal' }),
  ],
};

describe('the import upload', () => {
  it('words import problems, a stale version and the rollback stack rule', () => {
    const notLatest = new ApiError(409, {
      type: '/problems/import-not-latest',
      title: 'x',
      status: 409,
      detail: '',
    });
    expect(importProblemText(notLatest, t)).toMatch(/Bare den siste lagrede importen/);
    const stale = new ApiError(412, { type: '/problems/x', title: 'x', status: 412, detail: '' });
    expect(importProblemText(stale, t)).toMatch(/endret siden/);
  });

  it('opens the mapping editor with the file headers when the columns do not match', async () => {
    const fetchMock = vi.fn(async (input: RequestInfo | URL) => {
      const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
      if (url.includes('/api/import-mappings'))
        return new Response(JSON.stringify({ items: [], total: 0, nextCursor: null }), {
          status: 200,
          headers: { 'Content-Type': 'application/json' },
        });
      return new Response(
        JSON.stringify({
          type: '/problems/import-columns',
          title: 'Columns',
          status: 422,
          detail: 'missing value',
        }),
        { status: 422, headers: { 'Content-Type': 'application/problem+json' } },
      );
    });
    vi.stubGlobal('fetch', fetchMock);
    const onJob = vi.fn();
    renderApp(<UploadForm kinds={[observations]} onJob={onJob} />);
    await userEvent.selectOptions(screen.getByLabelText(/Hva vil du importere/), 'observations');
    expect(screen.getByTestId('kind-columns')).toHaveTextContent('område');
    const file = new File(['indikator;område;periode;andel\nx;y;2024;1\n'], 'tall.csv', {
      type: 'text/csv',
    });
    fireEvent.change(screen.getByLabelText(/^Fil/), { target: { files: [file] } });
    await userEvent.click(screen.getByRole('button', { name: 'Forhåndsvis' }));
    await waitFor(() => expect(screen.getByTestId('mapping-editor')).toBeInTheDocument());
    expect(screen.getByTestId('import-problem')).toHaveTextContent(
      'Kolonnene i filen passer ikke.',
    );
    // "område" is an alias of area; the rest is left for the person to choose.
    expect(screen.getByLabelText(/^Område \(area\)/)).toHaveValue('område');
    expect(screen.getByLabelText(/^Verdi \(value\)/)).toHaveValue('');
    await userEvent.selectOptions(screen.getByLabelText(/^Verdi/), 'andel');
    expect(
      screen.getByRole('button', { name: 'Forhåndsvis med denne koblingen' }),
    ).toBeInTheDocument();
    expect(onJob).not.toHaveBeenCalled();
  });
});
