export { createCalendar } from './calendar';
export type { WorkingCalendar } from './calendar';
export { holidaysOfYear, legalHolidays, lunarNewYear, hungKingsDay } from './holidays';
export type { Holiday } from './holidays';
export { OFFICIAL_OVERRIDES, OFFICIAL_OVERRIDES_2025, OFFICIAL_OVERRIDES_2026 } from './official-overrides';
export type { CalendarOverride, CalendarOverrides } from './official-overrides';
export { solarToLunar, lunarToSolar, canChiOfYear, VIETNAM_TIME_ZONE } from './lunar';
export type { LunarDate, SolarDate } from './lunar';
export { addDays, diffDays, dayOfWeek, isIsoDate, isWeekend } from './dates';
