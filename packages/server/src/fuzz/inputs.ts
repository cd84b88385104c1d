/**
 * Hostile requests for the fuzz suite (fuzz.test.ts), built with fast-check from a seed: what a
 * half-broken phone upload, a confused client or an attacker sends. Each generator yields a
 * complete request (method, URL, headers, payload) for one route of the API document.
 */
import fc from 'fast-check';
import type { InjectOptions } from 'fastify';

export interface RouteSpec {
  method: string;
  /** OpenAPI path, e.g. /api/v1/reports/{id}. */
  path: string;
}

/** Strings that have broken servers: NUL, lone surrogates, control and bidi characters, SQL and path tricks. */
const nasty = fc.constantFrom(
  '\u0000',
  'a\u0000b',
  '\ud800',
  '\udfff x',
  '\u202e\u0000',
  '\u0007\u001b[31m',
  "' OR 1=1 --",
  '../../etc/passwd',
  '%00',
  '%',
  '%ZZ',
  '%C3%28',
  '\uFEFF',
  '9'.repeat(400),
  'x'.repeat(70_000),
  '',
  ' ',
  '-1',
  '1e309',
  'NaN',
  'null',
  '__proto__',
  'constructor',
  '2024-02-30',
  '35.10',
  'NTR-2024-0000-0000',
);

/** Lone surrogates cannot be percent-encoded: a client would send U+FFFD. */
const wellFormed = (text: string) => text.replace(/[\ud800-\udfff]/g, '\ufffd');
const anyText = fc.oneof(nasty, fc.string({ maxLength: 40 }), fc.string({ unit: 'binary', maxLength: 30 }), fc.uuid());

/** A path with every {param} replaced by a fuzzed value (encoded as a client would, or not). */
const concretePath = (path: string) =>
  fc.tuple(...(path.match(/\{[^}]+\}/g) ?? []).map(() => anyText), fc.boolean()).map((values) => {
    const raw = values.pop() as boolean;
    let i = 0;
    return path.replace(/\{[^}]+\}/g, () => {
      const value = String(values[i++]);
      return raw ? value.replace(/[/?#\s]/g, '') || 'x' : encodeURIComponent(wellFormed(value));
    });
  });

const queryString = fc.oneof(
  fc.constant(''),
  fc.constant('?lang=en'),
  fc.dictionary(fc.constantFrom('lang', 'page', 'pageSize', 'q', 'regionCode', 'electionId', 'state', 'knownOn', 'from', 'to', 'sort'), anyText, { maxKeys: 4 }).map(
    (q) => `?${Object.entries(q).map(([k, v]) => `${k}=${encodeURIComponent(wellFormed(String(v)))}`).join('&')}`,
  ),
  fc.constantFrom('?page=%00', '?q=%ZZ', '?q=%C3%28', '?lang=xx', '?page=-1&pageSize=99999999', '?a[b][c]=1', '?lang=en&lang=id'),
);

/** Field names the API's bodies use: fuzzed values under real names reach the validators and SQL. */
const FIELD_NAMES = [
  'electionId', 'regionCode', 'place', 'occurredOn', 'occurredUntil', 'knownOn', 'description', 'actCodes', 'reportedName', 'reportedNip',
  'anonymous', 'reporterName', 'reporterEmail', 'receiptNumber', 'secret', 'message', 'email', 'password', 'code', 'name', 'role', 'reason',
  'note', 'nip', 'state', 'toState', 'assigneeId', 'ids', 'kind', 'title', 'text', 'term', 'lang',
] as const;

const jsonLeaf = fc.oneof(anyText, fc.integer(), fc.double(), fc.boolean(), fc.constant(null));
const jsonBody = fc.oneof(
  fc.dictionary(fc.constantFrom(...FIELD_NAMES), fc.oneof(jsonLeaf, fc.array(jsonLeaf, { maxLength: 3 })), { maxKeys: 12 }),
  fc.jsonValue({ maxDepth: 3 }),
);

const CRLF = '\r\n';
function multipart(boundary: string, fields: Array<[string, string]>, file?: { name: string; bytes: Buffer }): Buffer {
  const parts: Buffer[] = fields.map(([k, v]) => Buffer.from(`--${boundary}${CRLF}Content-Disposition: form-data; name="${k}"${CRLF}${CRLF}${v}${CRLF}`));
  if (file) {
    parts.push(Buffer.from(`--${boundary}${CRLF}Content-Disposition: form-data; name="evidence"; filename="${file.name}"${CRLF}Content-Type: image/jpeg${CRLF}${CRLF}`));
    parts.push(file.bytes, Buffer.from(CRLF));
  }
  parts.push(Buffer.from(`--${boundary}--${CRLF}`));
  return Buffer.concat(parts);
}

const JPEG_START = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00]);

