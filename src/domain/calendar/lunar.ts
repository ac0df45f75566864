/**
 * Vietnamese lunar calendar (âm lịch), after Hồ Ngọc Đức's astronomical algorithm
 * ("Thuật toán tính âm lịch", amlich.js): a lunar month starts on the local day of
 * a new moon; month 11 is the month containing the winter solstice; a lunar year
 * with 13 months has as leap month the first month without a major solar term.
 *
 * Why written here instead of taken from npm: the lunar packages there
 * (lunar-javascript, chinese-lunar, lunar-calendar …) compute the Chinese
 * calendar, whose day boundaries are in UTC+8. Vietnam has used UTC+7 since
 * 1968, so a new moon shortly after 16:00 UTC falls on different local days and
 * whole months shift: Tết 1985 was 21/01 in Vietnam but 20/02 in China, Tết 2007
 * 17/02 vs 18/02. Holidays (Tết, Giỗ Tổ) must follow the Vietnamese calendar.
 *
 * The time zone stays a parameter only so tests can show that difference.
 */

/** Vietnam's legal time zone, hours east of UTC. */
export const VIETNAM_TIME_ZONE = 7;

export interface LunarDate {
  day: number;
  month: number;
  /** The lunar year, named after the solar year in which its month 1 starts. */
  year: number;
  /** True for the repeated (leap, nhuận) month of a 13-month year. */
  leap: boolean;
}

export interface SolarDate {
  day: number;
  month: number;
  year: number;
}

const MEAN_SYNODIC_MONTH = 29.530588853;
/** Julian day of the new moon of 1900-01-01 (k = 0 in NewMoon). */
const NEW_MOON_EPOCH = 2415021.076998695;

/** Julian day number of a Gregorian date (the calendar is proleptic before 1582 here: we never need it). */
export function jdFromDate(day: number, month: number, year: number): number {
  const a = Math.floor((14 - month) / 12);
  const y = year + 4800 - a;
  const m = month + 12 * a - 3;
  return day + Math.floor((153 * m + 2) / 5) + 365 * y + Math.floor(y / 4) - Math.floor(y / 100) + Math.floor(y / 400) - 32045;
}

export function jdToDate(jd: number): SolarDate {
  const a = jd + 32044;
  const b = Math.floor((4 * a + 3) / 146097);
  const c = a - Math.floor((b * 146097) / 4);
  const d = Math.floor((4 * c + 3) / 1461);
  const e = c - Math.floor((1461 * d) / 4);
  const m = Math.floor((5 * e + 2) / 153);
  return {
    day: e - Math.floor((153 * m + 2) / 5) + 1,
    month: m + 3 - 12 * Math.floor(m / 10),
    year: b * 100 + d - 4800 + Math.floor(m / 10),
  };
}

/** Julian day (fractional, UT) of the k-th new moon after 1900-01-01 (Meeus, simplified as in amlich.js). */
function newMoon(k: number): number {
  const T = k / 1236.85;
  const T2 = T * T;
  const T3 = T2 * T;
  const dr = Math.PI / 180;
  let jd1 = 2415020.75933 + 29.53058868 * k + 0.0001178 * T2 - 0.000000155 * T3;
  jd1 += 0.00033 * Math.sin((166.56 + 132.87 * T - 0.009173 * T2) * dr);
  const M = 359.2242 + 29.10535608 * k - 0.0000333 * T2 - 0.00000347 * T3; // sun's mean anomaly
  const Mpr = 306.0253 + 385.81691806 * k + 0.0107306 * T2 + 0.00001236 * T3; // moon's mean anomaly
  const F = 21.2964 + 390.67050646 * k - 0.0016528 * T2 - 0.00000239 * T3; // moon's argument of latitude
  let c1 = (0.1734 - 0.000393 * T) * Math.sin(M * dr) + 0.0021 * Math.sin(2 * dr * M);
  c1 = c1 - 0.4068 * Math.sin(Mpr * dr) + 0.0161 * Math.sin(dr * 2 * Mpr);
  c1 = c1 - 0.0004 * Math.sin(dr * 3 * Mpr);
  c1 = c1 + 0.0104 * Math.sin(dr * 2 * F) - 0.0051 * Math.sin(dr * (M + Mpr));
  c1 = c1 - 0.0074 * Math.sin(dr * (M - Mpr)) + 0.0004 * Math.sin(dr * (2 * F + M));
  c1 = c1 - 0.0004 * Math.sin(dr * (2 * F - M)) - 0.0006 * Math.sin(dr * (2 * F + Mpr));
  c1 = c1 + 0.001 * Math.sin(dr * (2 * F - Mpr)) + 0.0005 * Math.sin(dr * (2 * Mpr + M));
  const deltaT = T < -11 ? 0.001 + 0.000839 * T + 0.0002261 * T2 - 0.00000845 * T3 - 0.000000081 * T * T3 : -0.000278 + 0.000265 * T + 0.000262 * T2;
  return jd1 + c1 - deltaT;
}

