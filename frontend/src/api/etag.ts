/** The If-Match header for an update based on the version that was read (the ETag). */
export function ifMatch(version: number): { 'If-Match': string } {
  return { 'If-Match': `"${version}"` };
}

/** The version in an ETag header value (`"7"`, `W/"7"`), or null. */
export function parseEtag(value: string | null | undefined): number | null {
  if (!value) return null;
  const m = /^\s*(?:W\/)?"v?(\d+)"\s*$/.exec(value);
  return m ? Number(m[1]) : null;
}
