/** Shared: the contract's types every context uses (the session, the unit). */
import type { components } from './schema';

type S = components['schemas'];
export type Me = S['MeRead'];
export type Unit = S['UnitRead'];
