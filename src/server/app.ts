/**
 * Builds the HTTP application: plugins, one route module per capability, the
 * error mapping and the built web app. Nothing here starts a database.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import cookie from '@fastify/cookie';
import multipart from '@fastify/multipart';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance, type FastifyReply } from 'fastify';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { createParsePool } from '../importer/parse-pool';
import { auditRoutes } from './audit/routes';
import { sessionPlugin } from './auth/plugin';
import { authRoutes } from './auth/routes';
import { calendarRoutes } from './calendar/routes';
import { cityRoutes } from './city/routes';
import { cityDirectiveRoutes } from './city-directives/routes';
import { cityRequestRoutes } from './city-requests/routes';
import type { Clock } from './clock';
import { communeRoutes } from './communes/routes';
import type { Config } from './config';
import { dashboardRoutes } from './dashboard/routes';
import type { Db } from './db';
import { dossierRoutes } from './dossiers/routes';
import { registerErrorHandler } from './errors';
import { fileRoutes } from './files/routes';
import { healthRoutes } from './health/routes';
import { securityPlugin } from './http/security';
import { importRoutes } from './imports/routes';
import { inspectionDocumentRoutes } from './inspection-documents/routes';
import { inspectionTeamRoutes } from './inspection-team/routes';
import { inspectionRoutes } from './inspections/routes';
import { notificationRoutes } from './notifications/routes';
import { planRoutes } from './plans/routes';
import { reminderRoutes } from './reminders/routes';
import { REPO_ROOT } from './repo-root';
import { reportRoutes } from './reports/routes';
import { scorecardRoutes } from './scorecard/routes';
import { taskRoutes } from './tasks/routes';
import { timeframeRoutes } from './timeframe/routes';
import { unitRoutes } from './units/routes';
import { userRoutes } from './users/routes';

// Schema violations read in Vietnamese ("Dữ liệu không hợp lệ: …").
z.config(z.locales.vi());

const WEB_ROOT = path.join(REPO_ROOT, 'dist/web');

export interface AppOptions {
  db: Db;
  /** Where "today" comes from: the system clock in production, a fixed one in tests and CLI runs. */
  clock: Clock;
  config: Pick<Config, 'uploadDir' | 'sessionDays' | 'secureCookies' | 'logLevel'> & Partial<Pick<Config, 'trustProxy' | 'publicOrigins'>>;
  logger?: boolean;
  /** The sign-in throttle's clock; tests pass one they can move. */
  now?: () => Date;
}

export async function buildApp({ db, clock, config, logger = true, now = () => new Date() }: AppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger: logger ? { level: config.logLevel, redact: ['req.headers.cookie', 'req.body.password', 'req.body.currentPassword', 'req.body.newPassword'] } : false,
    bodyLimit: 2 * 1024 * 1024,
    // X-Forwarded-For is believed only from proxies the operator names (TRUST_PROXY): otherwise any client could pick its address.
    trustProxy: config.trustProxy ?? false,
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  registerErrorHandler(app);

  await app.register(swagger, {
    openapi: {
      info: { title: 'CCHC — API quản lý cải cách hành chính cấp xã', version: '0.1.0', description: 'Phiên đăng nhập bằng cookie httpOnly `cchc_session`.' },
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs' });
  await app.register(securityPlugin, { publicOrigins: config.publicOrigins ?? [], https: config.secureCookies });
  await app.register(cookie);
  await app.register(multipart, { limits: { fileSize: 20 * 1024 * 1024, files: 1, fields: 10 } });
  await app.register(sessionPlugin, { db });

  // One parse pool for every document import (plans and inspection plans): its limits on threads and
  // queued parses hold for the whole server. A listening server starts its first worker now.
  const parsePool = createParsePool();
  app.addHook('onListen', async () => parsePool.warm());
  app.addHook('onClose', async () => parsePool.destroy());

  await app.register(authRoutes, { db, sessionDays: config.sessionDays, secureCookies: config.secureCookies, now });
  await app.register(communeRoutes, { db });
  await app.register(unitRoutes, { db });
  await app.register(userRoutes, { db });
  await app.register(planRoutes, { db, clock, uploadDir: config.uploadDir });
  await app.register(taskRoutes, { db, clock });
  await app.register(fileRoutes, { db, clock, uploadDir: config.uploadDir });
  await app.register(dashboardRoutes, { db, clock });
  await app.register(cityRoutes, { db, clock });
  await app.register(cityRequestRoutes, { db, clock });
  await app.register(cityDirectiveRoutes, { db, clock });
  await app.register(reportRoutes, { db, clock });
  await app.register(inspectionRoutes, { db, clock, uploadDir: config.uploadDir });
  await app.register(inspectionDocumentRoutes, { db, clock, parsePool });
  await app.register(auditRoutes, { db, clock });
  await app.register(calendarRoutes, { db });
  await app.register(timeframeRoutes);
  await app.register(importRoutes, { db, clock, parsePool });
  await app.register(dossierRoutes, { db });
  await app.register(scorecardRoutes, { db, clock });
  await app.register(healthRoutes, { db });
  await app.register(notificationRoutes, { db });
  await app.register(reminderRoutes, { db });
  await app.register(inspectionTeamRoutes, { db });
  await registerWebApp(app);
  return app;
}

/**
 * Vite names the files in /assets by their content hash: a browser keeps them for a year without asking again.
 * Anything else (index.html above all, which names the current hashes) is checked on every load.
 */
function setWebCacheHeaders(reply: FastifyReply, root: string, filePath: string) {
  const hashed = path.relative(root, filePath).startsWith(`assets${path.sep}`);
  reply.header('cache-control', hashed ? 'public, max-age=31536000, immutable' : 'no-cache');
}

/** The built single-page app; unknown non-API paths get index.html so client routes survive a reload. */
export async function registerWebApp(app: FastifyInstance, root = WEB_ROOT) {
  if (!existsSync(path.join(root, 'index.html'))) return;
  await app.register(fastifyStatic, { root, wildcard: false, preCompressed: true, setHeaders: (reply, filePath) => setWebCacheHeaders(reply, root, filePath) });
  app.get('/*', { schema: { hide: true }, config: { public: true } }, (request, reply) => {
    if (request.url.startsWith('/api/')) return reply.status(404).send({ error: { code: 'not_found', message: 'Không tìm thấy dữ liệu yêu cầu.' } });
    return reply.sendFile('index.html');
  });
}
