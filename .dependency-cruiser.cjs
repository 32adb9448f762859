/**
 * The platform's module boundaries, checked by test/boundaries.test.ts (and `npx depcruise src`). Why each rule exists,
 * and how a module is laid out, is in docs/architecture.md. An exception is added here only with its reason beside it.
 */

/** Files of the composition root: they assemble the modules, so they alone in src/app may import them. */
const compositionRoot = '^src/app/(server|modules)\\.ts$';

/**
 * What a module shows the others: its use cases and read use cases, validation, pure rules (and the row types its use
 * cases return, re-exported there), policies, events, constants, its message catalog (the labels of its constants, e.g.
 * a category's name on another module's page) and the registration points it offers (accounts.sections.ts: the
 * account page's sections other modules fill).
 */
const publicSurface = '\\.(usecases|queries|schemas|models|policies|events|constants|messages|sections)\\.tsx?$';

/** Tests and their helpers may reach into anything they test. */
const testFiles = '(\\.test\\.tsx?|\\.test-support\\.tsx?|\\.test-utils\\.tsx?|/e2e/.*)$';

/**
 * Where a query may be written with drizzle-orm. Besides repositories and tables, the database layer itself, and the
 * identity and queue infrastructure of src/app, whose files ARE their stores (a session's resolution, a job's claim
 * with SKIP LOCKED, a user's role change with its audit entry): splitting their one query from its one check would add
 * a file without hiding anything. Modules get no such exception.
 */
const queryPlaces = [
  '\\.repository\\.ts$',
  '\\.tables\\.ts$',
  '^src/app/database/',
  '^src/app/auth/(sessions|users|tokens|passkeys)\\.ts$',
  '^src/app/jobs/(worker|outbox)\\.ts$',
  testFiles,
];

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'An import loop: move the piece both files need into a file of its own.',
      from: { path: '^src/' },
      // Exception: a loop made only of on-demand imports (`await import()`: the CLI loads the server, the server runs a
      // forwarded CLI command) is not one at load time: each file is loaded when called, after the others have run.
      to: { circular: true, via: { dependencyTypesNot: ['dynamic-import'] } },
    },
    {
      name: 'app-imports-no-module',
      severity: 'error',
      comment:
        'src/app is infrastructure: it knows no module. Only the composition root (src/app/server.ts, src/app/modules.ts, ' +
        'and src/main.ts, src/cli.ts, src/site-import.ts beside src/app) assembles them.',
      from: { path: '^src/app/', pathNot: [compositionRoot, testFiles] },
      to: { path: '^src/modules/' },
    },
    {
      name: 'module-through-its-public-surface',
      severity: 'error',
      comment:
        "A module uses another only through its use cases, queries, schemas, models, policies, events and constants; never " +
        'its repository, tables, handlers or views (it changes the other\'s data through its use cases).',
      from: { path: '^src/modules/([^/]+)/', pathNot: ['\\.tables\\.ts$', '^src/modules/pings/pings\\.repository\\.ts$', testFiles] },
      to: { path: '^src/modules/([^/]+)/', pathNot: ['^src/modules/$1/', publicSurface] },
    },
    {
      // Exception (issue 18), as the lead asked: the pings' repository reads the contacts' directory (who, which
      // channels, in what order), read-only, in its own queries: an exercise over 1,000 contacts reads it in one
      // statement. It never writes those tables (the contacts module owns them); for everything else the rule above holds.
      name: 'module-through-its-public-surface-pings-repository',
      severity: 'error',
      comment: 'pings.repository.ts may read the contacts tables; any other module it reaches through its public surface.',
      from: { path: '^src/modules/pings/pings\\.repository\\.ts$' },
      to: { path: '^src/modules/([^/]+)/', pathNot: ['^src/modules/pings/', '^src/modules/contacts/contacts\\.tables\\.ts$', publicSurface] },
    },
    {
      name: 'tables-only-for-foreign-keys',
      severity: 'error',
      comment: "A module's *.tables.ts imports another module's tables only (for a foreign key), nothing else of it.",
      from: { path: '^src/modules/([^/]+)/.*\\.tables\\.ts$' },
      to: { path: '^src/modules/([^/]+)/', pathNot: ['^src/modules/$1/', '\\.tables\\.ts$'] },
    },
    {
      name: 'queries-only-in-repositories',
      severity: 'error',
      comment: 'drizzle-orm queries (eq, sql, and, …) are written in a *.repository.ts; use cases and handlers call it.',
      from: { path: '^src/', pathNot: queryPlaces },
      to: { path: '(^|/)node_modules/drizzle-orm/', pathNot: '(^|/)node_modules/drizzle-orm/pg-core/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    // Type-only imports count: a loop or a reach across a boundary is one whether or not it survives compilation.
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default', 'types'], extensions: ['.ts', '.tsx', '.js', '.mjs', '.cjs', '.json'] },
    exclude: { path: '^dist/' },
  },
};
