import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, json, type TestContext } from '../test/context';
import { type ApiError, type BuiltUser, buildCommune, buildUser, call, fingerprint } from '../test/factories';

interface Override {
  id: number;
  date: string;
  kind: 'day_off' | 'working_day';
  note: string | null;
}
interface Year {
  year: number;
  holidays: { date: string; name: string }[];
  official: { date: string; kind: string; note: string | null }[];
  overrides: Override[];
  daysOff: string[];
}
interface AuditEntry {
  entity: string;
  entityId: number;
  action: string;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
}

let ctx: TestContext;
/** The calendar is one for all: an administrator changes it, everyone reads it. */
let admin: BuiltUser;
let coordinator: BuiltUser;
let others: BuiltUser[];
beforeAll(async () => {
  ctx = await createTestContext();
  const commune = await buildCommune(ctx);
  const city = { id: commune.cityId };
  admin = await buildUser(ctx, { role: 'admin', city });
  coordinator = await buildUser(ctx, { role: 'coordinator', commune });
  others = [coordinator, await buildUser(ctx, { role: 'leader', commune }), await buildUser(ctx, { role: 'city_reviewer', city })];
});
afterAll(async () => ctx?.close());

const year = async (y: number, user = coordinator.username) => {
  const response = await call(ctx, user, 'GET', `/api/calendar/${y}`);
  expect(response.statusCode).toBe(200);
  return json<Year>(response);
};
const addWorkingDays = async (from: string, days: number) =>
  json<{ date: string }>(await call(ctx, coordinator.username, 'GET', `/api/calendar/working-days?from=${from}&days=${days}`)).date;
const calendarAudit = async () => json<AuditEntry[]>(await call(ctx, admin.username, 'GET', '/api/audit?entity=calendar'));

describe('the 2026 calendar', () => {
  it('has the legal holidays', async () => {
    const y = await year(2026);
    const dates = y.holidays.map((h) => h.date);
    expect(dates).toEqual(
      expect.arrayContaining([
        '2026-01-01',
        '2026-02-16',
        '2026-02-17',
        '2026-02-18',
        '2026-02-19',
        '2026-02-20',
        '2026-04-26',
        '2026-04-30',
        '2026-05-01',
        '2026-09-01',
        '2026-09-02',
      ]),
    );
    expect(y.holidays.find((h) => h.date === '2026-01-01')?.name).toBe('Tết Dương lịch');
    expect(y.holidays.find((h) => h.date === '2026-02-17')?.name).toContain('mùng 1 tháng Giêng');
  });

  it('applies the government’s official swaps: 02/01 off, Saturday 10/01 worked; 31/8 off, Saturday 22/8 worked', async () => {
    const y = await year(2026);
    expect(y.official).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ date: '2026-01-02', kind: 'day_off' }),
        expect.objectContaining({ date: '2026-01-10', kind: 'working_day' }),
        expect.objectContaining({ date: '2026-08-31', kind: 'day_off' }),
        expect.objectContaining({ date: '2026-08-22', kind: 'working_day' }),
      ]),
    );
    expect(y.official.every((o) => o.date.startsWith('2026-'))).toBe(true);
    expect(y.daysOff).toContain('2026-01-02');
    expect(y.daysOff).not.toContain('2026-01-10');
    expect(y.daysOff).toContain('2026-08-31');
    expect(y.daysOff).not.toContain('2026-08-22');
    expect(y.daysOff).toContain('2026-01-17'); // an ordinary Saturday
    // The official swaps are the government's, not administrators' overrides.
    expect(y.overrides.filter((o) => y.official.some((swap) => swap.date === o.date))).toEqual([]);
    // Working days are counted on it: the day after Friday 09/01 is Saturday 10/01.
    expect(await addWorkingDays('2026-01-09', 1)).toBe('2026-01-10');
    expect(await addWorkingDays('2026-01-01', 1)).toBe('2026-01-05');
    expect(await addWorkingDays('2026-02-13', 1)).toBe('2026-02-23'); // Tết
  });

  it('2025 has its own swaps', async () => {
    const y = await year(2025);
    expect(y.daysOff).toContain('2025-01-27');
    expect(y.daysOff).not.toContain('2025-04-26');
    expect(y.official.map((o) => o.date).sort()).toEqual(['2025-01-27', '2025-02-03', '2025-04-26', '2025-05-02']);
  });

  it('refuses a year out of range', async () => {
    expect((await call(ctx, coordinator.username, 'GET', '/api/calendar/1999')).statusCode).toBe(400);
  });
});

