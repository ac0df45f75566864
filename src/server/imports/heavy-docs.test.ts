/**
 * Issue 6, point 1: documents inside every upload limit that used to take the
 * server down are refused with a Vietnamese 4xx, while another user's request
 * made at the same time is answered. Timings are printed, not asserted
 * (`npm run probe:heavy-docs` measures them against a real server).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { heavyDocx, hugeStreamPdf, nestedRunsDocx } from '../../importer/hostile-documents';
import { createTestContext, json, type TestContext } from '../test/context';
import { type ApiError, type BuiltUser, buildCommune, buildUser, Multipart } from '../test/factories';

let ctx: TestContext;
let commune: Awaited<ReturnType<typeof buildCommune>>;
/** The coordinator who imports, and another user of the commune whose request must still be answered. */
let coordinator: BuiltUser;
let staff: BuiltUser;
beforeAll(async () => {
  ctx = await createTestContext();
  commune = await buildCommune(ctx);
  coordinator = await buildUser(ctx, { role: 'coordinator', commune });
  staff = await buildUser(ctx, { role: 'unit_staff', commune });
});
afterAll(async () => ctx?.close());

const CASES: Array<{ name: string; fileName: string; build: () => Buffer | Promise<Buffer>; code: string; message: RegExp }> = [
  {
    name: 'a .docx whose document.xml inflates to 58 MB (ratio ≈ 6)',
    fileName: 'ke-hoach-nang.docx',
    build: () => heavyDocx(),
    code: 'content_too_large',
    message: /giải nén quá lớn/,
  },
  { name: 'a .docx with 80,000 nested runs', fileName: 'ke-hoach-long-nhau.docx', build: () => nestedRunsDocx(80_000), code: 'too_complex', message: /lồng nhau quá sâu/ },
  {
    name: 'a one-page PDF whose content stream inflates to 400 MB',
    fileName: 'ke-hoach-luong-lon.pdf',
    build: () => hugeStreamPdf(400 * 1024 * 1024),
    code: 'content_too_large',
    message: /giải nén quá lớn/,
  },
];

describe('hostile plan documents', () => {
  for (const c of CASES) {
    it(`refuses ${c.name} with a Vietnamese 422 while another user is served`, async () => {
      const data = await c.build();
      expect(data.length).toBeLessThan(20 * 1024 * 1024);
      const [importer, other] = [await ctx.login(coordinator.username), await ctx.login(staff.username)];
      const body = new Multipart(c.fileName, data);
      const started = performance.now();
      const upload = ctx.app
        .inject({ method: 'POST', url: `/api/communes/${commune.id}/imports`, payload: body.body, headers: { cookie: importer, 'content-type': body.contentType } })
        .then((r) => ({ r, ms: performance.now() - started }));
      const me = ctx.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie: other } }).then((r) => ({ r, ms: performance.now() - started }));
      const [refused, answered] = await Promise.all([upload, me]);
      console.log(`${c.name}: refused in ${refused.ms.toFixed(0)} ms; /api/auth/me meanwhile in ${answered.ms.toFixed(0)} ms`);
      expect(refused.r.statusCode, refused.r.body.slice(0, 300)).toBe(422);
      const error = json<ApiError>(refused.r).error;
      expect((error.details as { code: string }).code).toBe(c.code);
      expect(error.message).toMatch(c.message);
      expect(answered.r.statusCode).toBe(200);
      expect(json<{ user: { username: string } }>(answered.r).user.username).toBe(staff.username);
    });
  }

  it('still reads a real plan afterwards (the pool replaced nothing it needed)', async () => {
    const { readFileSync } = await import('node:fs');
    const body = new Multipart('004.docx', readFileSync('fixtures/import/004.docx'));
    const response = await ctx.app.inject({
      method: 'POST',
      url: `/api/communes/${commune.id}/imports`,
      payload: body.body,
      headers: { cookie: await ctx.login(coordinator.username), 'content-type': body.contentType },
    });
    expect(response.statusCode, response.body.slice(0, 300)).toBe(200);
    expect(json<{ tasks: unknown[] }>(response).tasks).toHaveLength(38);
  });
});
