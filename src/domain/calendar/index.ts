export type { WorkingCalendar } from './calendar';
export { createCalendar } from './calendar';
export { addDays, dayOfWeek, diffDays, isIsoDate, isWeekend } from './dates';
export type { Holiday } from './holidays';
export { holidaysOfYear, hungKingsDay, legalHolidays, lunarNewYear } from './holidays';
export type { LunarDate, SolarDate } from './lunar';
export { canChiOfYear, lunarToSolar, solarToLunar, VIETNAM_TIME_ZONE } from './lunar';
export type { CalendarOverride, CalendarOverrides } from './official-overrides';
export { OFFICIAL_OVERRIDES, OFFICIAL_OVERRIDES_2025, OFFICIAL_OVERRIDES_2026 } from './official-overrides';
