/**
 * The inbox's tables: conversations (one open per sender and channel), their messages and media,
 * the provider message ids already taken in (webhooks are retried by providers), and the outbox.
 * Reads for officers filter by territory in the query; a conversation without a region is
 * national Bawaslu's only.
 */
import type { Scope } from '@netra/core';
import { sql } from 'kysely';
import type { Db, Trx } from '../../db/database.ts';
import { regionInScope } from '../../db/scope.ts';
import type { Channel } from './providers.ts';

/** True the first time a provider's message id is seen on a channel. */
export async function claimProviderId(db: Db, channel: Channel, providerMessageId: string): Promise<boolean> {
  const row = await db.insertInto('inbox_provider_ids').values({ channel, provider_message_id: providerMessageId }).onConflict((oc) => oc.doNothing()).returning('channel').executeTakeFirst();
  return row !== undefined;
}

export async function openConversation(trx: Trx, channel: Channel, senderKey: string, senderSealed: string, now: Date) {
  await trx
    .insertInto('inbox_conversations')
    .values({ channel, sender_key: senderKey, sender_sealed: senderSealed, created_at: now, last_message_at: now })
    .onConflict((oc) => oc.columns(['channel', 'sender_key']).where('status', '=', 'open').doNothing())
    .execute();
  return trx.selectFrom('inbox_conversations').selectAll().where('channel', '=', channel).where('sender_key', '=', senderKey).where('status', '=', 'open').forUpdate().executeTakeFirstOrThrow();
}

export async function insertMessage(trx: Trx | Db, m: { conversationId: string; direction: 'in' | 'out'; providerMessageId: string | null; body: string; sentBy: string | null; at: Date }) {
  return trx
    .insertInto('inbox_messages')
    .values({ conversation_id: m.conversationId, direction: m.direction, provider_message_id: m.providerMessageId, body: m.body, sent_by: m.sentBy, received_at: m.at })
    .returning('id')
    .executeTakeFirstOrThrow();
}

export async function insertMedia(trx: Trx, messageId: string, files: Array<{ originalName: string; mimeType: string; sizeBytes: number; sha256: string; storageKey: string; publicCopyKey: string | null }>) {
  if (files.length === 0) return;
  await trx
    .insertInto('inbox_media')
    .values(files.map((f) => ({ message_id: messageId, original_name: f.originalName, mime_type: f.mimeType, size_bytes: f.sizeBytes, sha256: f.sha256, storage_key: f.storageKey, public_copy_key: f.publicCopyKey })))
    .execute();
}

export async function updateConversation(trx: Trx | Db, id: string, values: { region_code?: string | null; region_asked_at?: Date | null; last_message_at?: Date; status?: 'open' | 'converted' | 'dismissed'; dismiss_reason?: string | null; report_id?: string | null; handled_by?: string | null; handled_at?: Date | null }) {
  await trx.updateTable('inbox_conversations').set(values).where('id', '=', id).execute();
}

/** Conversations the scope reaches: by region inside it; without a region, national scope only. */
function visible(db: Db, scope: Scope) {
  return db.selectFrom('inbox_conversations as c').where((eb) => (scope.kind === 'national' ? sql<boolean>`true` : eb.and([eb('c.region_code', 'is not', null), regionInScope(eb, 'c.region_code', scope)])));
}

export async function listConversations(db: Db, scope: Scope, query: { status: 'open' | 'converted' | 'dismissed'; limit: number; offset: number }) {
  const base = visible(db, scope).where('c.status', '=', query.status);
  const [{ total }] = await base.select((eb) => eb.fn.countAll<number>().as('total')).execute();
  const items = await base
    .leftJoin('regions as r', 'r.code', 'c.region_code')
    .select((eb) => [
      'c.id',
      'c.channel',
      'c.sender_key',
      'c.region_code',
      'r.name as region_name',
      'c.status',
      'c.last_message_at',
      'c.created_at',
      eb.selectFrom('inbox_messages as m').whereRef('m.conversation_id', '=', 'c.id').where('m.direction', '=', 'in').select((m) => m.fn.countAll<number>().as('n')).as('message_count'),
      eb
        .selectFrom('inbox_media as md')
        .innerJoin('inbox_messages as m', 'm.id', 'md.message_id')
        .whereRef('m.conversation_id', '=', 'c.id')
        .select((m) => m.fn.countAll<number>().as('n'))
        .as('media_count'),
      eb.selectFrom('inbox_messages as m').whereRef('m.conversation_id', '=', 'c.id').where('m.direction', '=', 'in').select('m.body').orderBy('m.received_at', 'desc').limit(1).as('preview'),
    ])
    .orderBy('c.last_message_at', 'desc')
    .orderBy('c.id')
    .limit(query.limit)
    .offset(query.offset)
    .execute();
  return { total: Number(total), items };
}

