/** Debian's Chromium through playwright-core: test tools cannot download browsers here. */
import { chromium, type Browser, type Page } from 'playwright-core';
import { inject } from 'vitest';

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
  });
}

export async function signIn(browser: Browser, username: string, viewport = { width: 1366, height: 900 }): Promise<Page> {
  const page = await browser.newPage({ viewport, locale: 'vi-VN', timezoneId: 'Asia/Ho_Chi_Minh' });
  await page.goto(`${inject('baseUrl')}/`);
  await page.getByTestId('login-username').fill(username);
  await page.getByTestId('login-password').fill('CaiCach#HanhChinh2026');
  await page.getByTestId('login-submit').click();
  await page.getByTestId('dashboard-title').waitFor();
  return page;
}

/** The number shown on a dashboard KPI card. */
export async function kpi(page: Page, key: string): Promise<number> {
  const text = await page.getByTestId(`kpi-${key}`).locator('.ant-statistic-content-value').innerText();
  return Number(text.replace(/[^\d.]/g, ''));
}
