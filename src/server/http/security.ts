/**
 * Browser-facing defences: writes must come from the app's own origin (CSRF), and the usual
 * security headers through @fastify/helmet (CSP the built web app works with, no framing,
 * HSTS only behind HTTPS).
 */
import helmet from '@fastify/helmet';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { AppError } from '../errors';

export interface SecurityOptions {
  /** Origins besides the request's own (scheme + Host) that may send writes: PUBLIC_ORIGIN. */
  publicOrigins: string[];
  /** COOKIE_SECURE: the app is served over HTTPS, so HSTS and upgrade-insecure-requests are safe to send. */
  https: boolean;
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

function normaliseOrigin(value: string): string | null {
  try {
    const origin = new URL(value).origin;
    return origin === 'null' ? null : origin;
  } catch {
    return null;
  }
}

/** The origin the browser reached: scheme and Host (X-Forwarded-* only when TRUST_PROXY trusts the proxy). */
function ownOrigin(request: FastifyRequest): string | null {
  return normaliseOrigin(`${request.protocol}://${request.host}`);
}

/**
 * A browser always sends Origin on a cross-origin POST, and Sec-Fetch-Site on every request; a
 * request with neither comes from a program (curl, the CLI, tests), which cookies' SameSite and
 * the session already govern, so it passes.
 */
export function isAllowedWrite(request: FastifyRequest, publicOrigins: string[]): boolean {
  const originHeader = request.headers.origin;
  if (originHeader !== undefined) {
    const origin = normaliseOrigin(originHeader);
    return origin !== null && (origin === ownOrigin(request) || publicOrigins.includes(origin));
  }
  const site = request.headers['sec-fetch-site'];
  if (site === undefined) return true;
  return site === 'same-origin' || site === 'none';
}

export const securityPlugin = fp(async (app: FastifyInstance, options: SecurityOptions) => {
  // onRequest: refused before the body (a multipart upload included) is read or any session is looked up.
  app.addHook('onRequest', async (request) => {
    if (SAFE_METHODS.has(request.method) || !request.url.startsWith('/api/')) return;
    if (!isAllowedWrite(request, options.publicOrigins)) throw new AppError('cross_origin');
  });

  const swaggerCSP = (app as FastifyInstance & { swaggerCSP?: { script: string[]; style: string[] } }).swaggerCSP ?? { script: [], style: [] };
  await app.register(helmet, {
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        baseUri: ["'self'"],
        // The web app's bundles only; the API description page adds its own script hashes.
        scriptSrc: ["'self'", ...swaggerCSP.script],
        scriptSrcAttr: ["'none'"],
        // Ant Design and ECharts write styles at run time (css-in-js <style> tags, style attributes).
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        fontSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        workerSrc: ["'self'", 'blob:'],
        objectSrc: ["'none'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
        ...(options.https ? { upgradeInsecureRequests: [] } : {}),
      },
    },
    frameguard: { action: 'deny' },
    hsts: options.https ? { maxAge: 31_536_000, includeSubDomains: true } : false,
    referrerPolicy: { policy: 'same-origin' },
  });
});
