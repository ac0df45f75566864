import type { Config } from '../config';
import { startEmbeddedPostgres } from './embedded';
import { applyMigrations, connectDatabase, type Database, ensureDatabase } from './index';
import { type Watchdog, type WatchdogLogger, watchPostmaster } from './watchdog';

export interface OpenDatabase extends Database {
  /** Closes the pool and, when we run the embedded server, stops it. */
  close: () => Promise<void>;
}

export interface OpenOptions {
  /** The long-running server passes its logger: lost connections are logged and the embedded server is restarted if it dies. */
  supervise?: WatchdogLogger;
}

/** The embedded PostgreSQL in `<dataDir>/pg` unless DATABASE_URL names an existing server; migrated. */
export async function openDatabase(
  config: Pick<Config, 'databaseUrl' | 'dataDir' | 'embeddedPgPort'>,
  log: (message: string) => void,
  options: OpenOptions = {},
): Promise<OpenDatabase> {
  let url = config.databaseUrl;
  let stopServer: () => Promise<void> = async () => {};
  let watchdog: Watchdog | null = null;
  if (!url) {
    const cluster = await startEmbeddedPostgres({ dataDir: config.dataDir, port: config.embeddedPgPort, log });
    url = cluster.url('cchc');
    // A CLI command (no supervise) that found the cluster running leaves it so: it is most likely the live
    // server's (a backup taken while the app runs must not stop its database). The server stops what it runs.
    if (!cluster.reused || options.supervise) stopServer = cluster.stop;
    log(`PostgreSQL nhúng: cổng ${cluster.port}, dữ liệu tại ${config.dataDir}/pg`);
    if (options.supervise) watchdog = watchPostmaster(cluster, options.supervise);
  } else {
    log('Dùng máy chủ PostgreSQL theo DATABASE_URL');
  }
  await ensureDatabase(url);
  const logger = options.supervise;
  const database = connectDatabase(url, {
    onConnectionError: (error) => {
      const code = (error as { code?: string }).code;
      if (logger) logger.warn({ reason: error.message, code }, 'Mất kết nối tới PostgreSQL');
      else log(`Mất kết nối tới PostgreSQL: ${error.message}`);
      watchdog?.check();
    },
  });
  await applyMigrations(database.db);
  return {
    ...database,
    close: async () => {
      await watchdog?.stop();
      await database.close();
      await stopServer();
    },
  };
}