export function findConversation(db: Db, scope: Scope, id: string) {
  return visible(db, scope).leftJoin('regions as r', 'r.code', 'c.region_code').selectAll('c').select('r.name as region_name').where('c.id', '=', id).executeTakeFirst();
}

/** The conversation locked for a change, if the scope reaches it. */
export function lockConversation(trx: Trx, scope: Scope, id: string) {
  return visible(trx, scope).selectAll('c').where('c.id', '=', id).forUpdate().executeTakeFirst();
}

export function messagesOf(db: Db, conversationId: string) {
  return db
    .selectFrom('inbox_messages as m')
    .leftJoin('users as u', 'u.id', 'm.sent_by')
    .select(['m.id', 'm.direction', 'm.body', 'm.received_at', 'u.name as sent_by_name'])
    .where('m.conversation_id', '=', conversationId)
    .orderBy('m.received_at')
    .orderBy('m.id')
    .execute();
}

export function mediaOf(db: Db, conversationId: string) {
  return db
    .selectFrom('inbox_media as md')
    .innerJoin('inbox_messages as m', 'm.id', 'md.message_id')
    .select(['md.id', 'md.message_id', 'md.original_name', 'md.mime_type', 'md.size_bytes', 'md.sha256', 'md.storage_key', 'md.public_copy_key'])
    .where('m.conversation_id', '=', conversationId)
    .orderBy('m.received_at')
    .orderBy('md.id')
    .execute();
}

/** One media item, if its conversation is in scope. */
export function findMedia(db: Db, scope: Scope, id: string) {
  return visible(db, scope)
    .innerJoin('inbox_messages as m', 'm.conversation_id', 'c.id')
    .innerJoin('inbox_media as md', 'md.message_id', 'm.id')
    .select(['md.id', 'md.mime_type', 'md.original_name', 'md.storage_key', 'md.public_copy_key'])
    .where('md.id', '=', id)
    .executeTakeFirst();
}

export async function queueOutbox(trx: Trx | Db, conversationId: string, kind: 'reply' | 'receipt' | 'region_question', bodySealed: string, now: Date): Promise<string> {
  const row = await trx.insertInto('inbox_outbox').values({ conversation_id: conversationId, kind, body_sealed: bodySealed, created_at: now }).returning('id').executeTakeFirstOrThrow();
  return row.id;
}

export function outboxItem(db: Db, id: string) {
  return db
    .selectFrom('inbox_outbox as o')
    .innerJoin('inbox_conversations as c', 'c.id', 'o.conversation_id')
    .select(['o.id', 'o.status', 'o.kind', 'o.body_sealed', 'o.attempts', 'c.channel', 'c.sender_sealed', 'c.id as conversation_id'])
    .where('o.id', '=', id)
    .executeTakeFirst();
}

export async function markOutbox(db: Db, id: string, values: { status: 'sent' | 'failed' | 'queued'; provider_message_id?: string | null; last_error?: string | null; sent_at?: Date | null }) {
  await db
    .updateTable('inbox_outbox')
    .set({ ...values, attempts: sql<number>`attempts + 1` })
    .where('id', '=', id)
    .execute();
}

export function outboxOf(db: Db, conversationId: string) {
  return db.selectFrom('inbox_outbox').select(['id', 'kind', 'status', 'attempts', 'last_error', 'created_at', 'sent_at']).where('conversation_id', '=', conversationId).orderBy('created_at').execute();
}

/**
 * Run `work` while holding a session-level advisory lock on one conversation (on a connection of
 * its own), so two officers converting the same conversation at once are taken one after the
 * other: the second finds it handled instead of filing a second report.
 */
export async function withConversationLock<T>(db: Db, conversationId: string, work: () => Promise<T>): Promise<T> {
  return db.connection().execute(async (conn) => {
    await sql`SELECT pg_advisory_lock(hashtextextended(${`inbox-conversation:${conversationId}`}, 0))`.execute(conn);
    try {
      return await work();
    } finally {
      await sql`SELECT pg_advisory_unlock(hashtextextended(${`inbox-conversation:${conversationId}`}, 0))`.execute(conn);
    }
  });
}
