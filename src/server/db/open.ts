import type { Config } from '../config';
import { startEmbeddedPostgres } from './embedded';
import { applyMigrations, connectDatabase, ensureDatabase, type Database } from './index';

export interface OpenDatabase extends Database {
  /** Closes the pool and, when we run the embedded server, stops it. */
  close: () => Promise<void>;
}

/** The embedded PostgreSQL in `<dataDir>/pg` unless DATABASE_URL names an existing server; migrated. */
export async function openDatabase(config: Pick<Config, 'databaseUrl' | 'dataDir' | 'embeddedPgPort'>, log: (message: string) => void): Promise<OpenDatabase> {
  let url = config.databaseUrl;
  let stopServer = async () => undefined as void;
  if (!url) {
    const cluster = await startEmbeddedPostgres({ dataDir: config.dataDir, port: config.embeddedPgPort, log });
    url = cluster.url('cchc');
    stopServer = cluster.stop;
    log(`PostgreSQL nhúng: cổng ${cluster.port}, dữ liệu tại ${config.dataDir}/pg`);
  } else {
    log('Dùng máy chủ PostgreSQL theo DATABASE_URL');
  }
  await ensureDatabase(url);
  const database = connectDatabase(url);
  await applyMigrations(database.db);
  return {
    ...database,
    close: async () => {
      await database.close();
      await stopServer();
    },
  };
}
