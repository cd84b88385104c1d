import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkHouse, scanQueriesOutsideRepositories } from './check-house.ts';

const planted = path.join(import.meta.dirname, 'planted');

describe('house rule checker', () => {
  const { ok, report } = checkHouse(planted, ['packages']);

  it('fails on a tree with planted violations', () => {
    expect(ok).toBe(false);
  });

  it.each([
    ['no-circular', 'packages/web/src/(page|b).ts'],
    ['sql-only-in-repositories', 'packages/server/src/capabilities/alpha/service.ts'],
    ['no-other-capability-repository', 'packages/server/src/capabilities/alpha/service.ts'],
    ['core-is-pure', 'packages/core/src/io.ts'],
    ['web-does-not-import-server', 'packages/web/src/page.ts'],
    ['http-below-capabilities', 'packages/server/src/http/guard.ts'],
    ['http-needs-no-app-context', 'packages/server/src/http/address-key.ts'],
    ['routes-guard-from-http', 'packages/server/src/capabilities/alpha/routes.ts'],
    ['foundation-below-capabilities', 'packages/server/src/mail/queue.ts'],
    ['mail-needs-no-job-runner', 'packages/server/src/mail/queue.ts'],
    ['reports-beside-cases', 'packages/server/src/capabilities/reports/intake.service.ts'],
    ['entries-import-nothing-back', 'packages/server/src/testing/cli.ts'],
  ])('names the rule %s at %s', (rule, file) => {
    expect(report).toMatch(new RegExp(`${rule}: ${file.replace(/\.ts$/, '\\.ts')}`));
  });

  it('finds a query built outside a repository by its text, with the line', () => {
    const found = scanQueriesOutsideRepositories(planted);
    expect(found.map((v) => `${v.file}:${v.line}`)).toEqual([
      'packages/server/src/capabilities/alpha/service.ts:4',
    ]);
  });

  it('names two server folders that import each other, though no two files do', () => {
    expect(report).toMatch(/no-folder-circle: packages\/server\/src\/capabilities\/beta\/ ⇄ packages\/server\/src\/capabilities\/gamma\//);
  });

  it('fails when the server stands on more floors than allowed, and only then', () => {
    expect(report).not.toMatch(/server-floors/);
    expect(checkHouse(planted, ['packages'], 1).report).toMatch(/server-floors: packages\/server\/src \(\d+ floors, at most 1/);
  });

  it('lets a capability use its own repository', () => {
    expect(report).not.toMatch(/beta\/service\.ts → .*beta\/repository\.ts/);
  });
});
