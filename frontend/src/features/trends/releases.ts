/** Trends room: releases, their audit and the pull log as the page shows them (read tolerantly
 * from the contract's answers). */
type Json = Record<string, unknown>;

const obj = (v: unknown): Json =>
  v && typeof v === 'object' && !Array.isArray(v) ? (v as Json) : {};
const list = (v: unknown): unknown[] =>
  Array.isArray(v) ? v : Array.isArray(obj(v).items) ? (obj(v).items as unknown[]) : [];
const str = (v: unknown): string => (typeof v === 'string' ? v : v == null ? '' : String(v));
const num = (v: unknown): number => (typeof v === 'number' ? v : 0);

export interface AuditSummary {
  rounds: number;
  passed: boolean;
  suppressedCells: number;
  actions: { kind: string; table: string }[];
}

/** One cell whose published value changed from the previous revision (`null`: suppressed). */
export interface CellChange {
  table: string;
  dims: string[];
  old: number | null;
  new: number | null;
  added: boolean;
  removed: boolean;
}

export interface ReleaseRow {
  period: string;
  revision: number;
  releasedAt: string;
  releasedBy: string;
  tables: string[];
  audit: AuditSummary;
  changes: CellChange[];
}

const count = (v: unknown): number | null => (typeof v === 'number' ? v : null);

function changeOf(v: unknown): CellChange {
  const c = obj(v);
  return {
    table: str(c.table),
    dims: list(c.dims).map(str),
    old: count(c.old),
    new: count(c.new),
    added: c.added === true,
    removed: c.removed === true,
  };
}

export function auditOf(v: unknown): AuditSummary {
  const a = obj(v);
  return {
    rounds: num(a.rounds),
    passed: a.passed !== false,
    suppressedCells: list(a.widths).length,
    actions: list(a.actions).map((x) => ({ kind: str(obj(x).kind), table: str(obj(x).table) })),
  };
}

export function releaseOf(v: unknown): ReleaseRow {
  const r = obj(v);
  const tables = list(r.tables).map((x) =>
    typeof x === 'string' ? x : str(obj(x).table ?? obj(x).code),
  );
  return {
    period: str(r.period),
    revision: num(r.revision) || 1,
    releasedAt: str(r.releasedAt),
    releasedBy: str(r.releasedByName ?? r.releasedBy),
    tables,
    audit: auditOf(r.audit),
    changes: list(r.changeLog).map(changeOf),
  };
}

export function releasesOf(v: unknown): ReleaseRow[] {
  return list(v).map(releaseOf);
}

/** The released periods, newest first, each once. */
export function periodsOf(rows: readonly ReleaseRow[]): string[] {
  const out: string[] = [];
  for (const r of [...rows].sort((a, b) =>
    a.period < b.period ? 1 : a.period > b.period ? -1 : 0,
  ))
    if (!out.includes(r.period)) out.push(r.period);
  return out;
}

export interface PullRow {
  at: string;
  who: string;
  table: string;
  period: string;
  revision: number;
  cells: number;
  format: string;
}

export function pullsOf(v: unknown): PullRow[] {
  return list(v).map((x) => {
    const p = obj(x);
    return {
      at: str(p.pulledAt ?? p.at ?? p.createdAt),
      who: str(p.byName || p.clientOrg || p.personName || p.who),
      table: str(p.table),
      period: str(p.period),
      revision: num(p.revision) || 1,
      cells: num(p.cellsReleased ?? p.cells),
      format: str(p.format ?? p.fmt),
    };
  });
}

/** The tables of a catalogue answer (codes), in the order it lists them. */
export function tablesOf(catalogue: unknown): string[] {
  return list(obj(catalogue).tables).map((x) =>
    typeof x === 'string' ? x : str(obj(x).code ?? obj(x).table),
  );
}

/** Each table's dimensions from a catalogue answer (code → names, municipality first). */
export function dimensionsOf(catalogue: unknown): Map<string, string[]> {
  return new Map(
    list(obj(catalogue).tables).map((x) => [str(obj(x).code), list(obj(x).dimensions).map(str)]),
  );
}

/** A period a release can be made for: a half-year or a year. */
export const RELEASE_PERIOD = /^\d{4}(?:H[12])?$/;
