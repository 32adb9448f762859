import os from 'node:os';
import path from 'node:path';
import { z } from 'zod';

/**
 * Every setting the platform reads from the environment, validated once at start-up.
 * Each key documents its env name, meaning and default; a bad value stops the process with one line per problem.
 */
const configSchema = z.object({
  /** PORT: TCP port of the web server. */
  port: z.coerce.number().int().min(1).max(65535).default(3000),
  /** HOST: interface to listen on; "localhost" listens on both IPv4 and IPv6 loopback. */
  host: z.string().min(1).default('localhost'),
  /**
   * PUBLIC_URL: absolute URL the platform is reached at, used in e-mailed links, JSON-LD, the embed snippet and the
   * OpenAPI servers list; unset, it is http://HOST:PORT (localhost when HOST listens on every interface).
   */
  publicUrl: z.url({ message: 'must be an absolute URL such as https://pariscall.example.org' }).optional(),
  /** DATABASE_URL: a postgres:// URL selects PostgreSQL; unset selects the embedded PGlite under DATA_DIR. */
  databaseUrl: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must start with postgres:// or postgresql://')
    .optional(),
  /** DATA_DIR: where the embedded database and the mail outbox live. */
  dataDir: z.string().min(1).default('./data'),
  /** LOG_LEVEL: pino level. */
  logLevel: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** IMPORT_ON_EMPTY: directory in the official repository layout imported at start-up when the registry is empty ("" disables). */
  importOnEmpty: z.string().default('../shared/data/pariscall.international'),
  /** TRUST_PROXY: set to true behind a reverse proxy so client addresses (rate limits) come from X-Forwarded-For. */
  trustProxy: z.stringbool({ error: 'must be true or false' }).default(false),
  /** RATE_LIMIT_PER_MINUTE: requests per minute and client address on the JSON API. */
  rateLimitPerMinute: z.coerce.number().int().positive().default(600),
  /** SMTP_URL: smtp:// or smtps:// URL of the mail relay; unset writes each e-mail as an .eml file under DATA_DIR/outbox. */
  smtpUrl: z
    .string()
    .regex(/^smtps?:\/\//, 'must start with smtp:// or smtps://')
    .optional(),
  /** MAIL_FROM: sender of the platform's e-mails. */
  mailFrom: z.string().min(3).default('Paris Call <no-reply@localhost>'),
  /** SECRET_KEY: at least 32 characters, signs cookies and CSRF tokens; unset creates one in DATA_DIR/secret.key. */
  secretKey: z.string().min(32, 'must be at least 32 characters').optional(),
  /** JOIN_RATE_LIMIT_PER_HOUR: applications and claims per hour and client address, every route and language together. */
  joinRateLimitPerHour: z.coerce.number().int().positive().default(20),
  /**
   * WEB_FRONTS: processes that answer cached pages and API answers on the same port beside the server (one process
   * writes at most about half of a static file server's rate); "auto" is one per processor, up to 8 (measured best on
   * two cores, bench/README.md §1); 0 serves from this process alone.
   */
  webFronts: z
    .union([z.literal('auto'), z.coerce.number().int().min(0).max(32)], { error: 'must be auto or a number from 0 to 32' })
    .default('auto')
    .transform((value) => (value === 'auto' ? Math.min(8, os.availableParallelism()) : value)),
  /** JOBS: true runs the outbox worker in this process (the default); false leaves it to another process. */
  jobs: z.stringbool({ error: 'must be true or false' }).default(true),
});

/** What `http://HOST:PORT` a browser on this machine can open: every-interface addresses become localhost. */
export function publicUrlFrom(host: string, port: number): string {
  const name = host === '0.0.0.0' || host === '::' || host === '[::]' ? 'localhost' : host.includes(':') && !host.startsWith('[') ? `[${host}]` : host;
  return `http://${name}:${port}`;
}

/** The settings, with PUBLIC_URL resolved (without a trailing slash) and where it came from, for the start-up line. */
const resolvedSchema = configSchema.transform((config) => ({
  ...config,
  publicUrl: (config.publicUrl ?? publicUrlFrom(config.host, config.port)).replace(/\/+$/, ''),
  publicUrlSource: config.publicUrl === undefined ? ('HOST and PORT' as const) : ('PUBLIC_URL' as const),
}));

export type Config = z.output<typeof resolvedSchema>;

const envNames: Record<keyof z.input<typeof configSchema>, string> = {
  port: 'PORT',
  host: 'HOST',
  publicUrl: 'PUBLIC_URL',
  databaseUrl: 'DATABASE_URL',
  dataDir: 'DATA_DIR',
  logLevel: 'LOG_LEVEL',
  importOnEmpty: 'IMPORT_ON_EMPTY',
  trustProxy: 'TRUST_PROXY',
  rateLimitPerMinute: 'RATE_LIMIT_PER_MINUTE',
  smtpUrl: 'SMTP_URL',
  mailFrom: 'MAIL_FROM',
  secretKey: 'SECRET_KEY',
  joinRateLimitPerHour: 'JOIN_RATE_LIMIT_PER_HOUR',
  jobs: 'JOBS',
  webFronts: 'WEB_FRONTS',
};

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/** Reads and validates the configuration; `overrides` lets tests and the CLI set values without touching the env. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env, overrides: Partial<Config> = {}): Config {
  const raw: Record<string, unknown> = {};
  for (const [key, name] of Object.entries(envNames)) {
    const value = env[name];
    if (value !== undefined && value !== '') raw[key] = value;
  }
  if (env.IMPORT_ON_EMPTY === '') raw.importOnEmpty = '';
  const parsed = resolvedSchema.safeParse({ ...raw, ...overrides });
  if (!parsed.success) {
    throw new ConfigError(
      parsed.error.issues.map((issue) => {
        const key = issue.path[0] as keyof typeof envNames;
        const value = env[envNames[key]];
        // Never echo the value of a URL that may carry a password.
        const shown = key === 'databaseUrl' || key === 'smtpUrl' || key === 'secretKey' || value === undefined ? '' : ` (got "${value}")`;
        return `${envNames[key] ?? String(key)}: ${issue.message}${shown}`;
      }),
    );
  }
  return { ...parsed.data, dataDir: path.resolve(parsed.data.dataDir) };
}
