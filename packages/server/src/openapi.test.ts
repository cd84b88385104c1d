import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import SwaggerParser from '@apidevtools/swagger-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildOpenApiDocument, formatOpenApiDocument } from './openapi/document.ts';
import { createTestApp, type TestApp } from './testing/test-database.ts';

const repositoryRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const contractDir = path.join(repositoryRoot, 'packages/api-contract');

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t.close());

describe('API documentation', () => {
  it('publishes an OpenAPI 3.1 document describing every capability', async () => {
    const res = await t.app.inject('/api/v1/openapi.json');
    expect(res.statusCode).toBe(200);
    const spec = res.json();
    expect(spec.openapi).toMatch(/^3\.1\./);
    expect(spec.info.title).toBe('Netra API');
    for (const path of ['/api/v1/health', '/api/v1/regions', '/api/v1/regions/{code}', '/api/v1/elections/{id}', '/api/v1/elections/{id}/calendar', '/api/v1/nip/{nip}']) {
      expect(spec.paths[path]?.get, path).toBeDefined();
    }
    // The document itself is not an endpoint worth documenting.
    expect(spec.paths['/api/v1/openapi.json']).toBeUndefined();
  });

  it('documents the NIP 422 answer and the query parameters a client needs', async () => {
    const spec = (await t.app.inject('/api/v1/openapi.json')).json();
    const nip = spec.paths['/api/v1/nip/{nip}'].get;
    expect(Object.keys(nip.responses)).toEqual(expect.arrayContaining(['200', '422']));
    expect(nip.parameters.map((p: { name: string }) => p.name)).toEqual(expect.arrayContaining(['nip', 'kind']));
    const calendar = spec.paths['/api/v1/elections/{id}/calendar'].get;
    expect(calendar.parameters.map((p: { name: string; in: string }) => `${p.in}:${p.name}`)).toEqual(
      expect.arrayContaining(['path:id', 'query:region', 'query:date']),
    );
    const regions = spec.paths['/api/v1/regions'].get;
    expect(regions.parameters.map((p: { name: string }) => p.name)).toEqual(expect.arrayContaining(['level', 'parent', 'q', 'limit', 'offset']));
  });

  it('serves the interactive docs page', async () => {
    for (const url of ['/api/v1/docs', '/api/v1/docs/']) {
      const res = await t.app.inject(url);
      expect(res.statusCode, url).toBe(200);
      expect(res.headers['content-type']).toMatch(/^text\/html/);
      expect(res.body).toMatch(/swagger-ui/i);
    }
  });

  it('answers an unknown API path with a JSON 404 in the caller’s language', async () => {
    const res = await t.app.inject('/api/v1/no-such-thing');
    expect(res.statusCode).toBe(404);
    expect(res.headers['content-type']).toMatch(/^application\/json/);
    expect(res.json()).toEqual({ error: { code: 'not_found', message: 'Alamat /api/v1/no-such-thing tidak ada di API.' } });
    const english = await t.app.inject({ url: '/api/v1/no-such-thing', headers: { 'accept-language': 'en' } });
    expect(english.json().error.message).toBe('There is no API route /api/v1/no-such-thing.');
  });
});

describe('API contract', () => {
  it('is a valid OpenAPI document, every path included', async () => {
    const spec = (await t.app.inject('/api/v1/openapi.json')).json();
    // The validator dereferences in place: give it a copy.
    const validated = await SwaggerParser.validate(structuredClone(spec));
    expect(Object.keys(validated.paths ?? {})).toEqual(Object.keys(spec.paths));
    expect(Object.keys(spec.paths).length).toBeGreaterThanOrEqual(95);
  });

  it('is printed without a database exactly as the running server publishes it', async () => {
    // buildOpenApiDocument's database refuses every query, so this also proves that building the
    // routes queries nothing.
    const printed = await buildOpenApiDocument();
    const served = (await t.app.inject('/api/v1/openapi.json')).json();
    expect(printed).toEqual(served);
  });

  it('is committed up to date (run `npm run api:types` after changing a route schema)', async () => {
    const committed = fs.readFileSync(path.join(contractDir, 'openapi.json'), 'utf8');
    expect(committed === formatOpenApiDocument(await buildOpenApiDocument()), 'packages/api-contract/openapi.json is stale: npm run api:types').toBe(true);
  });

  it('breaks the web type check when a response field the web app reads changes', async () => {
    // Generated types (committed ones must match the committed document), then the same with one
    // response field renamed: the web app must stop compiling. See the script for details.
    const { stdout } = await promisify(execFile)(process.execPath, [path.join(contractDir, 'scripts/check-breaks-web.mjs')], {
      cwd: repositoryRoot,
      timeout: 120_000,
    });
    expect(stdout).toMatch(/web type check fails on the changed field/);
  }, 150_000);
});
