import createClient, { type Middleware } from 'openapi-fetch';
import type { paths } from './schema';
import { toApiError } from './problem';

const SAFE = new Set(['GET', 'HEAD', 'OPTIONS']);

let csrfToken: string | null = null;
let onUnauthorized: (() => void) | null = null;

/** The CSRF token from /api/me; sent as X-CSRF-Token on every change. */
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

export function getCsrfToken(): string | null {
  return csrfToken;
}

/** Called on any 401 from the API (the session ended). */
export function setUnauthorizedHandler(handler: (() => void) | null): void {
  onUnauthorized = handler;
}

export const sessionMiddleware: Middleware = {
  onRequest({ request }) {
    if (!SAFE.has(request.method.toUpperCase()) && csrfToken) {
      request.headers.set('X-CSRF-Token', csrfToken);
    }
    return request;
  },
  onResponse({ response, request }) {
    if (response.status === 401 && !new URL(request.url).pathname.endsWith('/api/me')) {
      onUnauthorized?.();
    }
    return response;
  },
};

/** Every answer that is not 2xx becomes a thrown ApiError carrying the problem+json body. */
export const problemMiddleware: Middleware = {
  async onResponse({ response }) {
    if (response.ok) return undefined;
    let body: unknown;
    try {
      body = await response.clone().json();
    } catch {
      body = undefined;
    }
    throw toApiError(response.status, body);
  },
};

function baseUrl(): string {
  return typeof window !== 'undefined' ? window.location.origin : 'http://localhost';
}

/** A typed fetch client for the contract: CSRF on changes and the 401 hand-off. */
export function createApiClient() {
  return createClient<paths>({
    baseUrl: baseUrl(),
    credentials: 'same-origin',
    headers: { Accept: 'application/json, application/problem+json' },
  });
}

/** The plain client: answers come back as { data, error, response } (see `unwrap`). */
export const api = createApiClient();
api.use(sessionMiddleware);

/** Unwrap an openapi-fetch result: the data, or throw an ApiError carrying the problem. */
export async function unwrap<T>(
  call: Promise<{ data?: T; error?: unknown; response: Response }>,
): Promise<T> {
  const { data, error, response } = await call;
  if (!response.ok) throw toApiError(response.status, error);
  return data as T;
}

/** Logout: POST /auth/logout with the CSRF token, then go where the server says. */
export async function logout(): Promise<string> {
  const response = await fetch('/auth/logout', {
    method: 'POST',
    credentials: 'same-origin',
    headers: csrfToken ? { 'X-CSRF-Token': csrfToken } : {},
  });
  if (!response.ok) return '/';
  const body = (await response.json()) as { redirectTo?: string };
  return body.redirectTo ?? '/';
}
