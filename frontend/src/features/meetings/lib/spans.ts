/** Meetings: the guard's findings as highlighted pieces of the text they were found in. */

export interface Span {
  start: number;
  end: number;
  kind: string;
}

export interface Piece {
  text: string;
  /** The kinds found here (several when findings of different kinds overlap); empty: plain text. */
  kinds: string[];
}

/** The text cut at every span edge; overlapping findings merge into one marked piece. */
export function highlight(text: string, spans: readonly Span[]): Piece[] {
  const valid = spans
    .filter((s) => s.start >= 0 && s.end > s.start && s.start < text.length)
    .map((s) => ({ ...s, end: Math.min(s.end, text.length) }));
  const cuts = new Set<number>([0, text.length]);
  for (const s of valid) {
    cuts.add(s.start);
    cuts.add(s.end);
  }
  const edges = [...cuts].sort((a, b) => a - b);
  const pieces: Piece[] = [];
  for (let i = 0; i < edges.length - 1; i++) {
    const from = edges[i] as number;
    const to = edges[i + 1] as number;
    const kinds = [
      ...new Set(valid.filter((s) => s.start < to && s.end > from).map((s) => s.kind)),
    ].sort();
    const last = pieces[pieces.length - 1];
    if (last && last.kinds.join() === kinds.join()) last.text += text.slice(from, to);
    else pieces.push({ text: text.slice(from, to), kinds });
  }
  return pieces;
}
