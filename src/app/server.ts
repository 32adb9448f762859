import Fastify, { LogController, type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import { requestLogLine } from './http/log-redaction.js';
import helmet, { type FastifyHelmetOptions } from '@fastify/helmet';
import formbody from '@fastify/formbody';
import rateLimit from '@fastify/rate-limit';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import {
  hasZodFastifySchemaValidationErrors,
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import type { Config } from './config/config.js';
import type { AppContext } from './context.js';
import { pingDatabase, type DatabaseHandle } from './database/database.js';
import { isDatabaseUnavailable } from './database/database-errors.js';
import { EventBus } from './events/events.js';
import { apiDocsOptions } from './http/api-docs.js';
import { registerAssets } from './http/assets.js';
import { clientErrorHandler, routingError } from './http/client-errors.js';
import { AppError, toProblem } from './http/errors.js';
import { isApiRequest, pathAfterLocale, requestLocale } from './http/locale.js';
import { ResponseCache } from './http/response-cache.js';
import { CacheFront, isJsonApiUrl, trustedHops, type ApiLimitDecision } from './http/cache-front.js';
import { helmetOptions, securityHeadersOf } from './http/security-headers.js';
import { invalidRequest } from './http/validation.js';
import { addJobHandlers, createJobs } from './jobs/jobs.setup.js';
import { registerAuth } from './auth/auth.plugin.js';
import { csrfRejected, isCsrfError } from './auth/csrf.js';
import { authRedirect } from './auth/redirects.js';
import { ErrorPage } from './html/error-page.js';
import { negotiateLocale, type Locale } from './i18n/i18n.js';
import { appMessages } from './i18n/messages.js';
import { modules } from './modules.js';

export interface ServerOptions {
  config: Config;
  database: DatabaseHandle;
  logger?: boolean;
}

export type App = FastifyInstance & {
  context: AppContext;
  /** The public server's listener and the headers of every answer, for the web fronts (web-fronts.ts). */
  web: { front: CacheFront; securityHeaders: Readonly<Record<string, string>> };
};

/** Builds the whole web application: infrastructure plugins, then every module's routes and pages. */
export async function createServer(options: ServerOptions): Promise<App> {
  const { config, database } = options;
  const helmetConfig = helmetOptions(config.publicUrl);
  const securityHeaders = securityHeadersOf(helmetConfig);
  const cache = new ResponseCache();
  const front = new CacheFront(cache, config.trustProxy);
  const app = Fastify({
    // Cached public answers are written by the server's listener before Fastify (cache-front.ts).
    serverFactory: front.serverFactory,
    logger:
      options.logger === false
        ? false
        : { level: config.logLevel, redact: ['req.headers.cookie', 'req.headers.authorization'], serializers: { req: requestLogLine } },
    trustProxy: trustedHops(config.trustProxy),
    // One log line per request costs throughput on a public registry; request logs are kept for debug levels.
    logController: new LogController({ disableRequestLogging: config.logLevel !== 'debug' && config.logLevel !== 'trace' }),
    routerOptions: { ignoreTrailingSlash: true },
    // Closing the server (SIGTERM, tests) must not wait for browsers' idle keep-alive connections.
    forceCloseConnections: 'idle',
    // zod validates and serialises every route (schemas are zod, the single source): given as the compilers' factory,
    // so Fastify does not load Ajv and fast-json-stringify, which it would otherwise build and never use (a tenth of
    // a start's time).
    // (Fastify types the factories after Ajv's and fast-json-stringify's; any function returning a compiler works.)
    schemaController: { compilersFactory: { buildValidator: (() => validatorCompiler) as never, buildSerializer: (() => serializerCompiler) as never } },
    // A path that does not decode or a parameter over maxParamLength (414), and a request Node's parser refused (431,
    // 414, 400): answered in the platform's error format with its security headers, not Fastify's plain JSON.
    frameworkErrors: (error, request, reply) =>
      sendError(request as FastifyRequest, reply as FastifyReply, routingError(error), requestLocale(request as FastifyRequest), securityHeaders),
    clientErrorHandler: clientErrorHandler(securityHeaders),
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);

  const jobs = createJobs({ config, database, log: app.log.child({ component: 'jobs' }) });
  const context: AppContext = {
    config,
    database,
    events: new EventBus(),
    cache,
    jobs: { worker: jobs.worker },
    related: modules.flatMap((module) => module.related ?? []),
    contributions: modules.flatMap((module) => module.contributions ?? []),
    activity: modules.flatMap((module) => module.activity ?? []),
  };
  for (const module of modules) addJobHandlers(jobs.handlers, module.name, module.jobHandlers?.(context) ?? {});
  // Started by startServer when JOBS is on; stopped with the server, before the caller closes the database.
  app.addHook('onClose', () => jobs.close());
  context.events.on('registry.changed', 'http.invalidate-response-cache', () => context.cache.invalidate());
  // A change published here (a practice, an event, a toolkit import…) must reach the other web processes' caches too:
  // only the registry's own tables NOTIFY by trigger. Our own notification comes back once, as 'database-notify'.
  context.events.on('registry.changed', 'http.notify-other-processes', (change) => {
    if (change.reason === 'database-notify') return;
    database.notify('registry_changed').catch((error: unknown) => {
      // The database is away: a process whose LISTEN connection was lost with it empties its cache when it listens
      // again (listen.ts); one that kept its connection keeps its pages until the next change, hence the warning.
      app.log.warn({ err: error }, 'could not tell the other processes that the registry changed');
    });
  });
  // Writes from other processes (the CLI importer, another server) reach us through PostgreSQL NOTIFY.
  // A lost connection is reopened and LISTENs again, then calls back once (notifications were missed meanwhile).
  await database.listen('registry_changed', () => context.events.emit('registry.changed', { reason: 'database-notify' }), {
    log: app.log.child({ component: 'database' }),
  });
  app.decorate('context', context);
  app.decorate('web', { front, securityHeaders });
  // Route limits (`config.rateLimit`, such as the join form's) and the JSON API's per-address budget.
  await app.register(rateLimit, { global: false });
  const apiRateLimit = app.createRateLimit({ max: config.rateLimitPerMinute, timeWindow: '1 minute' });
  const apiDecision = (limit: { isAllowed: boolean; isExceeded?: boolean; ttlInSeconds?: number; remaining?: number; ttl?: number }): ApiLimitDecision => ({
    exceeded: !limit.isAllowed && limit.isExceeded === true,
    retryAfterSeconds: limit.ttlInSeconds ?? 0,
    remaining: limit.remaining ?? 0,
    ttlMs: limit.ttl ?? 0,
  });
  // The front counts the API hits it answers with the same limiter: a request-shaped object is all it reads (the
  // address, and the route's rate-limit group, which API routes do not set).
  front.apiLimit = (ip) => apiRateLimit({ ip, routeOptions: { config: {} } } as unknown as FastifyRequest).then(apiDecision);
  // First hook of all: cached public responses the front did not answer are answered before any other per-request
  // work. A JSON API request is counted against RATE_LIMIT_PER_MINUTE first (once: the front may have counted it), so
  // cached answers count too (pages are not limited by it).
  app.addHook('onRequest', (request, reply, done) => {
    if (!isJsonApiUrl(request.url)) {
      if (!context.cache.serveHit(request, reply)) done();
      return;
    }
    const taken = front.decisionFor(request.raw);
    (taken ? Promise.resolve(taken) : apiRateLimit(request).then(apiDecision)).then((decision) => {
      if (decision.exceeded) {
        reply.header('retry-after', String(decision.retryAfterSeconds));
        done(new AppError('request.rate-limited', 429, (l) => appMessages(l)('error.tooManyRequests.title')));
      } else if (!context.cache.serveHit(request, reply)) done();
    }, done);
  });

  // The same options as securityHeadersOf reads (typed once by helmet's ESM build, once by the CommonJS one here).
  await app.register(helmet, helmetConfig as FastifyHelmetOptions);
  await app.register(formbody);
  // Cookies, CSRF and sessions; the actor is resolved lazily, so cached public pages never pay for it.
  await registerAuth(app, context);
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Paris Call Platform API',
        version: '1.0.0',
        description:
          'Open data of the Paris Call for Trust and Security in Cyberspace: the registry of supporters and its statistics. ' +
          'Errors are RFC 9457 problem+json documents.',
        license: { name: 'EUPL-1.2' },
      },
      servers: [{ url: config.publicUrl }],
    },
    transform: jsonSchemaTransform,
  });
  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());
  await app.register(swaggerUi, await apiDocsOptions('Paris Call Platform API'));

  app.setErrorHandler((error, request, reply) => {
    const locale = requestLocale(request);
    let appError: AppError;
    if (error instanceof AppError) appError = error;
    else if (isCsrfError(error)) appError = csrfRejected();
    else if (hasZodFastifySchemaValidationErrors(error)) {
      appError = invalidRequest(
        error.validation.map((v) => ({
          field: `${error.validationContext ?? 'request'}.${v.instancePath.replace(/^\//, '').replaceAll('/', '.')}`.replace(/\.$/, ''),
          message: v.message ?? 'invalid',
          code: v.keyword,
        })),
        locale,
      );
    } else if (isDatabaseUnavailable(error)) {
      // The database is away (restart, failover, lost connection): the pool reconnects by itself; say so, not "bug".
      request.log.warn({ err: error }, 'database unavailable');
      appError = databaseUnavailable();
      reply.header('retry-after', '5');
    } else if (isMalformedBody(error)) {
      // A client's broken upload (no boundary, cut short): its mistake, a 400 that says so, no error-level log line.
      appError = new AppError('request.malformed-body', 400, (l) => appMessages(l)('error.malformedBody.title'));
    } else if ((error as { statusCode?: number }).statusCode === 429) {
      appError = new AppError('request.rate-limited', 429, (l) => appMessages(l)('error.tooManyRequests.title'));
    } else if ((error as { statusCode?: number }).statusCode && (error as { statusCode: number }).statusCode < 500) {
      const status = (error as { statusCode: number }).statusCode;
      appError = new AppError('request.invalid', status, (l) => appMessages(l)('error.badRequest.title'));
    } else {
      request.log.error({ err: error }, 'unhandled error');
      appError = new AppError('internal', 500, (l) => appMessages(l)('error.internal.title'));
    }
    return sendError(request, reply, appError, locale, securityHeaders);
  });

  app.setNotFoundHandler((request, reply) => {
    const locale = requestLocale(request);
    return sendError(request, reply, new AppError('not-found', 404, (l) => appMessages(l)('error.notFound.title')), locale, securityHeaders);
  });

  // 200 while the database answers; otherwise the error handler's 503 problem+json (any failure of `select 1`, such as
  // a query timeout, means the database is not usable, whether or not the driver calls it a connection error).
  app.get('/healthz', { schema: { hide: true } }, async (request) => {
    try {
      await pingDatabase(database.db);
    } catch (error) {
      request.log.warn({ err: error }, 'health check: database unavailable');
      throw databaseUnavailable();
    }
    return { status: 'ok', database: database.driver };
  });

  app.get('/', { schema: { hide: true } }, async (request, reply) => {
    const locale = negotiateLocale(request.headers['accept-language']);
    return reply.header('vary', 'Accept-Language').redirect(`/${locale}`, 302);
  });

  await registerAssets(app);
  for (const module of modules) await module.register(app, context);
  return Object.assign(app, { context }) as unknown as App;
}

