/** Knowledge room: the contract's types this feature reads and writes (generated schema). */
import type { components, paths } from '../../api/schema';

type S = components['schemas'];
export type Indicator = S['IndicatorRead'];
export type Area = S['AreaRead'];
export type ImportKind = S['ImportKindRead'];
export type KindColumn = S['ColumnRead'];
export type ImportJob = S['ImportJobRead'];
export type JobStatus = S['JobStatus'];
export type RowError = S['RowErrorRead'];
export type SavedMapping = S['ColumnMappingRead'];
export type MeasureRef = S['MeasureRefRead'];
export type Series = S['SeriesRead'];
export type SeriesPoint = S['PointRead'];
/** The situational picture as GET /api/picture answers it. */
export type Picture = paths['/api/picture']['get']['responses'][200]['content']['application/json'];
export type ImportKindCode = ImportKind['kind'];
export type Cohort = S['ObservationRead']['cohort'];
