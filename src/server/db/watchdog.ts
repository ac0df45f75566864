/**
 * Keeps the embedded PostgreSQL running: the app owns that server (it is a child in all but name), so when
 * its postmaster dies the app starts it again. PostgreSQL then replays its write-ahead log, so every
 * committed — and so acknowledged — write is back. An external server (DATABASE_URL) is never touched.
 */
import type { Logger } from 'pino';
import type { EmbeddedCluster } from './embedded';

export interface Watchdog {
  /** Looks now instead of at the next tick: a dropped connection is the first sign of a dead server. */
  check: () => void;
  /** Stops watching and waits for a restart under way, so a clean stop never races a restart. */
  stop: () => Promise<void>;
}

export type WatchdogLogger = Pick<Logger, 'info' | 'warn' | 'error'>;

export interface WatchdogTiming {
  /** How often the postmaster's pid is checked. */
  intervalMs: number;
  /** First wait after a failed start; doubles up to `maxRetryMs`. */
  firstRetryMs: number;
  maxRetryMs: number;
}

const DEFAULT_TIMING: WatchdogTiming = { intervalMs: 1000, firstRetryMs: 250, maxRetryMs: 10_000 };

export function watchPostmaster(cluster: Pick<EmbeddedCluster, 'isAlive' | 'restart' | 'pgDir'>, logger: WatchdogLogger, timing: Partial<WatchdogTiming> = {}): Watchdog {
  const { intervalMs, firstRetryMs, maxRetryMs } = { ...DEFAULT_TIMING, ...timing };
  let stopped = false;
  let recovering: Promise<void> | null = null;
  let wake: () => void = () => {};
  // A wait between attempts that a stop cuts short, so Ctrl-C during a long outage is not kept waiting.
  const pause = (ms: number) =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, ms);
      wake = () => {
        clearTimeout(timer);
        resolve();
      };
    });

  async function recover(): Promise<void> {
    const since = Date.now();
    logger.error({ pgDir: cluster.pgDir }, 'PostgreSQL nhúng đã dừng bất thường; đang khởi động lại (phục hồi sau sự cố)');
    // A restart fails while backends of the dead postmaster still hold its shared memory: retry, backing off.
    for (let attempt = 1, wait = firstRetryMs; !stopped; attempt++, wait = Math.min(wait * 2, maxRetryMs)) {
      try {
        await cluster.restart();
        logger.warn({ pgDir: cluster.pgDir, attempt, downMs: Date.now() - since }, 'PostgreSQL nhúng đã chạy lại sau sự cố');
        return;
      } catch (error) {
        logger.error({ err: error, attempt, retryInMs: wait }, 'Chưa khởi động lại được PostgreSQL nhúng; sẽ thử lại');
        await pause(wait);
      }
    }
  }

  const check = () => {
    if (stopped || recovering || cluster.isAlive()) return;
    recovering = recover().finally(() => (recovering = null));
  };

  const timer = setInterval(check, intervalMs);
  // The watchdog alone must not keep the process alive.
  timer.unref();
  return {
    check,
    stop: async () => {
      stopped = true;
      clearInterval(timer);
      wake();
      await recovering;
    },
  };
}
