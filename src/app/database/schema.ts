// Every table of every module, for drizzle's typed queries and drizzle-kit's migration generator.
export * from '../audit/audit.tables.js';
export * from '../../modules/supporters/supporters.tables.js';
export * from '../../modules/call/call.tables.js';
export * from '../jobs/jobs.tables.js';
export * from '../limits/limits.tables.js';
export * from '../auth/auth.tables.js';
export * from '../authz/authz.tables.js';
export * from '../../modules/applications/applications.tables.js';
export * from '../../modules/index/index.tables.js';
export * from '../../modules/accounts/accounts.totp.tables.js';
