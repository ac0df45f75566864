/**
 * A second PostgreSQL for the DATABASE_URL test job: started here, reached by the
 * suite only through the URL it prints, as an existing server would be.
 *   tsx scripts/external-pg.ts start <dir> <port>   → prints postgres://… on stdout
 *   tsx scripts/external-pg.ts stop <dir> <port>
 */
import { startEmbeddedPostgres } from '../src/server/db/embedded';

const [command, dir, port] = process.argv.slice(2);
if (!command || !dir || !port) {
  console.error('usage: external-pg.ts start|stop <dir> <port>');
  process.exit(2);
}
const cluster = await startEmbeddedPostgres({ dataDir: dir, port: Number(port), fast: true });
if (command === 'start') console.log(cluster.url('postgres'));
else await cluster.stop();