/** Sun's apparent longitude in radians, normalised to [0, 2π), at Julian day jdn (UT). */
function sunLongitude(jdn: number): number {
  const T = (jdn - 2451545.0) / 36525;
  const T2 = T * T;
  const dr = Math.PI / 180;
  const M = 357.5291 + 35999.0503 * T - 0.0001559 * T2 - 0.00000048 * T * T2;
  const L0 = 280.46645 + 36000.76983 * T + 0.0003032 * T2;
  let DL = (1.9146 - 0.004817 * T - 0.000014 * T2) * Math.sin(dr * M);
  DL += (0.019993 - 0.000101 * T) * Math.sin(dr * 2 * M) + 0.00029 * Math.sin(dr * 3 * M);
  const L = (L0 + DL) * dr;
  return L - Math.PI * 2 * Math.floor(L / (Math.PI * 2));
}

/** Which of the 12 major solar-term sectors (0..11, 30° each) the sun is in at the start of local day dayNumber. */
function sunSector(dayNumber: number, timeZone: number): number {
  return Math.floor((sunLongitude(dayNumber - 0.5 - timeZone / 24) / Math.PI) * 6);
}

/** Local day (Julian day number) of the k-th new moon. */
function newMoonDay(k: number, timeZone: number): number {
  return Math.floor(newMoon(k) + 0.5 + timeZone / 24);
}

/** Start day of lunar month 11 (the month holding the winter solstice) of solar year `year`. */
function lunarMonth11(year: number, timeZone: number): number {
  const off = jdFromDate(31, 12, year) - 2415021;
  const k = Math.floor(off / MEAN_SYNODIC_MONTH);
  const nm = newMoonDay(k, timeZone);
  // If that new moon is already past the solstice (sector ≥ 9 = 270°), month 11 started one moon earlier.
  return sunSector(nm, timeZone) >= 9 ? newMoonDay(k - 1, timeZone) : nm;
}

/** Offset (in months after month 11 starting at a11) of the leap month: the first month with no major term. */
function leapMonthOffset(a11: number, timeZone: number): number {
  const k = Math.floor((a11 - NEW_MOON_EPOCH) / MEAN_SYNODIC_MONTH + 0.5);
  let i = 1;
  let arc = sunSector(newMoonDay(k + i, timeZone), timeZone);
  let last: number;
  do {
    last = arc;
    i++;
    arc = sunSector(newMoonDay(k + i, timeZone), timeZone);
  } while (arc !== last && i < 14);
  return i - 1;
}

export function solarToLunar(date: SolarDate, timeZone: number = VIETNAM_TIME_ZONE): LunarDate {
  const dayNumber = jdFromDate(date.day, date.month, date.year);
  const k = Math.floor((dayNumber - NEW_MOON_EPOCH) / MEAN_SYNODIC_MONTH);
  let monthStart = newMoonDay(k + 1, timeZone);
  if (monthStart > dayNumber) monthStart = newMoonDay(k, timeZone);

  let a11 = lunarMonth11(date.year, timeZone);
  let b11 = a11;
  let lunarYear: number;
  if (a11 >= monthStart) {
    lunarYear = date.year;
    a11 = lunarMonth11(date.year - 1, timeZone);
  } else {
    lunarYear = date.year + 1;
    b11 = lunarMonth11(date.year + 1, timeZone);
  }

  const diff = Math.floor((monthStart - a11) / 29);
  let month = diff + 11;
  let leap = false;
  if (b11 - a11 > 365) {
    const leapDiff = leapMonthOffset(a11, timeZone);
    if (diff >= leapDiff) {
      month = diff + 10;
      leap = diff === leapDiff;
    }
  }
  if (month > 12) month -= 12;
  if (month >= 11 && diff < 4) lunarYear -= 1;
  return { day: dayNumber - monthStart + 1, month, year: lunarYear, leap };
}

/** The solar date of a lunar date, or null when `leap` is asked for a month that is not the leap month. */
export function lunarToSolar(lunar: LunarDate, timeZone: number = VIETNAM_TIME_ZONE): SolarDate | null {
  const [a11, b11] =
    lunar.month < 11 ? [lunarMonth11(lunar.year - 1, timeZone), lunarMonth11(lunar.year, timeZone)] : [lunarMonth11(lunar.year, timeZone), lunarMonth11(lunar.year + 1, timeZone)];
  const k = Math.floor(0.5 + (a11 - NEW_MOON_EPOCH) / MEAN_SYNODIC_MONTH);
  let off = lunar.month - 11;
  if (off < 0) off += 12;
  if (b11 - a11 > 365) {
    const leapOff = leapMonthOffset(a11, timeZone);
    let leapMonth = leapOff - 2;
    if (leapMonth < 0) leapMonth += 12;
    if (lunar.leap && lunar.month !== leapMonth) return null;
    if (lunar.leap || off >= leapOff) off += 1;
  } else if (lunar.leap) {
    return null;
  }
  return jdToDate(newMoonDay(k + off, timeZone) + lunar.day - 1);
}

const CAN = ['Giáp', 'Ất', 'Bính', 'Đinh', 'Mậu', 'Kỷ', 'Canh', 'Tân', 'Nhâm', 'Quý'];
const CHI = ['Tý', 'Sửu', 'Dần', 'Mão', 'Thìn', 'Tỵ', 'Ngọ', 'Mùi', 'Thân', 'Dậu', 'Tuất', 'Hợi'];

/** Sexagenary name of a lunar year, e.g. 2026 → "Bính Ngọ". */
export function canChiOfYear(lunarYear: number): string {
  const can = CAN[(((lunarYear + 6) % 10) + 10) % 10];
  const chi = CHI[(((lunarYear + 8) % 12) + 12) % 12];
  return `${can} ${chi}`;
}
