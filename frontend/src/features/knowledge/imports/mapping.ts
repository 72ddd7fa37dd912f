/** Knowledge room: a kind's columns matched to a file's headers (the server's default rule: the
 * header equal to the column's name or one of its aliases, case-insensitive, trimmed), and the
 * header line read in the browser for the mapping UI. */
import type { TFunction } from 'i18next';
import type { ImportKind } from '../types';

/** A target column as people read it, its code beside it ("Verdi (value)"): the code is what a
 * file may use as its header and what the error report names. */
export function columnLabel(t: TFunction, code: string): string {
  const name = t(`knowledge.imports.columnName.${code}`, { defaultValue: code });
  return name === code ? code : `${name} (${code})`;
}

const norm = (s: string) => s.trim().toLowerCase();

/** Target column → the file's header that fills it (only the ones found). */
export function defaultMapping(
  kind: ImportKind,
  headers: readonly string[],
): Record<string, string> {
  const out: Record<string, string> = {};
  for (const col of kind.columns) {
    const names = [col.name, ...col.aliases].map(norm);
    const hit = headers.find((h) => names.includes(norm(h)));
    if (hit !== undefined) out[col.name] = hit;
  }
  return out;
}

/** The required columns the mapping leaves without a header. */
export function missingRequired(kind: ImportKind, mapping: Record<string, string>): string[] {
  return kind.columns.filter((c) => c.required && !mapping[c.name]).map((c) => c.name);
}

/** The file's headers no column takes. */
export function unusedHeaders(
  headers: readonly string[],
  mapping: Record<string, string>,
): string[] {
  const used = new Set(Object.values(mapping));
  return headers.filter((h) => !used.has(h));
}

/** Split one CSV line on `delimiter`, honouring double quotes. */
export function splitCsvLine(line: string, delimiter: string): string[] {
  const out: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < line.length; i += 1) {
    const ch = line[i];
    if (quoted) {
      if (ch === '"' && line[i + 1] === '"') {
        cell += '"';
        i += 1;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === delimiter) {
      out.push(cell);
      cell = '';
    } else cell += ch;
  }
  out.push(cell);
  return out.map((c) => c.trim());
}

/** The headers in the first line of a CSV or JSON Lines text (null when it has none we can read). */
export function headersOf(text: string, filename: string): string[] | null {
  const first = (text.replace(/^\uFEFF/, '').split(/\r?\n/)[0] ?? '').trim();
  if (!first) return null;
  if (/\.jsonl?$/i.test(filename) || first.startsWith('{')) {
    try {
      const row: unknown = JSON.parse(first);
      return row && typeof row === 'object' && !Array.isArray(row) ? Object.keys(row) : null;
    } catch {
      return null;
    }
  }
  const semicolons = (first.match(/;/g) ?? []).length;
  const commas = (first.match(/,/g) ?? []).length;
  return splitCsvLine(first, semicolons >= commas && semicolons > 0 ? ';' : ',');
}

/** Read the header line of a CSV or JSON Lines file (an XLSX file gives null: the server reads it). */
export async function sniffHeaders(file: File): Promise<string[] | null> {
  if (/\.xlsx$/i.test(file.name)) return null;
  const text = await file.slice(0, 64 * 1024).text();
  return headersOf(text, file.name);
}
