/** Debian's Chromium through playwright-core: test tools cannot download browsers here. */
import { type Browser, chromium, type Locator, type Page } from 'playwright-core';
import { inject } from 'vitest';

/** The demo's password (src/server/demo/communes.ts), as a person types it. */
export const DEMO_PASSWORD = 'CaiCach#HanhChinh2026';

const violations = new WeakMap<Page, string[]>();

/** Messages the browser logged for content the Content-Security-Policy blocked on this page. */
export function cspViolations(page: Page): string[] {
  return violations.get(page) ?? [];
}

export async function openPage(browser: Browser, viewport = { width: 1366, height: 900 }): Promise<Page> {
  const page = await browser.newPage({ viewport, locale: 'vi-VN', timezoneId: 'Asia/Ho_Chi_Minh' });
  const seen: string[] = [];
  violations.set(page, seen);
  page.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) seen.push(message.text());
  });
  return page;
}

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
  });
}

export async function signIn(browser: Browser, username: string, viewport = { width: 1366, height: 900 }): Promise<Page> {
  const page = await openPage(browser, viewport);
  await page.goto(`${inject('baseUrl')}/`);
  await page.getByTestId('login-username').fill(username);
  await page.getByTestId('login-password').fill(DEMO_PASSWORD);
  await page.getByTestId('login-submit').click();
  // The city's reviewers land on every commune, unit heads and staff on their unit's work, everyone else on the commune's dashboard.
  await page.locator('[data-testid="dashboard-title"], [data-testid="my-work-title"], [data-testid="city-title"]').first().waitFor();
  return page;
}

/** The number shown on a dashboard KPI card. */
export async function kpi(page: Page, key: string): Promise<number> {
  // biome-ignore lint/performance/useDomNodeTextContent: Playwright's innerText() is the text the user sees, not the DOM property
  const text = await page.getByTestId(`kpi-${key}`).locator('.ant-statistic-content-value').innerText();
  return Number(text.replace(/[^\d.]/g, ''));
}

/** Left edges of each header cell and of the first task row's cells in the task table, in CSS pixels. */
export async function columnEdges(page: Page): Promise<{ header: string; headerX: number; cellX: number }[]> {
  return page.getByTestId('task-table').evaluate((table) => {
    const heads = [...table.querySelectorAll('thead th')].filter((th) => (th as HTMLElement).offsetWidth > 0);
    const row = [...table.querySelectorAll('tbody tr.ant-table-row')].find((tr) => !tr.classList.contains('task-group-row'));
    const cells = row ? [...row.querySelectorAll('td')] : [];
    return heads.map((th, i) => ({
      header: (th.textContent ?? '').trim(),
      headerX: th.getBoundingClientRect().left,
      cellX: cells[i] ? cells[i].getBoundingClientRect().left : Number.NaN,
    }));
  });
}

/**
 * Picks an option of an Ant Design select and waits until the select shows it. The list may still be
 * sliding in when the option is clicked, or close under the click (a re-render of the form): then the
 * list is opened again — only when none is open, as a click on an open select closes it.
 */
export async function chooseOption(page: Page, select: Locator, title: string): Promise<void> {
  // biome-ignore lint/performance/useDomNodeTextContent: Playwright's innerText() is the text the user sees
  const shows = async () => (await select.innerText()).includes(title);
  const openList = page.locator('.ant-select-dropdown:visible');
  for (let attempt = 1; attempt <= 3; attempt++) {
    if ((await openList.count()) === 0) await select.click();
    const clicked = await openList
      .locator(`.ant-select-item-option[title="${title}"]`)
      .click({ timeout: 5_000 })
      .then(() => true)
      .catch(() => false);
    if (!clicked) continue;
    for (const deadline = Date.now() + 3_000; Date.now() < deadline; await page.waitForTimeout(100)) if (await shows()) return;
  }
  throw new Error(`the select does not show "${title}" after 3 choices`);
}
