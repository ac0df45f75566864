import { describe, expect, it } from 'vitest';
import { parseChannel, parseMoment, parseRating, parseStatus, parseYesNo } from './values';

const value = <T>(p: { ok: true; value: T } | { ok: false }): T | 'bad' => (p.ok ? p.value : 'bad');

describe('parseMoment', () => {
  it('reads dd/mm/yyyy as the whole day, HH:mm as the minute, HH:mm:ss as the second', () => {
    expect(value(parseMoment('15/03/2025'))).toEqual({ start: Date.UTC(2025, 2, 15), end: Date.UTC(2025, 2, 16) - 1, precision: 'day' });
    expect(value(parseMoment('15/03/2025 17:05'))).toEqual({ start: Date.UTC(2025, 2, 15, 17, 5), end: Date.UTC(2025, 2, 15, 17, 6) - 1, precision: 'minute' });
    expect(value(parseMoment('15/03/2025 17:05:09'))).toMatchObject({ start: Date.UTC(2025, 2, 15, 17, 5, 9), precision: 'second' });
  });

  it('accepts single digits, other separators, time first and ISO', () => {
    const minute = Date.UTC(2025, 2, 5, 8, 30);
    for (const text of ['5/3/2025 8:30', '05-03-2025 08:30', '05.03.2025 08:30', '08:30 05/03/2025', '2025-03-05T08:30', ' 05/03/2025  08:30 ']) {
      expect(value(parseMoment(text)), text).toMatchObject({ start: minute });
    }
  });

  it('reads leap days by the calendar, on the template’s own forms as on the others', () => {
    for (const text of ['29/02/2024', '29/02/2000', '29/02/2024 23:59', '29-02-2024', '2024-02-29']) expect(parseMoment(text).ok, text).toBe(true);
    for (const text of ['29/02/1900', '29/02/2100 08:00', '31/04/2025', '31/04/2025 08:00', '1/2/2025 8:0']) expect(parseMoment(text).ok, text).toBe(false);
  });

  it('refuses dates and times that do not exist', () => {
    for (const text of ['31/02/2025', '29/02/2025', '00/01/2025', '15/13/2025', '15/03/2025 24:00', '15/03/2025 10:60', '2025/03/15', '15/03/25', 'hôm qua', '']) {
      expect(parseMoment(text).ok, text).toBe(false);
    }
    expect(parseMoment('29/02/2024').ok).toBe(true);
  });
});

describe('words', () => {
  it('reads the channels ignoring case, diacritics and spacing', () => {
    expect(value(parseChannel('Trực tiếp'))).toBe('direct');
    expect(value(parseChannel('TRỰC TUYẾN  TOÀN TRÌNH'))).toBe('online_full');
    expect(value(parseChannel('truc tuyen mot phan'))).toBe('online_partial');
    expect(value(parseChannel('Trực tuyến - một phần'))).toBe('online_partial');
    expect(value(parseChannel('Bưu chính công ích'))).toBe('postal');
    expect(value(parseChannel('Fax'))).toBe('bad');
  });

  it('reads the statuses, composed or decomposed', () => {
    expect(value(parseStatus('Đang xử lý'))).toBe('processing');
    expect(value(parseStatus('Đã giải quyết'.normalize('NFD')))).toBe('resolved');
    expect(value(parseStatus('Từ chối / trả lại'))).toBe('rejected');
    expect(value(parseStatus('Từ chối/Trả lại'))).toBe('rejected');
    expect(value(parseStatus('Dừng xử lý'))).toBe('stopped');
    expect(value(parseStatus('Rút hồ sơ'))).toBe('withdrawn');
    expect(value(parseStatus('Đã trả kết quả'))).toBe('resolved');
    expect(value(parseStatus('Chờ duyệt'))).toBe('bad');
  });

  it('reads Có / Không with empty as unknown', () => {
    expect(value(parseYesNo('Có'))).toBe(true);
    expect(value(parseYesNo('KHÔNG'))).toBe(false);
    expect(value(parseYesNo(' '))).toBeNull();
    expect(value(parseYesNo('Có thể'))).toBe('bad');
  });

  it('reads the four ratings; empty is not rated', () => {
    expect(value(parseRating('Rất hài lòng'))).toBe('very_satisfied');
    expect(value(parseRating('Hài lòng'))).toBe('satisfied');
    expect(value(parseRating('Chấp nhận được'))).toBe('acceptable');
    expect(value(parseRating('Không hài lòng'))).toBe('dissatisfied');
    expect(value(parseRating(''))).toBeNull();
    expect(value(parseRating('Tốt'))).toBe('bad');
  });
});
