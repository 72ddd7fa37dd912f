import { persistDrafts } from '../lib/drafts';

export type Lang = 'nb' | 'nn' | 'en';

/** Where the browser goes to log in, coming back to `returnTo`. */
export function loginUrl(returnTo: string, lang: Lang): string {
  const params = new URLSearchParams({ returnTo, lang });
  return `/auth/login?${params.toString()}`;
}

export function currentPath(loc: Location = window.location): string {
  return `${loc.pathname}${loc.search}${loc.hash}`;
}

/**
 * The session is gone: keep what the user typed, then go and log in again, returning here.
 * `navigate` is injectable for tests.
 */
export function reLogin(
  lang: Lang,
  navigate: (url: string) => void = (url) => window.location.assign(url),
): void {
  persistDrafts();
  navigate(loginUrl(currentPath(), lang));
}
