/** The real app as a child process on its own data folder and ports, for the durability and fault tests. */
import { type ChildProcess, spawn } from 'node:child_process';

export interface AppProcess {
  child: ChildProcess;
  /** Everything the app printed so far (stdout and stderr). */
  output: () => string;
}

export function startApp(env: NodeJS.ProcessEnv): Promise<AppProcess> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/server/main.ts', '--demo'], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    const timer = setTimeout(() => reject(new Error(`app did not start: ${output}`)), 90_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('CCHC đang chạy')) {
        clearTimeout(timer);
        resolve({ child, output: () => output });
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.on('exit', (code) => reject(new Error(`app exited ${code}: ${output}`)));
  });
}

export function exited(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => (child.exitCode !== null || child.signalCode !== null ? resolve() : child.on('exit', () => resolve())));
}

export async function stopApp(app: AppProcess | null): Promise<void> {
  if (!app || app.child.exitCode !== null || app.child.signalCode !== null) return;
  app.child.kill('SIGINT');
  await exited(app.child);
}

export async function login(base: string, username = 'daumoi'): Promise<string> {
  const response = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: 'CaiCach#HanhChinh2026' }),
  });
  if (response.status !== 200) throw new Error(`login ${username}: ${response.status} ${await response.text()}`);
  return (response.headers.get('set-cookie') ?? '').split(';')[0];
}

export async function commentIds(base: string, cookie: string, taskId: number): Promise<Set<number>> {
  const response = await fetch(`${base}/api/tasks/${taskId}`, { headers: { cookie } });
  const detail = (await response.json()) as { history: { id: number; kind: string }[] };
  return new Set(detail.history.filter((h) => h.kind === 'comment').map((h) => h.id));
}

export function postComment(base: string, cookie: string, taskId: number, text: string): Promise<Response> {
  return fetch(`${base}/api/tasks/${taskId}/comments`, { method: 'POST', headers: { cookie, 'content-type': 'application/json' }, body: JSON.stringify({ text }) });
}
