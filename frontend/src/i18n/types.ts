import type { Catalogue } from './nb';

export type DeepPartial<T> = T extends readonly string[]
  ? string[]
  : T extends object
    ? { [K in keyof T]?: DeepPartial<T[K]> }
    : string;

/** The same keys as `T`, every text a string (a translation that must be complete). */
export type Exactly<T> = T extends string ? string : { [K in keyof T]: Exactly<T[K]> };

/** nn and en: the same shape as bokmål; a missing key falls back to bokmål. */
export type PartialCatalogue = DeepPartial<Catalogue>;
