import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from './testing/test-database.ts';

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