/** 503: the database cannot be reached for now (problem+json on the API and /healthz, an error page elsewhere). */
function databaseUnavailable(): AppError {
  return new AppError('database.unavailable', 503, (l) => appMessages(l)('error.unavailable.title'));
}

/**
 * Errors the multipart parser (busboy, through @fastify/multipart) raises on a body that is not a well-formed
 * multipart form: they carry no HTTP status, so they would otherwise read as a server bug.
 */
function isMalformedBody(error: unknown): boolean {
  const message = error instanceof Error ? error.message : '';
  const code = (error as { code?: string }).code ?? '';
  return (
    /^(Multipart: Boundary not found|Unexpected end of (form|multipart data)|Malformed part header|Malformed urlencoded form)/.test(message) ||
    code === 'FST_INVALID_MULTIPART_CONTENT_TYPE'
  );
}

/**
 * Every error answer: problem+json for the API and data routes (and clients that do not take HTML), an HTML error page
 * for pages. Helmet's headers are added where its hook has not run (an error raised in the first hook, such as the API's
 * rate limit, or by the router), so no answer goes out without them.
 */
function sendError(
  request: FastifyRequest,
  reply: FastifyReply,
  error: AppError,
  locale: Locale,
  securityHeaders: Readonly<Record<string, string>>,
) {
  for (const [name, value] of Object.entries(securityHeaders)) if (!reply.hasHeader(name)) reply.header(name, value);
  // Sign-in redirects are for pages, downloads under a language (/en/account/data.json) included; authRedirect
  // answers nothing for a URL without a language.
  const redirect = authRedirect(request, error);
  if (redirect) return reply.header('cache-control', 'no-store').redirect(redirect, 303);
  reply.code(error.status);
  if (isApiRequest(request) || !/text\/html|\*\/\*/.test(String(request.headers.accept ?? '*/*')) && !request.url.match(/^\/(en|fr)(\/|$|\?)/)) {
    return reply.type('application/problem+json').send(toProblem(error, locale, request.url.split('?')[0]));
  }
  const t = appMessages(locale);
  const body =
    error.code === 'request.csrf' ? t('error.csrf.body') : error.status === 401 ? t('error.unauthorized.body') : error.status === 403 ? t('error.forbidden.body') :
    error.status === 404 ? t('error.notFound.body') : error.status === 429 ? t('error.tooManyRequests.body') :
    error.status === 503 ? t('error.unavailable.body') : error.status >= 500 ? t('error.internal.body') : undefined;
  return reply.type('text/html; charset=utf-8').send(
    ErrorPage({ locale, path: pathAfterLocale(request), title: error.localize(locale), body, issues: error.issues }),
  );
}
