/** A city reviewer reads every commune of the city and can change nothing. */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, inject, it } from 'vitest';
import { DEMO_COMMUNES, DEMO_USERS } from '../../src/server/demo/communes';
import { launchBrowser, signIn } from './browser';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => browser?.close());

it('city reviewer lands on every commune, sees a commune but no edit control, and the server refuses writes', async () => {
  const page = await signIn(browser, 'sonoivu');
  await page.waitForURL(`${inject('baseUrl')}/city`);
  await page.getByTestId('city-table').waitFor();
  await page.goto(`${inject('baseUrl')}/dashboard`);
  await page.getByTestId('dashboard-title').waitFor();
  expect(await page.getByTestId('commune-selector').count()).toBe(1);
  await page.getByTestId('list-overdue').getByTestId('task-open').first().click();
  const drawer = page.getByTestId('task-drawer');
  await drawer.getByTestId('task-content').waitFor();
  expect(await drawer.getByTestId('progress-form').count()).toBe(0);
  expect(await drawer.getByTestId('task-edit').count()).toBe(0);
  expect(await drawer.getByTestId('file-upload').count()).toBe(0);
  expect(await drawer.getByTestId('comment-input').count()).toBe(0);

  // The page's own session cannot write either: the server decides, not the hidden buttons.
  const status = await page.evaluate(async (base) => {
    const response = await fetch(`${base}/api/tasks/1/progress`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ progress: 90, version: 1 }),
    });
    return response.status;
  }, inject('baseUrl'));
  expect(status).toBe(403);

  await page.goto(`${inject('baseUrl')}/plans`);
  await page.getByTestId('plans-table').waitFor();
  expect(await page.getByTestId('task-create').count()).toBe(0);
  await page.screenshot({ path: 'test-results/e2e-city-reviewer-plans.png', fullPage: true });
});

it('works on a phone-sized screen', async () => {
  const page = await signIn(browser, 'daumoi', { width: 390, height: 844 });
  await page.getByTestId('nav-open').click();
  await page.getByTestId('nav-drawer').waitFor();
  await page.screenshot({ path: 'test-results/e2e-phone-menu.png' });
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(width).toBeLessThanOrEqual(400);
});

it('city reviewer ranks communes by overdue tasks, opens the worst, sends a request, and its coordinator answers it', async () => {
  const page = await signIn(browser, 'sonoivu');
  await page.goto(`${inject('baseUrl')}/city`);
  const table = page.getByTestId('city-table');
  await table.locator('tbody tr[data-row-key]').first().waitFor();
  await page.getByTestId('city-totals').waitFor();
  // Sort by the overdue column, most first (antd: ascending on the first click, descending on the second).
  const header = table.locator('th', { hasText: 'Quá hạn' }).first();
  await header.click();
  await header.click();
  const counts = await table.locator('[data-testid^="overdue-"]').allInnerTexts();
  const numbers = counts.map(Number);
  expect(numbers.length).toBeGreaterThan(1);
  expect([...numbers].sort((a, b) => b - a)).toEqual(numbers);
  await page.screenshot({ path: 'test-results/e2e-city-overview.png', fullPage: true });
  const worst = (await table.locator('tbody tr[data-row-key]').first().locator('td').nth(1).textContent()) ?? '';
  await table.locator('[data-testid^="open-"]').first().click();
  await page.waitForURL(`${inject('baseUrl')}/dashboard`);
  await page.getByTestId('list-overdue').waitFor();

  // A request (đôn đốc) about the worst commune's first overdue task…
  await page.getByTestId('list-overdue').getByTestId('task-open').first().click();
  const drawer = page.getByTestId('task-drawer');
  await drawer.getByTestId('task-content').waitFor();
  await drawer.getByTestId('task-request').click();
  const message = `Đề nghị xã báo cáo tiến độ nhiệm vụ này trước ngày mai (${Date.now()}).`;
  await page.getByTestId('city-request-message').fill(message);
  await page.getByTestId('city-request-send').click();
  await drawer.getByTestId('city-request').filter({ hasText: message }).waitFor();

  // …reaches the commune's coordinator in the bell, who answers it on the task.
  const demo = DEMO_COMMUNES.find((c) => worst.includes(c.name));
  const coordinator = DEMO_USERS.find((u) => u.role === 'coordinator' && u.commune === demo?.code);
  expect(coordinator, worst).toBeDefined();
  const theirs = await signIn(browser, coordinator?.username ?? '');
  await theirs.getByTestId('notification-bell').click();
  await theirs.getByTestId('notification-item').filter({ hasText: message }).click();
  const request = theirs.getByTestId('task-drawer').getByTestId('city-request').filter({ hasText: message });
  await request.getByTestId('city-request-answer').fill('Xã đã giao đơn vị chủ trì, sẽ báo cáo trong ngày mai.');
  await request.getByTestId('city-request-answer-send').click();
  await request.getByTestId('city-request-answer-text').waitFor();
  await theirs.screenshot({ path: 'test-results/e2e-city-request-answered.png', fullPage: true });
});
