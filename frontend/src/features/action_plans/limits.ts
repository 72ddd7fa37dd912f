/** Action plans room: the measures context's limits (domain/measures/limits.py), for the forms. */
export const TITLE_MAX = 200;
export const TEXT_MAX = 4000;
export const SHORT_MAX = 200;
export const FOCUS_AREAS_MAX = 20;
export const GOALS_MAX = 20;
export const STRATEGIES_MAX = 20;
export const WEIGHT_MAX = 100;
export const BUDGET_MAX_NOK = 1_000_000_000;
/** The evaluation report's size limit, as the server holds it. */
export const REPORT_MAX_BYTES = 20 * 1024 * 1024;
