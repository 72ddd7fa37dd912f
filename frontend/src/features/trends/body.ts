/** Trends room: a published TREND-A table (the frozen JSON body every pull returns) read into the
 * page's shape — metadata, cells with `:` for suppressed, and a pivot for the table on screen. */
export const SUPPRESSED = ':';

export interface TrendCell {
  dims: string[];
  /** The published (rounded) count, or null when suppressed (written `:`). */
  value: number | null;
  flags: string[];
}

export interface TrendMeta {
  table: string;
  title: string;
  ruleSet: string;
  tablesVersion: string;
  period: string;
  revision: number;
  populationVintage: number | null;
  releasedAt: string;
  unitName: string;
  parameters: Record<string, number>;
}

export interface TrendTable {
  meta: TrendMeta;
  dimensions: string[];
  cells: TrendCell[];
  totals: TrendCell[];
}

type Json = Record<string, unknown>;

const obj = (v: unknown): Json =>
  v && typeof v === 'object' && !Array.isArray(v) ? (v as Json) : {};

/** The first of these keys the object has (the body may spell them snake_case or camelCase). */
function pick(o: Json, ...keys: string[]): unknown {
  for (const k of keys) if (k in o) return o[k];
  return undefined;
}

const str = (v: unknown): string => (typeof v === 'string' ? v : v == null ? '' : String(v));
const num = (v: unknown): number | null => (typeof v === 'number' ? v : null);

/** A cell: its value under each dimension's name (`{"municipality": "3205", "category":
 * "theft", "value": 15, "flags": []}`; a suppressed value is null). */
function cellOf(v: unknown, dimensions: readonly string[]): TrendCell {
  const c = obj(v);
  const raw = pick(c, 'value');
  const flags = pick(c, 'flags');
  const listed = pick(c, 'dims');
  return {
    dims: Array.isArray(listed)
      ? listed.map(str)
      : dimensions.filter((d) => d in c).map((d) => str(c[d])),
    value: typeof raw === 'number' ? raw : null,
    flags: Array.isArray(flags) ? flags.map(str) : [],
  };
}

/** Read a published body; anything it lacks is left empty rather than guessed. */
export function readTable(body: unknown): TrendTable {
  const b = obj(body);
  // The frozen body carries its metadata at the top level (older shapes nest it).
  const m = 'metadata' in b ? obj(b.metadata) : b;
  const unit = obj(pick(m, 'unit'));
  const params = obj(pick(m, 'parameters'));
  const rawDims = pick(b, 'dimensions') ?? pick(m, 'dimensions');
  const dimensions = Array.isArray(rawDims) ? rawDims.map(str) : [];
  const cells = pick(b, 'cells');
  const totals = pick(b, 'totals');
  return {
    meta: {
      table: str(pick(m, 'table')),
      title: str(pick(m, 'title')),
      ruleSet: str(pick(m, 'ruleSet', 'rule_set')),
      tablesVersion: str(pick(m, 'tablesVersion', 'tables_version')),
      period: str(pick(m, 'period')),
      revision: num(pick(m, 'revision')) ?? 1,
      populationVintage: num(pick(m, 'populationVintage', 'population_vintage')),
      releasedAt: str(pick(m, 'releasedAt', 'released_at')),
      unitName: str(pick(unit, 'name')),
      parameters: Object.fromEntries(
        Object.entries(params).filter((e): e is [string, number] => typeof e[1] === 'number'),
      ),
    },
    dimensions,
    cells: Array.isArray(cells) ? cells.map((c) => cellOf(c, dimensions)) : [],
    totals: Array.isArray(totals) ? totals.map((c) => cellOf(c, dimensions.slice(0, 1))) : [],
  };
}

export interface Pivot {
  /** The second dimension's values (or the municipalities for a one-dimension table). */
  rows: string[];
  /** The municipalities (one column, '', for a one-dimension table). */
  columns: string[];
  cell: (row: string, column: string) => TrendCell | undefined;
  total: (column: string) => TrendCell | undefined;
}

/** Rows = the second dimension, columns = the municipality (the first); totals per column. */
export function pivot(t: TrendTable): Pivot {
  const keyed = new Map<string, TrendCell>();
  const rows: string[] = [];
  const columns: string[] = [];
  const add = (list: string[], v: string) => {
    if (!list.includes(v)) list.push(v);
  };
  const twoDims = t.dimensions.length > 1;
  for (const c of t.cells) {
    const [municipality = '', second = ''] = c.dims;
    const row = twoDims ? second : municipality;
    const column = twoDims ? municipality : '';
    add(rows, row);
    add(columns, column);
    keyed.set(`${row}\u0000${column}`, c);
  }
  const totals = new Map(t.totals.map((c) => [c.dims[0] ?? '', c]));
  return {
    rows,
    columns,
    cell: (row, column) => keyed.get(`${row}\u0000${column}`),
    total: (column) => (twoDims ? totals.get(column) : undefined),
  };
}

/** A cell as published: the count, or `:` when suppressed. */
export function shown(c: TrendCell | undefined): string {
  if (!c) return '';
  return c.value === null ? SUPPRESSED : String(c.value);
}
