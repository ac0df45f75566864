import path from 'node:path';

/** Settings from the environment, read once at start. */
export interface Config {
  port: number;
  host: string;
  /** Where the embedded cluster, its password and uploaded files live. */
  dataDir: string;
  uploadDir: string;
  /** Set: use this existing PostgreSQL server instead of the embedded one. */
  databaseUrl: string | null;
  embeddedPgPort: number;
  sessionDays: number;
  secureCookies: boolean;
  logLevel: string;
  /** SMTP server for reminders (smtp://user:pass@host:587); unset: mail is written to <dataDir>/outbox. */
  smtpUrl: string | null;
  mailFrom: string;
  /** The address people open the app at, for links in e-mails. */
  publicUrl: string;
}

export function readConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const dataDir = path.resolve(env.DATA_DIR ?? './data');
  return {
    port: Number(env.PORT ?? 3000),
    // Loopback unless told otherwise: the demo logins are public, so opening the port is a deliberate act.
    host: env.HOST ?? '127.0.0.1',
    dataDir,
    uploadDir: path.resolve(env.UPLOAD_DIR ?? path.join(dataDir, 'uploads')),
    databaseUrl: env.DATABASE_URL?.startsWith('postgres') ? env.DATABASE_URL : null,
    embeddedPgPort: Number(env.EMBEDDED_PG_PORT ?? 54329),
    sessionDays: Number(env.SESSION_DAYS ?? 7),
    secureCookies: env.COOKIE_SECURE === 'true',
    logLevel: env.LOG_LEVEL ?? 'info',
    smtpUrl: env.SMTP_URL?.startsWith('smtp') ? env.SMTP_URL : null,
    mailFrom: env.MAIL_FROM ?? 'CCHC <no-reply@cchc.local>',
    publicUrl: (env.PUBLIC_URL ?? `http://localhost:${env.PORT ?? 3000}`).replace(/\/$/, ''),
  };
}
