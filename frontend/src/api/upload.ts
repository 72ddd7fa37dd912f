/** Uploads: a file's bytes PUT as they are to a versioned resource (the server judges them). */
import { getCsrfToken } from './client';
import { ifMatch } from './etag';
import { toApiError } from './problem';

/**
 * PUT `file` to `url` (its name as the `filename` query parameter, for display only) with the
 * version it replaces; resolves to the resource as the server answers it, or throws its problem.
 */
export async function putFile<T>(url: string, version: number, file: File): Promise<T> {
  const csrf = getCsrfToken();
  const response = await fetch(`${url}?filename=${encodeURIComponent(file.name)}`, {
    method: 'PUT',
    credentials: 'same-origin',
    headers: {
      ...ifMatch(version),
      ...(csrf ? { 'X-CSRF-Token': csrf } : {}),
      'Content-Type': 'application/octet-stream',
      Accept: 'application/json, application/problem+json',
    },
    body: file,
  });
  let body: unknown;
  try {
    body = await response.json();
  } catch {
    body = undefined;
  }
  if (!response.ok) throw toApiError(response.status, body);
  return body as T;
}
