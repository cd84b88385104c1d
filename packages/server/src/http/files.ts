/**
 * Stored files in a response (evidence, exports, documents): how a route declares one in its
 * schema, and the headers that keep a browser from rendering or guessing it.
 */
import type { FastifyReply } from 'fastify';
import { z } from 'zod';

/** A file response: Fastify sends Buffers and streams as they are, never through the serializer. */
export const binary = (description: string) => z.any().describe(description);

/** Headers for a stored file: the sniffed type, never rendered as a page, never guessed. */
export function fileHeaders(reply: FastifyReply, mimeType: string, disposition: 'attachment' | 'inline', fileName?: string) {
  const name = fileName ? `; filename="${fileName.replace(/[^\x20-\x7e]|["\\]/g, '_')}"; filename*=UTF-8''${encodeURIComponent(fileName)}` : '';
  reply
    .type(mimeType)
    .header('content-disposition', `${disposition}${name}`)
    .header('x-content-type-options', 'nosniff')
    .header('content-security-policy', "default-src 'none'; sandbox")
    .header('cache-control', 'private, no-store');
}
