/**
 * JSON with one spelling per value: object keys sorted, no whitespace. A hash over JSON is only
 * verifiable if re-serialising the stored value gives the same bytes, and PostgreSQL's jsonb
 * does not keep key order. Key order is by UTF-16 code units and numbers and strings are written
 * as JSON.stringify writes them, which matches RFC 8785 (JCS) for the values Netra stores.
 */
export type JsonValue = null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue | undefined };

export function canonicalJson(value: unknown): string {
  return write(value, '$');
}

function write(value: unknown, path: string): string {
  if (value !== null && typeof value === 'object' && typeof (value as { toJSON?: unknown }).toJSON === 'function') {
    return write((value as { toJSON: () => unknown }).toJSON(), path);
  }
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return JSON.stringify(value);
    case 'number':
      // JSON.stringify would write null, and the stored value would no longer match its hash.
      if (!Number.isFinite(value)) throw new TypeError(`${path}: ${value} has no JSON form`);
      return JSON.stringify(value);
    case 'object':
      if (value === null) return 'null';
      if (Array.isArray(value)) return `[${value.map((item, i) => write(item, `${path}[${i}]`)).join(',')}]`;
      return `{${Object.keys(value)
        .filter((key) => (value as Record<string, unknown>)[key] !== undefined)
        .sort()
        .map((key) => `${JSON.stringify(key)}:${write((value as Record<string, unknown>)[key], `${path}.${key}`)}`)
        .join(',')}}`;
    default:
      // undefined inside an array, functions, symbols, bigints: JSON would drop or reject them.
      throw new TypeError(`${path}: a ${typeof value} has no JSON form`);
  }
}
