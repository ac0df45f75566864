/**
 * An administrator requires a new password; at the next sign-in the person sees only the
 * change-password screen, picks a strong password and reaches the app.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, inject, it } from 'vitest';
import { cspViolations, DEMO_PASSWORD, launchBrowser, openPage } from './browser';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => browser?.close());

/** The administrator flags the account through the API (a program: no Origin header). */
async function requireChange(username: string) {
  const base = inject('baseUrl');
  const login = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'admin', password: DEMO_PASSWORD }),
  });
  const cookie = String(login.headers.get('set-cookie')).split(';')[0];
  const users = (await (await fetch(`${base}/api/users`, { headers: { cookie } })).json()) as { id: number; username: string }[];
  const user = users.find((u) => u.username === username);
  const flagged = await fetch(`${base}/api/users/${user?.id}`, {
    method: 'PATCH',
    headers: { cookie, 'content-type': 'application/json' },
    body: JSON.stringify({ mustChangePassword: true }),
  });
  expect(flagged.status).toBe(200);
}

it('a required password change: weak passwords are refused in Vietnamese, a strong one opens the app', async () => {
  await requireChange('giamdochcc');
  const page = await openPage(browser);
  await page.goto(`${inject('baseUrl')}/`);
  await page.getByTestId('login-username').fill('giamdochcc');
  await page.getByTestId('login-password').fill(DEMO_PASSWORD);
  await page.getByTestId('login-submit').click();
  await page.getByTestId('change-password-required').waitFor();
  expect(await page.getByTestId('dashboard-title').count()).toBe(0);

  await page.getByTestId('change-password-current').fill(DEMO_PASSWORD);
  await page.getByTestId('change-password-new').fill('Password123!');
  await page.getByTestId('change-password-confirm').fill('Password123!');
  await page.getByTestId('change-password-submit').click();
  // biome-ignore lint/performance/useDomNodeTextContent: Playwright's innerText() is the text the user sees, not the DOM property
  await expect.poll(() => page.getByTestId('change-password-error').innerText(), { timeout: 15_000 }).toMatch(/Mật khẩu quá dễ đoán/);

  await page.getByTestId('change-password-new').fill('Cay-Bang-Truoc-San-Uy-Ban');
  await page.getByTestId('change-password-confirm').fill('Cay-Bang-Truoc-San-Uy-Ban');
  await page.getByTestId('change-password-submit').click();
  // A unit head lands on the unit's work.
  await page.getByTestId('my-work-title').waitFor({ timeout: 15_000 });
  expect(cspViolations(page)).toEqual([]);
});
