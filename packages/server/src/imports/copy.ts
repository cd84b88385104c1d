/**
 * `COPY … FROM STDIN` on the connection of a Kysely transaction, so bulk rows land in the same
 * transaction as the statements around them (a failed import rolls everything back).
 *
 * Kysely does not expose its pg client. pg's `client.query()` accepts any "submittable" (an object
 * with `submit()`), which is how pg-copy-streams works, and Kysely's PostgreSQL driver hands the
 * compiled query's `sql` to `client.query()` unchanged. So the copy stream travels as the query:
 * the call returns at once, the stream owns the connection until it finishes, and later queries
 * on the transaction queue behind it in pg's own queue.
 */
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { CompiledQuery, type Kysely } from 'kysely';
import { from as copyFrom, type CopyStreamQuery } from 'pg-copy-streams';

/** Opens a COPY FROM STDIN stream on the transaction's connection; write COPY text to it and end it. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- any database schema
export async function openCopyIn(trx: Kysely<any>, statement: string): Promise<CopyStreamQuery> {
  const stream = copyFrom(statement);
  await trx.executeQuery(CompiledQuery.raw(stream as unknown as string));
  return stream;
}

/** COPY a whole source (strings or buffers of COPY text) and resolve when PostgreSQL has it. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- any database schema
export async function copyIn(trx: Kysely<any>, statement: string, source: Iterable<string | Buffer> | AsyncIterable<string | Buffer>): Promise<void> {
  const stream = await openCopyIn(trx, statement);
  await pipeline(Readable.from(source), stream);
}

const NEEDS_ESCAPE = /[\\\t\n\r]/;
const ESCAPES = /[\\\t\n\r]/g;
const ESCAPED: Record<string, string> = { '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' };

/** One field in COPY's text format; null is `\N`. */
export function copyField(value: string | null): string {
  if (value === null) return '\\N';
  return NEEDS_ESCAPE.test(value) ? value.replace(ESCAPES, (c) => ESCAPED[c]) : value;
}
