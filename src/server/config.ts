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
  /** Fastify's trustProxy: whose X-Forwarded-* headers to believe. false unless TRUST_PROXY says otherwise. */
  trustProxy: TrustProxy;
  /** Origins (scheme://host[:port]) besides the request's own Host that may send writes (CSRF check). */
  publicOrigins: string[];
}

/** What Fastify's `trustProxy` accepts: trust all, a list of addresses/CIDRs, or a function of (address, hop). */
export type TrustProxy = boolean | string[] | ((address: string, hop: number) => boolean);

/**
 * TRUST_PROXY: unset/`false` → trust nobody (the socket address is the client); `true` → trust every hop;
 * a number n → trust the n nearest hops (Express's meaning; Fastify itself now treats a bare number as
 * "trust nothing", so it is given as a function); otherwise comma-separated addresses or CIDRs of the proxies.
 */
export function parseTrustProxy(value: string | undefined): TrustProxy {
  const text = value?.trim() ?? '';
  if (text === '' || text === 'false') return false;
  if (text === 'true') return true;
  if (/^\d+$/.test(text)) {
    const hops = Number(text);
    return (_address, hop) => hop < hops;
  }
  return text
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean);
}

/** PUBLIC_ORIGIN: comma-separated origins the app is reached at (e.g. behind a proxy), normalised by URL. */
export function parseOrigins(value: string | undefined): string[] {
  return (value ?? '')
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean)
    .map((part) => {
      const origin = new URL(part).origin;
      if (origin === 'null') throw new Error(`PUBLIC_ORIGIN: "${part}" không phải là địa chỉ http(s) hợp lệ`);
      return origin;
    });
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
    trustProxy: parseTrustProxy(env.TRUST_PROXY),
    publicOrigins: parseOrigins(env.PUBLIC_ORIGIN),
  };
}
