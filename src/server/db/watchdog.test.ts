/**
 * The watchdog's decisions on a stand-in cluster (the real postmaster is killed in
 * tests/durability/postgres-outage.test.ts): restart only a dead server, once at a time, retry a
 * failed start, and stop cleanly.
 */
import { describe, expect, it } from 'vitest';
import { type WatchdogLogger, watchPostmaster } from './watchdog';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function until(condition: () => boolean): Promise<void> {
  for (const deadline = Date.now() + 10_000; !condition(); await sleep(10)) {
    if (Date.now() > deadline) throw new Error('condition not met in 10 s');
  }
}

function recordingLogger() {
  const lines: { level: string; msg: string; fields: Record<string, unknown> }[] = [];
  const at = (level: string) => (fields: Record<string, unknown>, msg: string) => void lines.push({ level, msg, fields });
  return { lines, logger: { info: at('info'), warn: at('warn'), error: at('error') } as unknown as WatchdogLogger };
}

function standIn(options: { failures?: number; startMs?: number } = {}) {
  const state = { alive: true, restarts: 0, attempts: 0, failures: options.failures ?? 0 };
  return {
    state,
    cluster: {
      pgDir: '/tmp/pg',
      isAlive: () => state.alive,
      restart: async () => {
        state.attempts++;
        await sleep(options.startMs ?? 10);
        if (state.failures > 0) {
          state.failures--;
          throw new Error('pre-existing shared memory block is still in use');
        }
        state.alive = true;
        state.restarts++;
      },
    },
  };
}

describe('watchPostmaster', () => {
  it('leaves a live server alone', async () => {
    const { state, cluster } = standIn();
    const { lines, logger } = recordingLogger();
    const watchdog = watchPostmaster(cluster, logger, { intervalMs: 10 });
    await sleep(80);
    watchdog.check();
    await watchdog.stop();
    expect(state.attempts).toBe(0);
    expect(lines).toEqual([]);
  });

  it('starts a dead server again once, however many times it is told to look, and logs what happened', async () => {
    const { state, cluster } = standIn({ startMs: 60 });
    const { lines, logger } = recordingLogger();
    const watchdog = watchPostmaster(cluster, logger, { intervalMs: 10 });
    state.alive = false;
    for (let i = 0; i < 5; i++) watchdog.check();
    await until(() => state.restarts === 1);
    await sleep(50); // more ticks: the server is alive again, nothing more to do
    await watchdog.stop();
    expect(state.restarts).toBe(1);
    expect(state.attempts).toBe(1);
    expect(lines.map((line) => line.level)).toEqual(['error', 'warn']);
    expect(lines[1].msg).toBe('PostgreSQL nhúng đã chạy lại sau sự cố');
  });

  it('retries a start that fails, backing off, until it succeeds', async () => {
    const { state, cluster } = standIn({ failures: 2 });
    const { lines, logger } = recordingLogger();
    const watchdog = watchPostmaster(cluster, logger, { intervalMs: 10, firstRetryMs: 20 });
    state.alive = false;
    watchdog.check();
    await until(() => state.alive);
    await watchdog.stop();
    expect(state.attempts).toBe(3);
    expect(state.alive).toBe(true);
    // The first error says the server died; each failed start names the wait before the next, doubling.
    expect(lines.filter((line) => line.level === 'error').map((line) => line.fields.retryInMs)).toEqual([undefined, 20, 40]);
  });

  it('a stop cuts a wait between attempts short and no further attempt is made', async () => {
    const { state, cluster } = standIn({ failures: 100 });
    const { logger } = recordingLogger();
    // A wait far beyond the test's timeout: only a stop that cuts it short lets the test finish.
    const watchdog = watchPostmaster(cluster, logger, { intervalMs: 10, firstRetryMs: 10 * 60_000 });
    state.alive = false;
    watchdog.check();
    await sleep(50);
    await watchdog.stop();
    const attempts = state.attempts;
    expect(attempts).toBe(1);
    await sleep(300);
    expect(state.attempts).toBe(attempts);
  });
});