/** Bodies with their content type: broken JSON, broken multipart, invalid UTF-8, NUL. */
const payload: fc.Arbitrary<{ contentType?: string; body?: string | Buffer }> = fc.oneof(
  jsonBody.map((v) => ({ contentType: 'application/json', body: JSON.stringify(v) ?? 'null' })),
  // JSON whose strings carry NUL (\u0000 escapes survive JSON.parse and reach PostgreSQL).
  fc.dictionary(fc.constantFrom(...FIELD_NAMES), fc.string({ maxLength: 10 }).map((s) => `${s}\u0000${s}`), { minKeys: 1, maxKeys: 6 }).map((v) => ({
    contentType: 'application/json',
    body: JSON.stringify(v),
  })),
  // Invalid UTF-8 inside a JSON string.
  fc.uint8Array({ minLength: 1, maxLength: 8 }).map((bytes) => ({
    contentType: 'application/json',
    body: Buffer.concat([Buffer.from('{"description":"'), Buffer.from([0xc3, 0x28, 0xff, ...bytes]), Buffer.from('"}')]),
  })),
  fc.uint8Array({ maxLength: 200 }).map((bytes) => ({ contentType: 'application/json', body: Buffer.from(bytes) })),
  fc.constantFrom('{', '{"a":', '[1,2', '"\\u00"', '{"__proto__":{"x":1}}', '{"constructor":{"prototype":{"x":1}}}', 'null', '1', '""').map((body) => ({
    contentType: 'application/json',
    body,
  })),
  fc.constantFrom('text/plain', 'application/xml', 'application/x-www-form-urlencoded', 'image/jpeg', 'application/json; charset=latin1', 'multipart/mixed', 'foo').chain((contentType) =>
    fc.string({ maxLength: 60 }).map((body) => ({ contentType, body })),
  ),
  // Multipart without a boundary, with a boundary that never appears, truncated, or binary garbage.
  fc.constantFrom('multipart/form-data', 'multipart/form-data; boundary=', 'multipart/form-data; boundary="unterminated', 'multipart/form-data; boundary=' + 'b'.repeat(200)).chain((contentType) =>
    fc.uint8Array({ maxLength: 300 }).map((bytes) => ({ contentType, body: Buffer.from(bytes) })),
  ),
  fc
    .tuple(
      fc.array(fc.tuple(fc.constantFrom(...FIELD_NAMES), anyText), { maxLength: 8 }),
      fc.option(fc.uint8Array({ maxLength: 400 }), { nil: undefined }),
      fc.nat(),
      fc.constantFrom('truncate', 'whole', 'nul-field', 'bad-utf8', 'bad-header'),
    )
    .map(([fields, fileBytes, cut, how]) => {
      const boundary = '----netrafuzz' + (cut % 1000);
      const file = fileBytes ? { name: `foto${cut % 7}.jpg`, bytes: Buffer.concat([JPEG_START, Buffer.from(fileBytes)]) } : undefined;
      const safeFields = fields.map(([k, v]): [string, string] => [k, wellFormed(String(v))]);
      if (how === 'nul-field') safeFields.push(['description', 'laporan\u0000rusak']);
      let body = multipart(boundary, safeFields, file);
      if (how === 'bad-utf8') body = Buffer.concat([body.subarray(0, Math.min(body.length, 60)), Buffer.from([0xc3, 0x28, 0xfe]), body.subarray(Math.min(body.length, 60))]);
      if (how === 'truncate') body = body.subarray(0, cut % Math.max(1, body.length));
      if (how === 'bad-header') body = Buffer.from(body.toString('latin1').replace('Content-Disposition: form-data; name=', 'Content-Disposition: form-data; nam='), 'latin1');
      return { contentType: `multipart/form-data; boundary=${boundary}`, body };
    }),
  fc.constant({}),
);

const headers = fc.record(
  {
    'accept-language': fc.constantFrom('en', 'id', 'xx', '*', '\u0000'.replace('\u0000', '')),
    'idempotency-key': fc.oneof(fc.uuid(), fc.string({ maxLength: 300 }).map((s) => s.replace(/[^\x20-\x7e]/g, ''))),
    'x-csrf-token': fc.string({ maxLength: 20 }).map((s) => s.replace(/[^\x20-\x7e]/g, '')),
  },
  { requiredKeys: [] },
);

/** One hostile request for `route` (its own method, or now and then another one). */
export function requestFor(route: RouteSpec): fc.Arbitrary<InjectOptions> {
  return fc
    .tuple(concretePath(route.path), queryString, payload, headers, fc.integer({ min: 0, max: 19 }))
    .map(([path, query, { contentType, body }, extra, dice]) => {
      const method = (dice === 0 ? 'PATCH' : route.method.toUpperCase()) as InjectOptions['method'];
      const hasBody = method !== 'GET' && method !== 'HEAD' && body !== undefined;
      return {
        method,
        url: `${path}${query}`,
        headers: { ...extra, ...(hasBody && contentType ? { 'content-type': contentType } : {}) },
        ...(hasBody ? { payload: body } : {}),
      } as InjectOptions;
    });
}
