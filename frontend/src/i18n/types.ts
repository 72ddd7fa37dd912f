import type { Catalogue } from './nb';

type DeepPartial<T> = T extends readonly string[]
  ? string[]
  : T extends object
    ? { [K in keyof T]?: DeepPartial<T[K]> }
    : string;

/** nn and en: the same shape as bokmål; a missing key falls back to bokmål. */
export type PartialCatalogue = DeepPartial<Catalogue>;
