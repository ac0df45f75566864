export { parseTimeframe } from './parse-timeframe';
export type { IsoDate, Period, Schedule, ScheduleKind } from './types';
