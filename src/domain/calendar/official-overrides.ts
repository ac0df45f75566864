/**
 * The government's yearly decisions on top of the computed legal holidays:
 * extra days off (bridges, or a Tết split other than the default 1+4) and the
 * Saturdays worked to make up for them. They apply to cán bộ, công chức, viên
 * chức — exactly the people who run a commune's CCHC plan.
 *
 * An override states the final answer for its date, so it can also cancel a
 * computed day off ('working_day' on a weekday) when the government arranged
 * the holidays differently from the default rule.
 *
 * Sources (public announcements; check the Văn phòng Chính phủ letter of each
 * year before adding one):
 *  - 2025: Tết Ất Tỵ 25/01–02/02 (VPCP 8726/VPCP-KGVX, 26/11/2024): the five Tết
 *    days were 27–31/01 (28 tháng Chạp – mùng 3), no make-up day. 30/4–1/5: off
 *    30/4–4/5 with Friday 2/5 swapped for Saturday 26/4. Quốc khánh: 30/8–2/9,
 *    which the default (1/9 + 2/9) already gives. 1/1 and Giỗ Tổ (Monday 7/4):
 *    single days, nothing to override.
 *  - 2026 (as announced, see DOMAIN.md): 1–4/01 with Saturday 10/01 worked; Tết
 *    Bính Ngọ 14–22/02 (the default 1+4 split, nothing to override); Giỗ Tổ on
 *    Sunday 26/4 → 25–27/4 and 30/4–3/5 (both follow from compensation alone);
 *    Quốc khánh 29/8–2/9 with Saturday 22/8 worked.
 */
import type { IsoDate } from '../timeframe/types';

export interface CalendarOverride {
  date: IsoDate;
  kind: 'day_off' | 'working_day';
  note?: string;
}

export type CalendarOverrides = CalendarOverride[];

export const OFFICIAL_OVERRIDES_2025: CalendarOverrides = [
  { date: '2025-01-27', kind: 'day_off', note: 'Tết Ất Tỵ: ngày 28 tháng Chạp (Chính phủ chọn nghỉ 27–31/01)' },
  {
    date: '2025-02-03',
    kind: 'working_day',
    note: 'Tết Ất Tỵ nghỉ 27–31/01 nên thứ Bảy mùng 4 (01/02) không phải ngày Tết, không nghỉ bù',
  },
  { date: '2025-05-02', kind: 'day_off', note: 'Hoán đổi với thứ Bảy 26/4/2025 (nghỉ 30/4–4/5)' },
  { date: '2025-04-26', kind: 'working_day', note: 'Làm bù cho thứ Sáu 02/5/2025' },
];

export const OFFICIAL_OVERRIDES_2026: CalendarOverrides = [
  { date: '2026-01-02', kind: 'day_off', note: 'Hoán đổi với thứ Bảy 10/01/2026 (nghỉ Tết Dương lịch 1–4/01)' },
  { date: '2026-01-10', kind: 'working_day', note: 'Làm bù cho thứ Sáu 02/01/2026' },
  { date: '2026-08-31', kind: 'day_off', note: 'Hoán đổi với thứ Bảy 22/8/2026 (nghỉ Quốc khánh 29/8–2/9)' },
  { date: '2026-08-22', kind: 'working_day', note: 'Làm bù cho thứ Hai 31/8/2026' },
];

/** Every official swap known to the app; pass to createCalendar as the starting list. */
export const OFFICIAL_OVERRIDES: CalendarOverrides = [...OFFICIAL_OVERRIDES_2025, ...OFFICIAL_OVERRIDES_2026];
