/** Display formats: dates always dd/mm/yyyy, areas as Roman numerals. */

import type { TArea } from '@contract';
import dayjs from 'dayjs';
import type { Translate } from './i18n';

export const DATE_FORMAT = 'DD/MM/YYYY';
export const MONTH_FORMAT = 'MM/YYYY';

export function formatDate(iso: string | null | undefined): string {
  if (!iso) return '';
  const date = dayjs(iso);
  return date.isValid() ? date.format(DATE_FORMAT) : iso;
}

/** A month as stored (`YYYY-MM`) shown as mm/yyyy. */
export function formatMonth(month: string | null | undefined): string {
  if (!month) return '';
  const date = dayjs(`${month}-01`);
  return date.isValid() ? date.format(MONTH_FORMAT) : month;
}

export function formatDateTime(iso: string | null | undefined): string {
  if (!iso) return '';
  const date = dayjs(iso);
  return date.isValid() ? date.format(`${DATE_FORMAT} HH:mm`) : iso;
}

export function formatPeriod(start: string, end: string): string {
  return `${formatDate(start)} – ${formatDate(end)}`;
}

export function toIsoDate(date: dayjs.Dayjs): string {
  return date.format('YYYY-MM-DD');
}

export function todayIso(): string {
  return toIsoDate(dayjs());
}

export function formatFileSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(0)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

const ROMAN = ['', 'I', 'II', 'III', 'IV', 'V', 'VI', 'VII'] as const;

export function areaRoman(area: TArea): string {
  return ROMAN[area];
}

/** "III. Cải cách thủ tục hành chính" */
export function areaLabel(t: Translate, area: TArea): string {
  return `${ROMAN[area]}. ${t(`area.${area}`)}`;
}

const PERCENT = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 1 });

/** A percentage the Vietnamese way, whatever the interface language: "16,7 %" (decimal comma, a space before the sign). */
export function formatPercent(value: number): string {
  return `${PERCENT.format(value)}\u00a0%`;
}

/**
 * A document number as written, or null while it has none: "/KH-UBND" with the number left
 * blank for the clerk (an unnumbered draft) is not a number.
 */
export function documentNumber(number: string | null | undefined): string | null {
  const text = (number ?? '').trim();
  return /^\d/.test(text) ? text : null;
}