describe('administrators’ overrides', () => {
  /** Each test changes a date of its own: the calendar is shared by the whole file. */
  const addOverride = async (body: { date: string; kind: 'day_off' | 'working_day'; note?: string }) => {
    const response = await call(ctx, admin.username, 'POST', '/api/calendar/overrides', body);
    expect(response.statusCode, response.body).toBe(201);
    return json<Override>(response);
  };

  it('adding a day off (24/11, Ngày Văn hóa Việt Nam) is applied and audited', async () => {
    const before = await year(2026);
    expect(before.daysOff).not.toContain('2026-11-24');
    const added = await addOverride({ date: '2026-11-24', kind: 'day_off', note: 'Ngày Văn hóa Việt Nam' });
    expect(added).toMatchObject({ date: '2026-11-24', kind: 'day_off', note: 'Ngày Văn hóa Việt Nam' });
    const after = await year(2026);
    expect(after.overrides).toEqual(expect.arrayContaining([added]));
    expect(after.overrides).toHaveLength(before.overrides.length + 1);
    expect(after.daysOff).toContain('2026-11-24');
    expect(await addWorkingDays('2026-11-23', 1)).toBe('2026-11-25');
    const [entry] = await calendarAudit();
    expect(entry).toMatchObject({ entity: 'calendar', entityId: added.id, action: 'create', after: { date: '2026-11-24', kind: 'day_off' } });
  });

  it('the same date twice → 409 in Vietnamese, nothing saved', async () => {
    await addOverride({ date: '2026-11-13', kind: 'day_off' });
    const before = await fingerprint(ctx);
    const response = await call(ctx, admin.username, 'POST', '/api/calendar/overrides', { date: '2026-11-13', kind: 'working_day' });
    expect(response.statusCode).toBe(409);
    expect(json<ApiError>(response).error.message).toBe('Ngày này đã có trong danh sách điều chỉnh.');
    expect(await fingerprint(ctx)).toEqual(before);
  });

  it('an impossible date or an unknown kind → 400, nothing saved', async () => {
    const before = await fingerprint(ctx);
    for (const body of [
      { date: '2026-02-30', kind: 'day_off' },
      { date: '2026-12-01', kind: 'holiday' },
    ]) {
      const response = await call(ctx, admin.username, 'POST', '/api/calendar/overrides', body);
      expect(response.statusCode).toBe(400);
      expect(json<ApiError>(response).error.code).toBe('validation');
    }
    expect(json<ApiError>(await call(ctx, admin.username, 'POST', '/api/calendar/overrides', { date: '2026-02-30', kind: 'day_off' })).error.message).toMatch(/Ngày không tồn tại/);
    expect(await fingerprint(ctx)).toEqual(before);
  });

  it('an administrator can correct an official swap', async () => {
    const added = await addOverride({ date: '2026-01-10', kind: 'day_off', note: 'Hủy làm bù' });
    expect((await year(2026)).daysOff).toContain('2026-01-10');
    const removed = await call(ctx, admin.username, 'DELETE', `/api/calendar/overrides/${added.id}`);
    expect(removed.statusCode).toBe(204);
    expect((await year(2026)).daysOff).not.toContain('2026-01-10');
  });

  it('nobody else changes the calendar: 403 and nothing saved', async () => {
    const added = await addOverride({ date: '2026-10-16', kind: 'day_off' });
    const before = await fingerprint(ctx);
    for (const user of others) {
      expect((await call(ctx, user.username, 'POST', '/api/calendar/overrides', { date: '2026-12-24', kind: 'day_off' })).statusCode).toBe(403);
      expect((await call(ctx, user.username, 'DELETE', `/api/calendar/overrides/${added.id}`)).statusCode).toBe(403);
    }
    expect(await fingerprint(ctx)).toEqual(before);
  });

  it('removing an override is applied and audited; removing it again → 404', async () => {
    const added = await addOverride({ date: '2026-12-04', kind: 'day_off' });
    expect((await year(2026)).daysOff).toContain('2026-12-04');
    const response = await call(ctx, admin.username, 'DELETE', `/api/calendar/overrides/${added.id}`);
    expect(response.statusCode).toBe(204);
    const y = await year(2026);
    expect(y.overrides.map((o) => o.id)).not.toContain(added.id);
    expect(y.daysOff).not.toContain('2026-12-04');
    const [entry] = await calendarAudit();
    expect(entry).toMatchObject({ entityId: added.id, action: 'delete', before: { date: '2026-12-04', kind: 'day_off' } });
    expect((await call(ctx, admin.username, 'DELETE', `/api/calendar/overrides/${added.id}`)).statusCode).toBe(404);
  });
});
