/** Annual wheel room: the contract's types this feature reads and writes (generated schema). */
import type { components } from '../../api/schema';

type S = components['schemas'];
export type TaskStatus = S['TaskStatus'];
export type OwnerRole = S['OwnerRole'];
export type Level = S['Level'];
export type WheelTask = S['WheelEntryRead'];
export type Template = S['WheelTemplateRead'];
export type Norm = S['NormRead'];
export type FeedToken = S['FeedTokenRead'];
export type IssuedFeed = S['FeedTokenIssued'];
export type FeedScope = S['FeedScope'];

/** A task where the wheel draws it (the API's angle), and whether it is overdue. */
export interface PlacedTask {
  task: WheelTask;
  angle: number;
  overdue: boolean;
}

/** One month of the circle with its tasks (the API's sector, its ids resolved). */
export interface MonthSector {
  month: number;
  startAngle: number;
  endAngle: number;
  tasks: PlacedTask[];
}
