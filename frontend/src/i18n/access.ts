/**
 * Access administration, the unit switcher and the failed-login page (features/access/i18n),
 * merged into the main catalogues section by section by `index.ts`.
 */
export { accessNb } from '../features/access/i18n/nb';
export { accessNn } from '../features/access/i18n/nn';
export { accessEn } from '../features/access/i18n/en';

type Tree = { [key: string]: string | Tree };

/** `base` with `extra` merged in, section by section (extra's keys win). */
export function withAccess<T extends object>(base: T, extra: object): T {
  const out: Tree = { ...(base as unknown as Tree) };
  for (const [key, value] of Object.entries(extra as Tree)) {
    const current = out[key];
    out[key] =
      typeof value === 'object' && typeof current === 'object' ? withAccess(current, value) : value;
  }
  return out as unknown as T;
}
